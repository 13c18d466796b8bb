import { listExistingFiles } from "../node/existing-files";
import { inFolder, keyToPath } from "./uri";

/**
 * The files that exist under each ISMS root the server checks, for the evidence check (7.5.3):
 * listed on first use ({@link ensure}), dropped when a file is created or deleted under the root
 * ({@link changed}) and listed again at the next check. Keys are root keys (URIs in normal form);
 * sets hold paths relative to the root ('/'-separated, NFC). Never throws.
 */
export class ExistingFilesIndex {
  private readonly byRoot = new Map<string, ReadonlySet<string> | undefined>();

  /** Lists the files under `rootKey` unless already listed. Roots not on the local disk get no list. */
  async ensure(rootKey: string): Promise<void> {
    if (this.byRoot.has(rootKey)) return;
    const path = keyToPath(rootKey);
    const listed = path === undefined ? undefined : await listExistingFiles(path);
    // A list cut short would call real files missing: rather say nothing.
    this.byRoot.set(rootKey, listed && !listed.truncated ? listed.paths : undefined);
  }

  /** The files under `rootKey`, when listed. */
  get(rootKey: string): ReadonlySet<string> | undefined {
    return this.byRoot.get(rootKey);
  }

  /**
   * A file or folder was created or deleted at `key`: forgets the lists of the roots above it.
   * Returns those roots (their checks must run again).
   */
  changed(key: string): string[] {
    const roots = [...this.byRoot.keys()].filter((root) => inFolder(key, root));
    for (const root of roots) this.byRoot.delete(root);
    return roots;
  }

  /** Forgets every list (the workspace is read again). */
  clear(): void {
    this.byRoot.clear();
  }
}
