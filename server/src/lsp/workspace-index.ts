import { dirname } from "node:path";
import { checkParsed, parseFile, reparseFile, ruleById, type ConfiguredSeverity, type Finding, type IsmsModel, type MutedFinding, type ParsedFile, type Range } from "../core";
import { groupByRoot } from "../core/workspace";
import type { RootSummary, SummaryTotals } from "../protocol";
import { findIsmsRootAbove, findYamlFiles, inSkippedFolder, isFolder, readYamlFile, unreadableParse } from "./file-system";
import { describeError, type Logger } from "./logger";
import { localDate, type ResolvedSettings, type SettingsStore } from "./settings";
import { inFolder, isYamlKey, keyToPath, pathToKey, type UriMap } from "./uri";

/** The result of checking one file, as the editor should show it. */
export interface FileCheck {
  /** The file's key (its URI in normal form; turn it into the client's URI with `keyToUri`). */
  key: string;
  /** Findings to show in this file. For a file whose latest text does not parse: its syntax findings only. */
  findings: Finding[];
  /** Version of the open document the findings belong to; `undefined` when the file is not open. */
  version?: number;
  /**
   * Set when the latest text of the file has syntax errors and the model (cross-file checks) uses
   * the last version of the file that parsed: the range of the first syntax error.
   */
  lastGoodRange?: Range;
}

/** The result of checking one group: an ISMS root, or the ISMS files of a folder that lie under no root. */
export interface GroupCheck {
  /** Stable id: the root key for a root; `orphans:<folder key>` for files under no root. */
  id: string;
  /** Root folder key; for the files under no root, the key of their workspace folder ("" when outside every folder). */
  root: string;
  isRoot: boolean;
  /** The model of the root (also built for files under no root, with only their documents). */
  model?: IsmsModel;
  /** Every ISMS file of the group, with what to show in it. */
  files: FileCheck[];
  /** What the check muted (rules off or lowered, suppressions), for the readiness verdict. */
  muted?: MutedFinding[];
  settings: ResolvedSettings;
  summary: RootSummary;
}

/** What one check run changed. */
export interface ModelChangeEvent {
  /** Groups checked by this run. */
  changed: GroupCheck[];
  /** Groups that no longer exist (their last result). */
  removed: GroupCheck[];
  /** Files in no group any more (deleted, emptied of ISMS content, moved out): clear what they showed. */
  droppedFiles: string[];
}

/** A text of a file with its parse, computed on first use. */
interface Source {
  text: string;
  /** Set when the file cannot be read from disk: why (its `parsed` says so at the file start; `text` is empty). */
  unreadable?: string;
  version?: number;
  parsed?: ParsedFile;
  failed?: boolean;
  /**
   * The parse of the text this one replaced, not used since: the new text is parsed from it
   * (`reparseFile`: an edit inside one record re-parses that record only).
   */
  base?: ParsedFile;
}

interface FileEntry {
  key: string;
  disk?: Source;
  open?: Source;
  /** The last parse of this file without syntax problems (see {@link WorkspaceIndex.modelParsed}). */
  lastGood?: ParsedFile;
}

/** A folder whose YAML files are read from disk: a workspace folder, or the root above a file opened outside them. */
interface IndexedFolder {
  key: string;
  /** URI as the client gave it (scope of its settings). */
  uri: string;
  path: string;
  implicit: boolean;
}

interface Group {
  id: string;
  root: string;
  isRoot: boolean;
  scopeUri: string | undefined;
  files: ParsedFile[];
  keys: Set<string>;
  hasOpen: boolean;
}

export interface WorkspaceIndexOptions {
  log: Logger;
  settings: SettingsStore;
  uris: UriMap;
  /** Quiet time after the last change before a re-check (ms). */
  debounceMs?: number;
  /** A re-check starts at the latest this long after the first of a burst of changes (ms). */
  maxWaitMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;
const DEFAULT_MAX_WAIT_MS = 1000;
const ORPHANS = "orphans:";

/**
 * Every ISMS file the server knows: the YAML files of the workspace folders read from disk, with
 * open documents overriding their disk text. Parses lazily (a ParsedFile is cached per text), and
 * re-checks only the groups a change affects, after a debounce; a newer change supersedes a run in
 * progress (the run stops at its next step and the new run picks up the work left).
 *
 * A file whose new text has syntax errors keeps its last version that parsed in the model, so the
 * ids defined in it still resolve elsewhere; that file shows the syntax errors of its new text plus
 * a note (see {@link FileCheck.lastGoodRange}).
 *
 * All methods take keys (see `uri.ts`); none throws.
 */
export class WorkspaceIndex {
  private readonly log: Logger;
  private readonly settings: SettingsStore;
  private readonly uris: UriMap;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  private readonly files = new Map<string, FileEntry>();
  private folders: IndexedFolder[] = [];
  /** Folders (paths) already searched for an ISMS root above a document opened outside every folder. */
  private readonly searchedOutside = new Set<string>();

