import { parseFile, reparseFile, type ParsedFile } from "../core";
import { unreadableParse } from "./file-system";
import type { Logger } from "./logger";

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
  /** The last parse of this file without syntax problems (see {@link DocumentStore.modelParsed}). */
  lastGood?: ParsedFile;
}

/**
 * The texts of every file the language server knows, by key: the disk text, the open document's
 * text (which wins over the disk while open), and their parses, computed lazily and cached per
 * text. Keeps the last parse of each file without syntax problems, which the model uses while the
 * latest text does not parse.
 *
 * Every mutator returns `true` when the file's latest text (open, else disk) changed, i.e. when
 * what the checks see of the file may have changed. Nothing here schedules or checks. Never throws:
 * a parse that fails is logged and the file counts as having no parse.
 */
export class DocumentStore {
  private readonly files = new Map<string, FileEntry>();

  constructor(private readonly log: Logger) {}

  /** Keys of every file held (ISMS or not). */
  keys(): string[] {
    return [...this.files.keys()];
  }

  /** Keys of the files read from disk. */
  diskKeys(): string[] {
    return [...this.files.values()].filter((e) => e.disk).map((e) => e.key);
  }

  /** True when an editor has the file open. */
  isOpen(key: string): boolean {
    return this.files.get(key)?.open !== undefined;
  }

  /** The version of the open document; `undefined` when the file is not open. */
  openVersion(key: string): number | undefined {
    return this.files.get(key)?.open?.version;
  }

  /** The latest text of a file (open document, else disk); `undefined` when unknown or unreadable. */
  text(key: string): string | undefined {
    const entry = this.files.get(key);
    const source = entry?.open ?? entry?.disk;
    return source?.unreadable === undefined ? source?.text : undefined;
  }

  /** The file's text as last read from disk; `undefined` when not read or unreadable. */
  diskText(key: string): string | undefined {
    const disk = this.files.get(key)?.disk;
    return disk?.unreadable === undefined ? disk?.text : undefined;
  }

  /** The parse of the latest text of a file (open document, else disk), or `undefined` when unknown. */
  parsed(key: string): ParsedFile | undefined {
    const entry = this.files.get(key);
    return entry ? this.currentParsed(entry) : undefined;
  }

  /**
   * The parse the model uses for a file: the latest one, or, when the latest text has syntax
   * errors, the last one that parsed (when there is one).
   */
  modelParsed(key: string): ParsedFile | undefined {
    const entry = this.files.get(key);
    return entry ? this.modelParsedOf(entry) : undefined;
  }

  /** {@link modelParsed} of every file that has one, in the order the files were first seen. */
  allModelParsed(): ParsedFile[] {
    const parsed: ParsedFile[] = [];
    for (const entry of this.files.values()) {
      const p = this.modelParsedOf(entry);
      if (p) parsed.push(p);
    }
    return parsed;
  }

  // ---------------------------------------------------------------- open documents

  /** An editor opened a document: its text wins over the disk from now on. */
  open(key: string, text: string, version: number): boolean {
    const entry = this.entry(key);
    const before = (entry.open ?? entry.disk)?.text;
    entry.open = { text, version };
    return before !== text;
  }

  /** An open document's text changed (parsed from its previous parse, see `reparseFile`). */
  change(key: string, text: string, version: number): boolean {
    const entry = this.entry(key);
    if (entry.open?.text === text) {
      entry.open.version = version;
      return false;
    }
    entry.open = { text, version, base: entry.open?.parsed ?? entry.open?.base };
    return true;
  }

  /** A document was closed: the file is back to its disk text (dropped when it has none). */
  close(key: string): boolean {
    const entry = this.files.get(key);
    if (!entry?.open) return false;
    const openText = entry.open.text;
    entry.open = undefined;
    if (!entry.disk) {
      this.files.delete(key);
      return true;
    }
    return entry.disk.text !== openText;
  }

  // ---------------------------------------------------------------- disk

  /** The file's text on disk. */
  setDisk(key: string, text: string): boolean {
    const entry = this.entry(key);
    if (entry.disk?.text === text && entry.disk.unreadable === undefined) return false;
    entry.disk = { text, base: entry.disk?.parsed ?? entry.disk?.base };
    return !entry.open;
  }

  /**
   * The file exists on disk without text to check: unreadable (`reason` says why, shown at the file
   * start), or not a file at all (a FIFO, socket or device: `parsed` says what it is).
   */
  setUnreadable(key: string, reason: string, parsed: ParsedFile = unreadableParse(key, reason)): boolean {
    const entry = this.entry(key);
    if (entry.disk?.unreadable === reason) return false;
    entry.disk = { text: "", unreadable: reason, parsed };
    return !entry.open;
  }

  /** The file is gone from disk (dropped unless open). */
  removeDisk(key: string): boolean {
    const entry = this.files.get(key);
    if (!entry?.disk) return false;
    entry.disk = undefined;
    if (entry.open) return false;
    this.files.delete(key);
    return true;
  }

  // ---------------------------------------------------------------- parsing

  /** Parses a running check reads (see {@link pin}). */
  private readonly pinned = new Set<ParsedFile>();

  /**
   * Keeps `files` intact while a check reads them (it pauses to let requests in): a newer text
   * of one of them is parsed whole rather than from it (`reparseFile` takes the nodes of the parse
   * it starts from over). Returns the function that lets them go.
   */
  pin(files: readonly ParsedFile[]): () => void {
    const added = files.filter((f) => !this.pinned.has(f));
    for (const f of added) this.pinned.add(f);
    return () => {
      for (const f of added) this.pinned.delete(f);
    };
  }

  private entry(key: string): FileEntry {
    let entry = this.files.get(key);
    if (!entry) {
      entry = { key };
      this.files.set(key, entry);
    }
    return entry;
  }

  private currentParsed(entry: FileEntry): ParsedFile | undefined {
    const source = entry.open ?? entry.disk;
    if (!source || source.failed) return undefined;
    if (!source.parsed) {
      const base = source.base;
      source.base = undefined;
      try {
        // A parse a running check reads is never re-used: the re-parse would change its nodes.
        source.parsed = base && !this.pinned.has(base) ? reparseFile(base, source.text) : parseFile(entry.key, source.text);
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
