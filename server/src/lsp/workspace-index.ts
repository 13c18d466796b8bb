import { dirname } from "node:path";
import { askedPriorTexts, type IsmsModel, type LineHistory, type ParsedFile } from "../core";
import type { RootSummary, SummaryTotals } from "@protocol";
import { CheckScheduler, DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_WAIT_MS } from "./check-scheduler";
import { DocumentStore } from "./document-store";
import { specialFile } from "../core/parse/parsed-file";
import { ExistingFilesIndex } from "./existing-files";
import { LineHistoryIndex, PriorTextsIndex } from "./line-history";
import { filesWithHistory } from "../node/git-line-history";
import { findIsmsRootAbove, findYamlFiles, inSkippedFolder, isFolder, readYamlFile } from "./file-system";
import { CheckResults } from "./check-results";
import { checkGroupSteps, emptyCheck, groupFiles, needsCheck, totals, type FileCheck, type Group, type GroupCheck, type ModelChangeEvent } from "./group-check";

/** How long a check runs before it lets the server answer waiting requests (ms). */
const CHECK_SLICE_MS = 5;
import { describeError, type Logger } from "./logger";
import type { ResolvedSettings, SettingsStore } from "./settings";
import { inFolder, isYamlKey, keyToPath, pathToKey, type UriMap } from "./uri";

export { DEFAULT_DEBOUNCE_MS } from "./check-scheduler";
export { totals, type FileCheck, type GroupCheck, type ModelChangeEvent } from "./group-check";

/** A folder whose YAML files are read from disk: a workspace folder, or the root above a file opened outside them. */
interface IndexedFolder {
  key: string;
  /** URI as the client gave it (scope of its settings). */
  uri: string;
  path: string;
  implicit: boolean;
}

export interface WorkspaceIndexOptions {
  log: Logger;
  settings: SettingsStore;
  uris: UriMap;
  /** Quiet time after the last change before a re-check (ms). */
  debounceMs?: number;
  /** A re-check starts at the latest this long after the first of a burst of changes (ms). */
  maxWaitMs?: number;
  /** How long a check runs before it lets waiting requests in (ms; default {@link CHECK_SLICE_MS}). */
  checkSliceMs?: number;
  /** Called each time a check pauses (before the requests waiting are answered): for tests. */
  onCheckPause?: () => void;
}