  private readonly committed = new Map<string, GroupCheck & { keys: Set<string> }>();
  /** The group that last published each file. */
  private readonly fileGroup = new Map<string, string>();
  private readonly dirtyFiles = new Set<string>();
  /** Set by {@link recheckAll}: at the next run every group is added to {@link forced}. */
  private checkAll = true;
  /** Groups to check again even if none of their files changed (settings or date changed). */
  private readonly forced = new Set<string>();

  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerStartedAt = 0;
  private running = false;
  private rerun = false;
  private pendingIo = 0;
  private waitingForIo = false;
  private ioChain: Promise<void> = Promise.resolve();
  private idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(event: ModelChangeEvent) => void>();
  private readonly dayTimer: ReturnType<typeof setInterval>;
  private day = localDate(new Date());
  private disposed = false;

  constructor(options: WorkspaceIndexOptions) {
    this.log = options.log;
    this.settings = options.settings;
    this.uris = options.uris;
    this.debounceMs = Math.max(0, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    this.maxWaitMs = Math.max(this.debounceMs, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
    // Overdue checks depend on the date: check again when the local date changes.
    this.dayTimer = setInterval(() => {
      const today = localDate(new Date());
      if (today !== this.day) {
        this.day = today;
        this.recheckAll();
      }
    }, 60_000);
    this.dayTimer.unref?.();
  }

  // ---------------------------------------------------------------- queries (for features)

  /** The parse of the latest text of a file (open document, else disk), or `undefined` when unknown. */
  parsed(key: string): ParsedFile | undefined {
    const entry = this.files.get(key);
    return entry ? this.currentParsed(entry) : undefined;
  }

  /** The latest text of a file (open document, else disk). */
  text(key: string): string | undefined {
    const entry = this.files.get(key);
    const source = entry?.open ?? entry?.disk;
    return source?.unreadable === undefined ? source?.text : undefined;
  }

  /**
   * The parse the model uses for a file: the latest one, or, when the latest text has syntax
   * errors, the last one that parsed (when there is one).
   */
  modelParsed(key: string): ParsedFile | undefined {
    const entry = this.files.get(key);
    return entry ? this.modelParsedOf(entry) : undefined;
  }

  /** The last check of the group (root) a file belongs to. */
  groupOf(key: string): GroupCheck | undefined {
    const id = this.fileGroup.get(key);
    return id === undefined ? undefined : this.committed.get(id);
  }

  /** The model of the ISMS root a file belongs to, as of the last check. */
  model(key: string): IsmsModel | undefined {
    const group = this.groupOf(key);
    return group?.isRoot ? group.model : undefined;
  }

  /** What the last check showed in a file. */
  fileCheck(key: string): FileCheck | undefined {
    return this.groupOf(key)?.files.find((f) => f.key === key);
  }

  /** The last check of every group, roots first, by root. */
  groups(): GroupCheck[] {
    return [...this.committed.values()].sort((a, b) => (a.isRoot !== b.isRoot ? (a.isRoot ? -1 : 1) : a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  }

  /** Every root's summary, and the totals. */
  summaries(): { roots: RootSummary[] } & SummaryTotals {
    const roots = this.groups().map((g) => g.summary);
    return { roots, ...totals(roots) };
  }

  /** Keys of every file the index holds (ISMS or not). */
  keys(): string[] {
    return [...this.files.keys()];
  }

  /** Resolves when no change is waiting to be read or checked. */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Calls `listener` after every check run that changed something. Returns a function that unsubscribes. */
  onDidCheck(listener: (event: ModelChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------------------------------------------------------------- folders

  /** Replaces the workspace folders and reads their files. */
  setFolders(folders: readonly { uri: string }[]): Promise<void> {
    const keep = this.folders.filter((f) => f.implicit);
    this.folders = keep;
    return this.addFolders(folders.map((f) => f.uri));
  }

  /** Adds workspace folders and reads their YAML files. */
  addFolders(uris: readonly string[]): Promise<void> {
    const added: IndexedFolder[] = [];
    for (const uri of uris) {
      const key = this.uris.toKey(uri);
      const path = keyToPath(key);
      if (path === undefined) {
        this.log.once("warn", `Workspace folder ${uri} is not on the local file system; its files are checked only when open.`);
        continue;
      }
      const folder: IndexedFolder = { key, uri, path, implicit: false };
      this.folders = this.folders.filter((f) => f.key !== key);
      this.folders.push(folder);
      added.push(folder);
    }
    this.checkAll = true;
    return this.io(async () => {
      for (const folder of added) await this.readFolder(folder);
      this.schedule();
    });
  }

  /** Removes workspace folders; their files are dropped unless open or in another folder. */
  removeFolders(uris: readonly string[]): void {
    const removed = new Set(uris.map((u) => this.uris.toKey(u)));
    this.folders = this.folders.filter((f) => !removed.has(f.key));
    for (const entry of [...this.files.values()]) {
      if (entry.disk && !this.folderOfKey(entry.key) && [...removed].some((r) => inFolder(entry.key, r))) this.removeDisk(entry.key);
    }
  }

  /** Reads every folder from disk again and re-checks everything; resolves when done. */
  async reindex(): Promise<void> {
    await this.io(async () => {
      const seen = new Set<string>();
      for (const folder of this.folders) for (const key of await this.readFolder(folder)) seen.add(key);
      for (const entry of [...this.files.values()]) {
        if (entry.disk && !seen.has(entry.key)) this.removeDisk(entry.key);
      }
    });
    this.recheckAll();
    await this.settled();
  }

  // ---------------------------------------------------------------- documents

  /** An editor opened a document (its text wins over the disk from now on). */
  openDocument(key: string, text: string, version: number): void {
    if (!this.accepts(key)) return;
    const entry = this.entry(key);
    const before = (entry.open ?? entry.disk)?.text;
    entry.open = { text, version };
    if (before !== text) this.markDirty(key);
    if (!this.folderOfKey(key)) void this.io(() => this.indexRootAbove(key));
  }

  /** An open document's text changed. */
  changeDocument(key: string, text: string, version: number): void {
    if (!this.accepts(key)) return;
    const entry = this.entry(key);
    if (entry.open?.text === text) {
      entry.open.version = version;
      return;
    }
    entry.open = { text, version, base: entry.open?.parsed ?? entry.open?.base };
    this.markDirty(key);
  }

  /** A document was closed: the file is back to its disk text (re-read, in case no watcher told us about a save). */
  closeDocument(key: string): void {
    const entry = this.files.get(key);
    if (!entry?.open) return;
    const openText = entry.open.text;
    entry.open = undefined;
    if (!entry.disk) {
      this.files.delete(key);
      this.markDirty(key);
    } else if (entry.disk.text !== openText) {
      this.markDirty(key);
    }
    const path = keyToPath(key);
    if (path !== undefined && this.folderOfKey(key)) void this.io(() => this.readDiskFile(key, path));
  }

  // ---------------------------------------------------------------- disk changes

  /**
   * Files changed on disk (`workspace/didChangeWatchedFiles`): created and changed files are read
   * again, deleted ones (or deleted folders) dropped, created folders read. Events are handled in
   * order.
   */
  filesChanged(changes: readonly { uri: string; type: number }[]): Promise<void> {
    const events = changes.map((c) => ({ key: this.uris.toKey(c.uri), type: c.type }));
    return this.io(async () => {
      for (const { key, type } of events) {
        const path = keyToPath(key);
        if (path === undefined) continue;
        if (type === 3) {
          for (const entry of [...this.files.values()]) if (entry.disk && inFolder(entry.key, key)) this.removeDisk(entry.key);
          continue;
        }
        const folder = this.folderOfKey(key);
        if (!folder || inSkippedFolder(key.slice(folder.key.length))) continue;
        if (isYamlKey(key)) await this.readDiskFile(key, path);
        else if (type === 1 && (await isFolder(path))) {
          for (const file of await findYamlFiles(path, (p, e) => this.log.once("warn", `Cannot read ${p}: ${describeError(e)}`))) await this.readDiskFile(pathToKey(file), file);
        }
      }
    });
  }

  /** Checks every group again (settings changed, the date changed, or a client asked). */
  recheckAll(): void {
    this.checkAll = true;
    this.schedule();
  }

  /** Stops timers; later calls do nothing. */
  dispose(): void {
    this.disposed = true;
    clearInterval(this.dayTimer);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.resolveIdle();
  }

  // ---------------------------------------------------------------- reading

  private async readFolder(folder: IndexedFolder): Promise<string[]> {
    const paths = await findYamlFiles(folder.path, (p, e) => this.log.once("warn", `Cannot read ${p}: ${describeError(e)}`));
    const keys: string[] = [];
    for (const path of paths) {
      const key = pathToKey(path);
      keys.push(key);
      await this.readDiskFile(key, path);
    }
    return keys;
  }

  private async readDiskFile(key: string, path: string): Promise<void> {
    const read = await readYamlFile(path);
    if (read.status === "missing") this.removeDisk(key);
    else if (read.status === "read") this.setDisk(key, read.text);
    else {
      // Never dropped silently: a missing register would hide its gaps. The file shows the reason.
      this.log.once("warn", `Cannot read ${path}: ${read.reason}`);
      this.setUnreadableDisk(key, read.reason);
    }
  }

  private setDisk(key: string, text: string): void {
    const entry = this.entry(key);
    if (entry.disk?.text === text && entry.disk.unreadable === undefined) return;
    entry.disk = { text, base: entry.disk?.parsed ?? entry.disk?.base };
    if (!entry.open) this.markDirty(key);
  }

  private setUnreadableDisk(key: string, reason: string): void {
    const entry = this.entry(key);
    if (entry.disk?.unreadable === reason) return;
    entry.disk = { text: "", unreadable: reason, parsed: unreadableParse(key, reason) };
    if (!entry.open) this.markDirty(key);
  }

  private removeDisk(key: string): void {
    const entry = this.files.get(key);
    if (!entry?.disk) return;
    entry.disk = undefined;
    if (!entry.open) {
      this.files.delete(key);
      this.markDirty(key);
    }
  }

  /** For a document opened outside every folder: index the ISMS root above it, if any. */
  private async indexRootAbove(key: string): Promise<void> {
    const path = keyToPath(key);
    if (path === undefined) return;
    const dir = dirname(path);
    if (this.searchedOutside.has(dir)) return;
    this.searchedOutside.add(dir);
    const root = await findIsmsRootAbove(dir);
    if (root === undefined) return;
    const rootKey = pathToKey(root);
    if (this.folders.some((f) => inFolder(rootKey, f.key))) return;
    const folder: IndexedFolder = { key: rootKey, uri: rootKey, path: root, implicit: true };
    this.folders.push(folder);
    await this.readFolder(folder);
  }

  // ---------------------------------------------------------------- scheduling

  private markDirty(key: string): void {
    this.dirtyFiles.add(key);
    this.schedule();
  }

  /** A change happened: supersede any run in progress and (re)start the debounce timer. */
  private schedule(): void {
    if (this.disposed) return;
    this.generation++;
    const now = Date.now();
    if (this.timer) {
      if (now - this.timerStartedAt >= this.maxWaitMs) return; // a burst: let the pending run start
      clearTimeout(this.timer);
    } else {
      this.timerStartedAt = now;
    }
    this.startTimer(this.debounceMs);
  }

  private startTimer(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.rerun = true; // the run in progress stops at its next step (the generation changed)
      return;
    }
    if (this.pendingIo > 0) {
      // Files are being read (start-up, a folder added): checking half a workspace would show
      // references to the unread files as broken. Run once the reading is done.
      this.waitingForIo = true;
      return;
    }
    this.running = true;
    const generation = this.generation;
    const event: ModelChangeEvent = { changed: [], removed: [], droppedFiles: [] };
    let full = false;
    let completed = false;
    try {
      const groups = this.computeGroups();
      if (this.checkAll) {
        this.checkAll = false;
        full = true;
        for (const id of groups.keys()) this.forced.add(id);
      }
      const groupOfKey = new Map<string, string>();
      for (const group of groups.values()) for (const key of group.keys) groupOfKey.set(key, group.id);

      for (const [id, old] of this.committed) {
        if (groups.has(id)) continue;
        this.committed.delete(id);
        this.forced.delete(id);
        event.removed.push(old);
        for (const key of old.keys) {
          if (this.fileGroup.get(key) !== id) continue;
          this.fileGroup.delete(key);
          if (!groupOfKey.has(key)) event.droppedFiles.push(key);
        }
      }

      const dirty = [...groups.values()]
        .filter((g) => {
          const old = this.committed.get(g.id);
          return this.forced.has(g.id) || !old || !sameSet(old.keys, g.keys) || [...g.keys].some((k) => this.dirtyFiles.has(k));
        })
        .sort((a, b) => Number(b.hasOpen) - Number(a.hasOpen));
      const settings = await Promise.all(dirty.map((g) => this.settings.resolve(g.scopeUri)));
      if (generation !== this.generation) return;

      for (let i = 0; i < dirty.length; i++) {
        if (i > 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (generation !== this.generation) return;
        }
        this.checkGroup(dirty[i], settings[i], groupOfKey, event);
      }
      for (const key of this.dirtyFiles) if (!groupOfKey.has(key)) this.dirtyFiles.delete(key);
      this.forced.clear();
      completed = true;
    } catch (error) {
      this.log.failure("Checking the ISMS", error);
    } finally {
      this.running = false;
      if (event.changed.length + event.removed.length + event.droppedFiles.length > 0 || (full && completed)) this.emit(event);
      if (this.rerun) {
        this.rerun = false;
        if (!this.timer && !this.disposed) this.startTimer(0);
      }
      this.resolveIdle();
    }
  }

  /** The groups of the current files: one per ISMS root, plus the ISMS files under no root per folder. */
  private computeGroups(): Map<string, Group> {
    const parsed: ParsedFile[] = [];
    for (const entry of this.files.values()) {
      const p = this.modelParsedOf(entry);
      if (p) parsed.push(p);
    }
    const { roots, orphans } = groupByRoot(parsed);
    const groups = new Map<string, Group>();
    const add = (id: string, root: string, isRoot: boolean, scopeUri: string | undefined, file: ParsedFile) => {
      let group = groups.get(id);
      if (!group) {
        group = { id, root, isRoot, scopeUri, files: [], keys: new Set(), hasOpen: false };
        groups.set(id, group);
      }
      group.files.push(file);
      group.keys.add(file.file);
      if (this.files.get(file.file)?.open) group.hasOpen = true;
    };
    for (const [root, files] of roots) {
      const scope = this.folderOfKey(root)?.uri ?? this.uris.toUri(root);
      for (const file of files) if (file.isIsms || file.empty) add(root, root, true, scope, file);
    }
    for (const file of orphans) {
      if (!file.isIsms) continue;
      const folder = this.folderOfKey(file.file);
      add(ORPHANS + (folder?.key ?? ""), folder?.key ?? "", false, folder?.uri ?? this.uris.toUri(file.file), file);
    }
    return groups;
  }

  /** Checks one group and commits the result. */
  private checkGroup(group: Group, settings: ResolvedSettings, groupOfKey: Map<string, string>, event: ModelChangeEvent): void {
    const old = this.committed.get(group.id);
    let check: GroupCheck;
    try {
      check = this.runCheck(group, settings);
    } catch (error) {
      this.log.failure(`Checking ${group.root || "the files under no ISMS root"}`, error);
      check = old ?? { id: group.id, root: group.root, isRoot: group.isRoot, files: [], settings, summary: this.summary(group, [], settings, undefined) };
    }
    if (old) {
      for (const key of old.keys) {
        if (group.keys.has(key) || this.fileGroup.get(key) !== group.id) continue;
        this.fileGroup.delete(key);
        if (!groupOfKey.has(key)) event.droppedFiles.push(key);
      }
    }
    for (const key of group.keys) {
      this.fileGroup.set(key, group.id);
      this.dirtyFiles.delete(key);
    }
    this.committed.set(group.id, { ...check, keys: group.keys });
    this.forced.delete(group.id);
    event.changed.push(check);
  }

  private runCheck(group: Group, settings: ResolvedSettings): GroupCheck {
    const result = checkParsed(group.files, { today: settings.today, severities: settings.severities });
    const model = result.models.find((m) => m.root === group.root) ?? result.models[0];
    const byFile = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    }
    const files: FileCheck[] = [];
    for (const key of [...group.keys].sort()) {
      const entry = this.files.get(key);
      const current = entry ? this.currentParsed(entry) : undefined;
      const version = entry?.open?.version;
      const usedParse = group.files.find((f) => f.file === key);
      if (current && usedParse && current !== usedParse && current.problems.length > 0) {
        files.push({ key, findings: this.syntaxFindings(current, model, settings), version, lastGoodRange: firstProblem(current) });
      } else {
        files.push({ key, findings: byFile.get(key) ?? [], version });
      }
    }
    const muted = result.muted.filter((f) => group.keys.has(f.file));
    return { id: group.id, root: group.root, isRoot: group.isRoot, model, files, muted, settings, summary: this.summary(group, files, settings, model) };
  }

  /** The `yaml/syntax` findings of a file's latest text, with the root's severity settings. */
  private syntaxFindings(current: ParsedFile, model: IsmsModel | undefined, settings: ResolvedSettings): Finding[] {
    const rule = ruleById("yaml/syntax");
    if (!rule) return [];
    const severities: Record<string, ConfiguredSeverity> = {};
    for (const [id, v] of model?.isms?.ruleSeverities ?? []) severities[id] = v.value;
    Object.assign(severities, settings.severities);
    return checkParsed([current], { today: settings.today, severities, rules: [rule] }).findings.filter((f) => f.file === current.file);
  }

  private summary(group: Group, files: FileCheck[], settings: ResolvedSettings, model: IsmsModel | undefined): RootSummary {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const file of files) {
      for (const f of file.findings) {
        if (f.severity === "error") errors++;
        else if (f.severity === "warning") warnings++;
        else infos++;
      }
    }
    const organization = group.isRoot ? model?.isms?.organization?.value : undefined;
    return {
      root: group.root === "" ? "" : this.uris.toUri(group.root),
      isRoot: group.isRoot,
      ...(typeof organization === "string" ? { organization } : {}),
      errors,
      warnings,
      infos,
      files: group.files.filter((f) => f.isIsms).length,
      today: settings.today,
    };
  }

  private emit(event: ModelChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.failure("A model-change listener", error);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private isIdle(): boolean {
    return this.disposed || (!this.timer && !this.running && this.pendingIo === 0);
  }

  private resolveIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Runs disk work in order, one task after the other, counted for {@link settled}. */
  private io(task: () => Promise<void>): Promise<void> {
    this.pendingIo++;
    const run = this.ioChain.then(task).catch((error: unknown) => this.log.failure("Reading ISMS files", error));
    this.ioChain = run.finally(() => {
      this.pendingIo--;
      if (this.pendingIo === 0 && this.waitingForIo) {
        this.waitingForIo = false;
        if (!this.timer && !this.running && !this.disposed) this.startTimer(0);
      }
      this.resolveIdle();
    });
    return this.ioChain;
  }

  private entry(key: string): FileEntry {
    let entry = this.files.get(key);
    if (!entry) {
      entry = { key };
      this.files.set(key, entry);
    }
    return entry;
  }

  /** Only YAML files with a URI are indexed (documents of other schemes, e.g. git diffs, are ignored). */
  private accepts(key: string): boolean {
    return isYamlKey(key) && keyToPath(key) !== undefined;
  }

  /** The deepest indexed folder holding `key`. */
  private folderOfKey(key: string): IndexedFolder | undefined {
    let best: IndexedFolder | undefined;
    for (const folder of this.folders) if (inFolder(key, folder.key) && (!best || folder.key.length > best.key.length)) best = folder;
    return best;
  }

  private currentParsed(entry: FileEntry): ParsedFile | undefined {
    const source = entry.open ?? entry.disk;
    if (!source || source.failed) return undefined;
    if (!source.parsed) {
      const base = source.base;
      source.base = undefined;
      try {
        source.parsed = base ? reparseFile(base, source.text) : parseFile(entry.key, source.text);
      } catch (error) {
        source.failed = true;
        this.log.failure(`Parsing ${entry.key}`, error);
        return undefined;
      }
      // The base may have been the last good parse, and is consumed now: the new one takes its place.
      if (source.parsed.problems.length === 0) entry.lastGood = source.parsed;
    }
    return source.parsed;
  }

  private modelParsedOf(entry: FileEntry): ParsedFile | undefined {
    const current = this.currentParsed(entry);
    if (current && current.problems.length === 0) {
      entry.lastGood = current;
      return current;
    }
    return entry.lastGood ?? current;
  }
}

function firstProblem(file: ParsedFile): Range | undefined {
  let first: Range | undefined;
  for (const p of file.problems) {
    if (!first || p.range.start.line < first.start.line || (p.range.start.line === first.start.line && p.range.start.character < first.start.character)) first = p.range;
  }
  return first;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Sums of root summaries. */
export function totals(roots: readonly RootSummary[]): SummaryTotals {
  const sum: SummaryTotals = { errors: 0, warnings: 0, infos: 0, files: 0 };
  for (const r of roots) {
    sum.errors += r.errors;
    sum.warnings += r.warnings;
    sum.infos += r.infos;
    sum.files += r.files;
  }
  return sum;
}
