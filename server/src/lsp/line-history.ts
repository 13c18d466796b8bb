import { basename, dirname } from "node:path";
import type { LineHistory, PriorTexts } from "../core";
import { gitLineHistory, gitPriorTexts } from "../node/git-line-history";
import { keyToPath } from "./uri";

/**
 * The git history of the risk registers the server checks, for risk/treatment-not-approved
 * (6.1.3 f: a treatment changed after its approval): read in the background on first use per file
 * ({@link request}; a check never waits for git, which takes seconds on a long history), and
 * forgotten when the file changes on disk ({@link changed}). A history applies only to the text it
 * was read for ({@link get}), so a file with unsaved edits has none. Keys are file keys (URIs in
 * normal form). Never throws.
 */
export class LineHistoryIndex {
  private readonly pending = new Map<string, Promise<void>>();
  private readonly read = new Map<string, { text: string; history: LineHistory } | undefined>();

  /**
   * Starts reading the history of the file at `key`, whose text on disk is `diskText`, unless it is
   * read or being read; calls `whenRead` once it is (when it holds a history), so the caller checks
   * again. A file not read from disk gets none.
   */
  request(key: string, diskText: string | undefined, whenRead: () => void): void {
    if (diskText === undefined || this.read.has(key) || this.pending.has(key)) return;
    const reading = readHistory(key, diskText).then((result) => {
      if (this.pending.get(key) !== reading) return; // changed meanwhile: a newer read follows
      this.pending.delete(key);
      this.read.set(key, result);
      if (result) whenRead();
    });
    this.pending.set(key, reading);
  }

  /** The history of the file at `key` when it was read for exactly `text`. */
  get(key: string, text: string): LineHistory | undefined {
    const read = this.read.get(key);
    return read && read.text === text ? read.history : undefined;
  }

  /** The file at `key` changed, was created or deleted on disk: its history is read again when needed. */
  changed(key: string): void {
    this.pending.delete(key);
    this.read.delete(key);
  }

  /** Forgets every history (the workspace is read again). */
  clear(): void {
    this.pending.clear();
    this.read.clear();
  }
}

/**
 * Texts of risk registers at earlier commits that risk/treatment-not-approved asked for (its
 * findings' `data.prior`), read in the background with `git show` ({@link request}) and kept:
 * a file at a commit never changes. At most {@link KEPT} are kept. Never throws.
 */
export class PriorTextsIndex {
  static readonly KEPT = 256;
  private readonly texts = new Map<string, string>();
  private readonly pending = new Set<string>();
  /** Keys git could not show (asked once: a commit or path that is not there stays so). */
  private readonly failed = new Set<string>();

  /** Every text read so far, by `<commit>:<path>`. */
  get all(): PriorTexts {
    return this.texts;
  }

  /** Reads the texts of `keys` not yet read, with git run in `folder`; calls `whenRead` when one was read. */
  request(folder: string, keys: readonly string[], whenRead: () => void): void {
    const missing = [...new Set(keys)].filter((k) => !this.texts.has(k) && !this.pending.has(k) && !this.failed.has(k));
    if (missing.length === 0) return;
    for (const key of missing) this.pending.add(key);
    void gitPriorTexts(folder, missing).then((texts) => {
      for (const key of missing) {
        this.pending.delete(key);
        if (!texts.has(key) && this.failed.size < PriorTextsIndex.KEPT) this.failed.add(key);
      }
      for (const [key, text] of texts) {
        if (this.texts.size >= PriorTextsIndex.KEPT) this.texts.delete(this.texts.keys().next().value!);
        this.texts.set(key, text);
      }
      if (texts.size > 0) whenRead();
    });
  }
}

async function readHistory(key: string, text: string): Promise<{ text: string; history: LineHistory } | undefined> {
  const path = keyToPath(key);
  const history = path === undefined ? undefined : await gitLineHistory(dirname(path), basename(path), text);
  return history ? { text, history } : undefined;
}
