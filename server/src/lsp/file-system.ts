import { stat } from "node:fs/promises";
import { unreadableFile, type ParsedFile } from "../core/parse/parsed-file";
import { FILE_START } from "../core/text/range";
import { findYamlFiles as findAll, reasonOf } from "../node/isms-files";

// The server finds and reads files exactly as the command line does (server/src/node/isms-files.ts).
export { inSkippedFolder, readYamlFile } from "../node/isms-files";
export { findIsmsRootAbove } from "../node/isms-root-above";

/** At most this many YAML files are read per folder (a guard against opening a whole disk). */
export const MAX_FILES_PER_FOLDER = 20_000;

/**
 * Every `*.yaml` / `*.yml` file below `folder`, as the command line finds them (skipped folders,
 * symbolic links followed loop-safely, dangling links named `*.yaml` included so that reading them
 * reports them). A folder that cannot be listed, and a search stopped at
 * {@link MAX_FILES_PER_FOLDER}, are passed to `onProblem`.
 */
export async function findYamlFiles(folder: string, onProblem: (path: string, reason: string) => void): Promise<string[]> {
  try {
    const found = await findAll(folder, { maxFiles: MAX_FILES_PER_FOLDER });
    for (const f of found.unreadableFolders) onProblem(f.path, f.reason);
    if (found.truncated) onProblem(folder, `more than ${MAX_FILES_PER_FOLDER} YAML files (only the first ${MAX_FILES_PER_FOLDER} are checked)`);
    return found.files;
  } catch (error) {
    onProblem(folder, reasonOf(error));
    return [];
  }
}

/**
 * The parse of a file that cannot be read from disk: no documents, and one `yaml/syntax` problem at
 * the start of the file saying why, so the file shows an error instead of silently missing from
 * the ISMS.
 */
export function unreadableParse(key: string, reason: string): ParsedFile {
  return unreadableFile(key, [{ range: FILE_START, message: `This file cannot be read: ${reason}. Its records are missing from every check until it can be read.` }]);
}

/** True when `fsPath` is a folder. */
export async function isFolder(fsPath: string): Promise<boolean> {
  const info = await stat(fsPath).catch(() => undefined);
  return info?.isDirectory() === true;
}
