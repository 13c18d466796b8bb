import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Folders never searched for ISMS files (dependencies, VCS data, build output). */
export const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "out", ".tools", ".vscode-test"]);

/** Files larger than this are not read: an ISMS file is text of a few hundred KB at most. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** At most this many YAML files are read per folder (a guard against opening a whole disk). */
export const MAX_FILES_PER_FOLDER = 20_000;

/** True when a path has a segment that is a skipped folder. */
export function inSkippedFolder(fsPath: string): boolean {
  return fsPath.split(/[\\/]/).some((segment) => SKIPPED_FOLDERS.has(segment));
}

/**
 * Every `*.yaml` / `*.yml` file below `folder` (recursively, skipping {@link SKIPPED_FOLDERS} and
 * symbolic links). Unreadable sub-folders are skipped and passed to `onProblem`.
 */
export async function findYamlFiles(folder: string, onProblem: (path: string, error: unknown) => void): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      onProblem(dir, error);
      return;
    }
    for (const entry of entries) {
      if (found.length >= MAX_FILES_PER_FOLDER) return;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        found.push(full);
      }
    }
  }
  await walk(folder);
  return found.sort();
}

/** The text of a file as UTF-8, or `undefined` when it does not exist, is a folder or is too large. */
export async function readTextFile(fsPath: string): Promise<string | undefined> {
  const info = await stat(fsPath).catch(() => undefined);
  if (!info || !info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
  return readFile(fsPath, "utf8").catch(() => undefined);
}

/** True when `fsPath` is a folder. */
export async function isFolder(fsPath: string): Promise<boolean> {
  const info = await stat(fsPath).catch(() => undefined);
  return info?.isDirectory() === true;
}

/**
 * The nearest folder at or above `dir` holding an `isms.yaml` / `isms.yml` that declares
 * `kind: ISMS`, looking at most `maxLevels` folders up; `undefined` when there is none.
 */
export async function findIsmsRootAbove(dir: string, maxLevels = 12): Promise<string | undefined> {
  let current = dir;
  for (let level = 0; level < maxLevels; level++) {
    for (const name of ["isms.yaml", "isms.yml"]) {
      const text = await readTextFile(join(current, name));
      if (text !== undefined && /^kind:\s*["']?ISMS["']?\s*(#.*)?$/m.test(text)) return current;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}
