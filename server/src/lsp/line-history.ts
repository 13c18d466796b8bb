import { readFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { LineHistory } from "../core";
import { gitLineHistory } from "../node/git-line-history";
import { decodeText } from "../node/isms-files";
import { keyToPath } from "./uri";

/**
 * The git history of the risk registers the server checks, for risk/treatment-not-approved
 * (6.1.3 f: a treatment changed after its approval): read on first use per file ({@link ensure}),
 * forgotten when the file changes on disk ({@link changed}). A history applies only to the text
 * it was read for ({@link get}), so a file with unsaved edits has none. Keys are file keys (URIs
 * in normal form). Never throws.
 */
export class LineHistoryIndex {
  private readonly byKey = new Map<string, Promise<{ text: string; history: LineHistory } | undefined>>();
  private readonly read = new Map<string, { text: string; history: LineHistory } | undefined>();

  /** Reads the history of the file at `key` from git unless already read. Files not on the local disk get none. */
  async ensure(key: string): Promise<void> {
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = readHistory(key);
      this.byKey.set(key, pending);
    }
    const result = await pending;
    if (this.byKey.get(key) === pending) this.read.set(key, result);
  }

  /** The history of the file at `key` when it was read for exactly `text`. */
  get(key: string, text: string): LineHistory | undefined {
    const read = this.read.get(key);
    return read && read.text === text ? read.history : undefined;
  }

  /** The file at `key` changed, was created or deleted on disk: its history is read again when needed. */
  changed(key: string): void {
    this.byKey.delete(key);
    this.read.delete(key);
  }

  /** Forgets every history (the workspace is read again). */
  clear(): void {
    this.byKey.clear();
    this.read.clear();
  }
}

async function readHistory(key: string): Promise<{ text: string; history: LineHistory } | undefined> {
  const path = keyToPath(key);
  if (path === undefined) return undefined;
  try {
    const text = decodeText(await readFile(path));
    const history = await gitLineHistory(dirname(path), basename(path));
    return history ? { text, history } : undefined;
  } catch {
    return undefined;
  }
}