/**
 * Every ISMS file the server knows: the YAML files of the workspace folders read from disk, with
 * open documents overriding their disk text (kept by a {@link DocumentStore}), and the last check
 * of each group (an ISMS root, or the ISMS files under no root). A change re-checks only the
 * groups it affects, when the {@link CheckScheduler} says so (after a debounce; a newer change
 * supersedes a run in progress, which stops at its next step, and the new run picks up the work
 * left). Grouping and checking are the pure functions of `group-check.ts`.
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
  private readonly documents: DocumentStore;
  private readonly scheduler: CheckScheduler;

  /** Which files exist under each root, for the evidence check (updated on file creation and deletion). */
  private readonly existing = new ExistingFilesIndex();
  private readonly history = new LineHistoryIndex();
  private readonly priorTexts = new PriorTextsIndex();
  private folders: IndexedFolder[] = [];
  /** Folders (paths) already searched for an ISMS root above a document opened outside every folder. */
  private readonly searchedOutside = new Set<string>();

  private readonly results = new CheckResults();
  private readonly dirtyFiles = new Set<string>();
  /** Set by {@link recheckAll}: at the next run every group is added to {@link forced}. */
  private checkAll = true;
  /** Groups to check again even if none of their files changed (settings or date changed). */
  private readonly forced = new Set<string>();
  /**
   * When each dirty file and forced group was last marked, as a count of marks: a run clears only
   * what was marked before it started, so a change that arrives while a check pauses (it yields to
   * requests) is checked by the next run, not lost.
   */
  private readonly markedAt = new Map<string, number>();
  private marks = 0;
  private readonly checkSliceMs: number;
  private readonly onCheckPause: (() => void) | undefined;
  /** Set when a request was answered: its reply is written at a later turn of the event loop (see {@link answered}). */
  private replyWaiting = false;
  private readonly listeners = new Set<(event: ModelChangeEvent) => void>();

  constructor(options: WorkspaceIndexOptions) {
    this.log = options.log;
    this.settings = options.settings;
    this.uris = options.uris;
    this.documents = new DocumentStore(options.log);
    this.checkSliceMs = options.checkSliceMs ?? CHECK_SLICE_MS;
    this.onCheckPause = options.onCheckPause;
    this.scheduler = new CheckScheduler({
      log: options.log,
      run: (current) => this.run(current),
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
      // Overdue checks depend on the date: check again when the local date changes.
      onNewDay: () => this.recheckAll(),
    });
  }

  // ---------------------------------------------------------------- queries (for features)

  /** The parse of the latest text of a file (open document, else disk), or `undefined` when unknown. */
  parsed(key: string): ParsedFile | undefined {
    return this.documents.parsed(key);
  }

  /** The latest text of a file (open document, else disk). */
  text(key: string): string | undefined {
    return this.documents.text(key);
  }

  /**
   * The parse the model uses for a file: the latest one, or, when the latest text has syntax
   * errors, the last one that parsed (when there is one).
   */
  modelParsed(key: string): ParsedFile | undefined {
    return this.documents.modelParsed(key);
  }

  /** The last check of the group (root) a file belongs to. */
  groupOf(key: string): GroupCheck | undefined {
    return this.results.groupOf(key);
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
    return this.results.all();
  }

  /** Every root's summary, and the totals. */
  summaries(): { roots: RootSummary[] } & SummaryTotals {
    const roots = this.groups().map((g) => g.summary);
    return { roots, ...totals(roots) };
  }

  /** Keys of every file the index holds (ISMS or not). */
  keys(): string[] {
    return this.documents.keys();
  }

  /**
   * Notes that a request was just answered. The protocol library writes each reply at a later
   * turn of the event loop, so a check that paused lets that turn come before it goes on: a hover
   * answered during a pause is sent then, not after the next slice of the check.
   */
  answered(): void {
    this.replyWaiting = true;
  }

  /** Lets the replies of requests answered meanwhile be written (see {@link answered}). */
  private async letRepliesOut(): Promise<void> {
    while (this.replyWaiting) {
      this.replyWaiting = false;
      await nextTurn();
    }
  }

  /**
   * A pause of a check: requests that arrived meanwhile are read and answered, and their replies
   * written, before it goes on. The first turn ends behind the requests read in it (the protocol
   * library handles each at a turn of its own); the replies are let out after.
   */
  private async pause(): Promise<void> {
    this.onCheckPause?.();
    await nextTurn();
    await nextTurn();
    await this.letRepliesOut();
  }

  /** Resolves when no change is waiting to be read or checked. */
  settled(): Promise<void> {
    return this.scheduler.settled();
  }

  /** Calls `listener` after every check run that changed something. Returns a function that unsubscribes. */
  onDidCheck(listener: (event: ModelChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------------------------------------------------------------- folders

  /** Replaces the workspace folders and reads their files. */
  setFolders(folders: readonly { uri: string }[]): Promise<void> {
    this.folders = this.folders.filter((f) => f.implicit);
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
    return this.scheduler.io(async () => {
      for (const folder of added) await this.readFolder(folder);
      this.scheduler.schedule();
    });
  }

  /** Removes workspace folders; their files are dropped unless open or in another folder. */
  removeFolders(uris: readonly string[]): void {
    const removed = new Set(uris.map((u) => this.uris.toKey(u)));
    this.folders = this.folders.filter((f) => !removed.has(f.key));
    for (const key of this.documents.diskKeys()) {
      if (!this.folderOfKey(key) && [...removed].some((r) => inFolder(key, r))) this.removeDisk(key);
    }
  }

  /** Reads every folder from disk again and re-checks everything; resolves when done. */
  async reindex(): Promise<void> {
    this.existing.clear();
    this.history.clear();
    await this.scheduler.io(async () => {
      const seen = new Set<string>();
      for (const folder of this.folders) for (const key of await this.readFolder(folder)) seen.add(key);
      for (const key of this.documents.diskKeys()) if (!seen.has(key)) this.removeDisk(key);
    });
    this.recheckAll();
    await this.settled();
  }

  // ---------------------------------------------------------------- documents

  /** An editor opened a document (its text wins over the disk from now on). */
  openDocument(key: string, text: string, version: number): void {
    if (!this.accepts(key)) return;
    if (this.documents.open(key, text, version)) this.markDirty(key);
    if (!this.folderOfKey(key)) void this.scheduler.io(() => this.indexRootAbove(key));
  }

  /** An open document's text changed. */
  changeDocument(key: string, text: string, version: number): void {
    if (!this.accepts(key)) return;
    if (this.documents.change(key, text, version)) this.markDirty(key);
  }

  /** A document was closed: the file is back to its disk text (re-read, in case no watcher told us about a save). */
  closeDocument(key: string): void {
    if (!this.documents.isOpen(key)) return;
    if (this.documents.close(key)) this.markDirty(key);
    const path = keyToPath(key);
    if (path !== undefined && this.folderOfKey(key)) void this.scheduler.io(() => this.readDiskFile(key, path));
  }

  // ---------------------------------------------------------------- disk changes

  /**
   * Files changed on disk (`workspace/didChangeWatchedFiles`): created and changed files are read
   * again, deleted ones (or deleted folders) dropped, created folders read. Events are handled in
   * order.
   */
  filesChanged(changes: readonly { uri: string; type: number }[]): Promise<void> {
    const events = changes.map((c) => ({ key: this.uris.toKey(c.uri), type: c.type }));
    return this.scheduler.io(async () => {
      for (const { key, type } of events) {
        const path = keyToPath(key);
        if (path === undefined) continue;
        this.history.changed(key);
        if (type === 1 || type === 3) {
          // A cited evidence file may have appeared or gone: check the roots above it again.
          const roots = this.existing.changed(key);
          for (const root of roots) this.force(root);
          if (roots.length > 0) this.scheduler.schedule();
        }
        if (type === 3) {
          for (const diskKey of this.documents.diskKeys()) if (inFolder(diskKey, key)) this.removeDisk(diskKey);
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
    this.scheduler.schedule();
  }

  /** Stops timers; later calls do nothing. */
  dispose(): void {
    this.scheduler.dispose();
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
    else if (read.status === "read") {
      if (this.documents.setDisk(key, read.text)) this.markDirty(key);
    } else if (read.status === "special") {
      if (this.documents.setUnreadable(key, read.what, specialFile(key, read.what))) this.markDirty(key);
    } else {
      // Never dropped silently: a missing register would hide its gaps. The file shows the reason.
      this.log.once("warn", `Cannot read ${path}: ${read.reason}`);
      if (this.documents.setUnreadable(key, read.reason)) this.markDirty(key);
    }
  }

  private removeDisk(key: string): void {
    if (this.documents.removeDisk(key)) this.markDirty(key);
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

  // ---------------------------------------------------------------- checking

  private markDirty(key: string): void {
    this.dirtyFiles.add(key);
    this.markedAt.set(`file:${key}`, ++this.marks);
    this.scheduler.schedule();
  }

  /** Marks a group to be checked again at the next run (without scheduling one). */
  private force(groupId: string): void {
    this.forced.add(groupId);
    this.markedAt.set(`group:${groupId}`, ++this.marks);
  }

  /** Clears a dirty file (`file:`) or forced group (`group:`) mark unless it was made after `startedAt`. */
  private cleared(mark: string, startedAt: number): boolean {
    if ((this.markedAt.get(mark) ?? 0) > startedAt) return false;
    this.markedAt.delete(mark);
    return true;
  }

  /** One check run (started by the scheduler): checks the groups a change affected, open ones first. */
  private async run(current: () => boolean): Promise<void> {
    const event: ModelChangeEvent = { changed: [], removed: [], droppedFiles: [] };
    let full = false;
    let completed = false;
    await this.letRepliesOut();
    const parsed = this.documents.allModelParsed();
    const startedAt = this.marks;
    const unpin = this.documents.pin(parsed);
    try {
      const groups = groupFiles(parsed, {
        isOpen: (key) => this.documents.isOpen(key),
        folderOf: (key) => this.folderOfKey(key),
        toUri: (key) => this.uris.toUri(key),
      });
      if (this.checkAll) {
        this.checkAll = false;
        full = true;
        for (const id of groups.keys()) this.forced.add(id);
      }
      const groupOfKey = new Map<string, string>();
      for (const group of groups.values()) for (const key of group.keys) groupOfKey.set(key, group.id);
      // Each file's latest parse and open version now, with the parses the model uses: the check
      // pauses, and a text changed meanwhile is the next check's (its findings are shown then).
      const states = new Map<string, { current: ParsedFile | undefined; version: number | undefined }>();
      for (const key of groupOfKey.keys()) states.set(key, { current: this.documents.parsed(key), version: this.documents.openVersion(key) });
      for (const id of this.results.dropMissing(groups, groupOfKey, event)) {
        this.forced.delete(id);
        this.markedAt.delete(`group:${id}`);
      }

      const dirty = [...groups.values()].filter((g) => needsCheck(g, this.results.keysOf(g.id), this.forced, this.dirtyFiles)).sort((a, b) => Number(b.hasOpen) - Number(a.hasOpen));
      const settings = await Promise.all(dirty.map((g) => this.settings.resolve(g.scopeUri)));
      await Promise.all(dirty.filter((g) => g.isRoot).map((g) => this.existing.ensure(g.root)));
      for (const group of dirty.filter((g) => g.isRoot)) {
        for (const { file } of filesWithHistory(group.files)) this.history.request(file, this.documents.diskText(file), () => this.recheck(group.id));
      }
      if (!current()) return;

      for (let i = 0; i < dirty.length; i++) {
        if (i > 0) {
          await nextTurn();
          if (!current()) return;
        }
        await this.checkAndCommit(dirty[i], settings[i], groupOfKey, event, states, startedAt);
      }
      for (const key of this.dirtyFiles) if (!groupOfKey.has(key) && this.cleared(`file:${key}`, startedAt)) this.dirtyFiles.delete(key);
      for (const id of this.forced) if (this.cleared(`group:${id}`, startedAt)) this.forced.delete(id);
      completed = true;
    } catch (error) {
      this.log.failure("Checking the ISMS", error);
    } finally {
      unpin();
      if (event.changed.length + event.removed.length + event.droppedFiles.length > 0 || (full && completed)) this.emit(event);
    }
  }

  /**
   * Checks one group and commits the result (a failed check keeps the previous result). The check
   * runs in steps (a model, a rule) and yields to the event loop whenever it has run for
   * {@link CHECK_SLICE_MS}, so hovers, completions and code actions are answered while a large
   * ISMS is checked (from the last committed result). It is not abandoned: a change meanwhile
   * makes the scheduler check again after it.
   */
  private async checkAndCommit(
    group: Group,
    settings: ResolvedSettings,
    groupOfKey: Map<string, string>,
    event: ModelChangeEvent,
    now: ReadonlyMap<string, { current: ParsedFile | undefined; version: number | undefined }>,
    startedAt: number,
  ): Promise<void> {
    const toUri = (key: string) => this.uris.toUri(key);
    let check: GroupCheck;
    try {
      const states = { current: (key: string) => now.get(key)?.current, version: (key: string) => now.get(key)?.version, toUri };
      const lineHistory = new Map<string, LineHistory>();
      for (const file of group.files) {
        const history = this.history.get(file.file, file.text);
        if (history) lineHistory.set(file.file, history);
      }
      const steps = checkGroupSteps(group, settings, states, this.existing.get(group.root), lineHistory, this.priorTexts.all, this.results.previous(group.id)?.memo);
      // The files were just parsed (an edited register takes a while): requests first.
      await this.pause();
      let sliceStart = performance.now();
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          check = step.value;
          break;
        }
        if (performance.now() - sliceStart >= this.checkSliceMs) {
          await this.pause();
          sliceStart = performance.now();
        }
      }
      this.requestPriorTexts(group, check);
    } catch (error) {
      this.log.failure(`Checking ${group.root || "the files under no ISMS root"}`, error);
      check = this.results.previous(group.id) ?? emptyCheck(group, settings, toUri);
    }
    this.results.commit(group, check, groupOfKey, event);
    for (const key of group.keys) if (this.cleared(`file:${key}`, startedAt)) this.dirtyFiles.delete(key);
    if (this.cleared(`group:${group.id}`, startedAt)) this.forced.delete(group.id);
  }

  /** Reads the earlier texts the group's findings ask for (risk/treatment-not-approved), then checks the group again. */
  private requestPriorTexts(group: Group, check: GroupCheck): void {
    for (const file of check.files) {
      const asked = askedPriorTexts(file.findings, this.priorTexts.all);
      const path = asked.length > 0 ? keyToPath(file.key) : undefined;
      if (path !== undefined) this.priorTexts.request(dirname(path), asked, () => this.recheck(group.id));
    }
  }

  /** Checks a group again soon: something it reads (git history, an earlier text) arrived. */
  private recheck(groupId: string): void {
    this.force(groupId);
    this.scheduler.schedule();
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
}

/** Resolves at the next turn of the event loop, after the callbacks already due. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
