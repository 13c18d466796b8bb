/**
 * How ISMS files are found and read from disk: ONE implementation for the command line and the
 * language server, so both see the same files (same folders skipped, symbolic links followed
 * loop-safely, same decoding, same size limit) and neither drops a file it cannot read silently.
 */
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { SourceFile } from "../core";

/** Folders never searched for ISMS files: version control, dependencies, tool caches. */
export const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn", ".tools", ".vscode-test"]);

/**
 * Files larger than this are not read: an ISMS file is text of a few hundred KB at most, and checking
 * a file takes about 100 times its size in memory (a 10 MB register stays under 2 GB; 20 MB did not).
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** True when a file name is a YAML file's (`*.yaml`, `*.yml`). */
export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** True when a path (best: relative to the searched folder) has a segment that is a skipped folder. */
export function inSkippedFolder(path: string): boolean {
  return path.split(/[\\/]/).some((segment) => SKIPPED_FOLDERS.has(segment));
}

/** A file or folder that could not be read, and why (one line, e.g. "permission denied"). */
export interface Unreadable {
  path: string;
  reason: string;
}

export interface FoundYamlFiles {
  /**
   * Paths of the YAML files, in folder order (names sorted in each folder). Includes symbolic
   * links named `*.yaml` whose target is missing: {@link readYamlFile} says why they cannot be read.
   */
  files: string[];
  /** Sub-folders that could not be listed (their files are unknown). */
  unreadableFolders: Unreadable[];
  /** True when the search stopped at `maxFiles`. */
  truncated: boolean;
}

/**
 * Every `*.yaml` / `*.yml` file below `folder`, recursively: skips {@link SKIPPED_FOLDERS}, follows
 * symbolic links (to files and to folders) and reads each real folder once, so a link loop ends.
 * Throws when `folder` itself cannot be read.
 */
export async function findYamlFiles(folder: string, options: { maxFiles?: number } = {}): Promise<FoundYamlFiles> {
  const maxFiles = options.maxFiles ?? Infinity;
  const result: FoundYamlFiles = { files: [], unreadableFolders: [], truncated: false };
  const visited = new Set<string>();

  async function walk(dir: string, top: boolean): Promise<void> {
    let entries;
    try {
      const real = await realpath(dir);
      if (visited.has(real)) return; // a symbolic link back into the tree, or to a folder already read
      visited.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (top) throw error;
      result.unreadableFolders.push({ path: dir, reason: reasonOf(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (result.files.length >= maxFiles) {
        result.truncated = true;
        return;
      }
      const full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // A dangling link named *.yaml is listed: reading it reports the broken link.
        const target = await stat(full).catch(() => undefined);
        isDirectory = target?.isDirectory() === true;
      }
      if (isDirectory) {
        // A folder named like a YAML file is listed too (reading it says what it is), and searched.
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (isYamlName(entry.name)) result.files.push(full);
        await walk(full, false);
      } else if (isYamlName(entry.name)) {
        // Regular files, and pipes, sockets and devices named *.yaml (never opened: reading says what they are).
        result.files.push(full);
      }
    }
  }

  await walk(folder, true);
  return result;
}

/**
 * What reading one file gave: its text, why it cannot be read, that there is no such file, or that
 * the path is not a file (a folder, a pipe, a socket, a device: `what` it is, as a phrase).
 */
export type YamlFileRead = { status: "read"; text: string } | { status: "unreadable"; reason: string } | { status: "missing" } | { status: "special"; what: string };

/**
 * Reads one file (following a symbolic link). Text is decoded by {@link decodeText}. A file larger
 * than {@link MAX_FILE_BYTES}, a dangling link or a file without read permission is `unreadable`,
 * with a one-line reason; a path where there is nothing (deleted) is `missing`; a folder, pipe,
 * socket or device is `special` and is never opened. Never throws.
 */
export async function readYamlFile(path: string): Promise<YamlFileRead> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const isLink = await lstat(path).then(
      (l) => l.isSymbolicLink(),
      () => false,
    );
    if (isLink) return { status: "unreadable", reason: brokenLinkReason(error) };
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return { status: "missing" };
    return { status: "unreadable", reason: reasonOf(error) };
  }
  if (!info.isFile()) return { status: "special", what: specialKind(info) };
  if (info.size > MAX_FILE_BYTES) return { status: "unreadable", reason: tooLargeReason(info.size) };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return { status: "missing" };
    return { status: "unreadable", reason: reasonOf(error) };
  }
  if (bytes.length > MAX_FILE_BYTES) return { status: "unreadable", reason: tooLargeReason(bytes.length) };
  return { status: "read", text: decodeText(bytes) };
}

/** A YAML file that could not be read, and why (one line); `file` as in {@link readWorkspace}. */
export interface UnreadableFile {
  file: string;
  reason: string;
}

/**
 * Reads every YAML file below `folder` ({@link findYamlFiles}, {@link readYamlFile}). Keys are paths
 * relative to `folder` with '/' separators. Files and sub-folders that cannot be read are listed
 * in `unreadable` (a folder's key ends with '/') rather than silently dropped. Throws when
 * `folder` itself cannot be read.
 */
export async function readWorkspace(folder: string): Promise<{ files: SourceFile[]; unreadable: UnreadableFile[] }> {
  const found = await findYamlFiles(folder);
  const keyOf = (path: string) => relative(folder, path).split(sep).join("/");
  const files: SourceFile[] = [];
  const unreadable: UnreadableFile[] = found.unreadableFolders.map((f) => ({ file: keyOf(f.path) + "/", reason: f.reason }));
  for (const path of found.files) {
    const read = await readYamlFile(path);
    if (read.status === "read") files.push({ file: keyOf(path), text: read.text });
    else if (read.status === "special") files.push({ file: keyOf(path), text: "", special: read.what });
    else unreadable.push({ file: keyOf(path), reason: read.status === "unreadable" ? read.reason : "no such file" });
  }
  return { files, unreadable };
}

/**
 * Decodes a file's bytes as text: UTF-16 (little or big endian) when it starts with that
 * byte-order mark, UTF-8 otherwise. A UTF-8 byte-order mark is kept (the engine drops it); bytes
 * that are not valid UTF-8 become U+FFFD, which the engine reports as an encoding problem.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** What a path that is not a regular file is, as a phrase for a message. */
function specialKind(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device file";
  return "not a regular file";
}

/** A one-line reason for a file-system error. */
export function reasonOf(error: unknown): string {
  const code = errorCode(error);
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such file";
  if (code === "ELOOP") return "a loop of symbolic links";
  return error instanceof Error ? error.message : String(error);
}

function brokenLinkReason(error: unknown): string {
  const code = errorCode(error);
  if (code === "ENOENT" || code === "ENOTDIR") return "broken symbolic link (the file it points to does not exist)";
  if (code === "ELOOP") return "broken symbolic link (the links form a loop)";
  return reasonOf(error);
}

function tooLargeReason(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB an ISMS file can be`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
