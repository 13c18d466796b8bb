/**
 * Which files exist under a folder, for the evidence check (7.5.3): the core never touches the
 * disk, so the command line and the language server list the files here and pass the list in.
 * Only names and link targets are looked at; no file is opened. Symbolic links count only when
 * they lead to a place inside the listed folder (a link out of the ISMS root is not a file of the
 * ISMS), and linked folders are not descended into (no loops, no reading outside the root).
 */
import { readdir, realpath } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { SKIPPED_FOLDERS } from "./isms-files";

/** At most this many files and folders are listed under one folder (a guard against listing a whole disk). */
export const MAX_LISTED_ENTRIES = 200_000;

export interface ListedFiles {
  /** Paths of files and folders relative to the listed folder: '/'-separated, Unicode NFC. */
  paths: Set<string>;
  /** True when the listing stopped at {@link MAX_LISTED_ENTRIES}. */
  truncated: boolean;
}

/**
 * Lists every file and folder below `folder` (skipping version control and dependency folders).
 * Never throws: an unreadable sub-folder contributes nothing; an unreadable `folder` gives an empty list.
 */
export async function listExistingFiles(folder: string, maxEntries = MAX_LISTED_ENTRIES): Promise<ListedFiles> {
  const result: ListedFiles = { paths: new Set(), truncated: false };
  let top: string;
  try {
    top = await realpath(folder);
  } catch {
    return result;
  }
  const inside = (real: string) => real === top || real.startsWith(top.endsWith(sep) ? top : top + sep);
  const add = (full: string) => result.paths.add(relative(folder, full).split(sep).join("/").normalize("NFC"));

  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (result.paths.size >= maxEntries) {
        result.truncated = true;
        return;
      }
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (target !== undefined && inside(target)) add(full);
      } else if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        add(full);
        await walk(full);
      } else if (entry.isFile()) {
        add(full);
      }
    }
  }
  await walk(folder);
  return result;
}
