import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { SourceFile } from "../core";
import { decodeText } from "./decode-text";

/** Folders never searched for ISMS files: version control, dependencies, tool caches. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn", ".tools", ".vscode-test"]);

/** Files larger than this are not read: an ISMS file is text of a few hundred KB at most. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A YAML file that could not be read, and why (one line). */
export interface UnreadableFile {
  file: string;
  reason: string;
}

/**
 * Reads every `*.yaml` / `*.yml` file below `folder` (recursively, following symbolic links once,
 * skipping VCS and dependency folders). Keys are paths relative to `folder` with '/' separators.
 * Text is decoded from UTF-8 (or UTF-16 with a byte-order mark); bytes that are not valid UTF-8
 * become U+FFFD, which the engine reports. Files that cannot be read are listed in `unreadable`
 * rather than silently dropped. Throws when `folder` itself cannot be read.
 */
export async function readWorkspace(folder: string): Promise<{ files: SourceFile[]; unreadable: UnreadableFile[] }> {
  const files: SourceFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const visited = new Set<string>();

  async function walk(dir: string, top: boolean): Promise<void> {
    const real = await realpath(dir);
    if (visited.has(real)) return; // a symbolic link back into the tree
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (top) throw error;
      unreadable.push({ file: relative(folder, dir).split(sep).join("/") + "/", reason: reasonOf(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const key = relative(folder, full).split(sep).join("/");
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (/\.ya?ml$/i.test(entry.name)) unreadable.push({ file: key, reason: `broken symbolic link (${reasonOf(error)})` });
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, false);
      } else if (isFile && /\.ya?ml$/i.test(entry.name)) {
        try {
          const info = await stat(full);
          if (info.size > MAX_FILE_BYTES) {
            unreadable.push({ file: key, reason: `${(info.size / 1024 / 1024).toFixed(0)} MB, larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB an ISMS file can be` });
            continue;
          }
          files.push({ file: key, text: decodeText(await readFile(full)) });
        } catch (error) {
          unreadable.push({ file: key, reason: reasonOf(error) });
        }
      }
    }
  }
  await walk(folder, true);
  return { files, unreadable };
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such file";
  return error instanceof Error ? error.message : String(error);
}
