import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { SourceFile } from "../core";

/** Folders never searched for ISMS files. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "out", ".tools", ".vscode-test"]);

/** Files larger than this are not read (an ISMS file is text of a few hundred KB at most). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads every `*.yaml` / `*.yml` file below `folder` (recursively, skipping VCS and build
 * folders) as UTF-8. Keys are paths relative to `folder` with '/' separators.
 * Throws when `folder` cannot be read; a single unreadable file is returned with empty text and
 * listed in `unreadable`.
 */
export async function readWorkspace(folder: string): Promise<{ files: SourceFile[]; unreadable: string[] }> {
  const files: SourceFile[] = [];
  const unreadable: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        const key = relative(folder, full).split(sep).join("/");
        try {
          const info = await stat(full);
          if (info.size > MAX_FILE_BYTES) throw new Error("file too large");
          files.push({ file: key, text: await readFile(full, "utf8") });
        } catch {
          unreadable.push(key);
        }
      }
    }
  }
  await walk(folder);
  return { files, unreadable };
}
