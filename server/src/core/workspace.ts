import { parseFile, specialFile, type ParsedFile } from "./parse/parsed-file";

/** A file given to the engine: its key ('/'-separated path or URI) and its text. */
export interface SourceFile {
  file: string;
  text: string;
  /** Set when the path is named like a YAML file but is not a file: what it is ("a folder"); `text` is then empty. */
  special?: string;
}

/** The folder part of a '/'-separated key ("a/b/isms.yaml" → "a/b", "isms.yaml" → ""). */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

/** True when `file` lies in folder `folder` or below it. */
export function isUnder(file: string, folder: string): boolean {
  return folder === "" || file.startsWith(folder.endsWith("/") ? folder : folder + "/");
}

/** The file name of a key (`risks/a.yaml` → `a.yaml`). */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

/** The names of the file that defines an ISMS root. */
const ROOT_FILE_NAMES = new Set(["isms.yaml", "isms.yml"]);

/**
 * True when a parsed file declares the ISMS root (`kind: ISMS`), or is an `isms.yaml` that looks
 * like an ISMS file but cannot be read whole (a merge conflict, a tab, a lone CR, binary data):
 * a syntax error there must not make the whole ISMS disappear (its syntax findings say what to fix).
 */
export function declaresRoot(parsed: ParsedFile): boolean {
  if (parsed.ismsDocuments.some((d) => d.kind === "ISMS")) return true;
  const broken = parsed.unreadable || parsed.problems.length > 0;
  return broken && parsed.isIsms && ROOT_FILE_NAMES.has(baseName(parsed.file).toLowerCase()) && !parsed.ismsDocuments.some((d) => d.kind !== undefined);
}

/**
 * Groups parsed files by ISMS root (4.3: the ISMS is what its scope document defines). A root is
 * the folder of a file holding a `kind: ISMS` document (normally `isms.yaml`); every file belongs
 * to the deepest root above it. Files under no root are returned in `orphans`.
 */
export function groupByRoot(files: ParsedFile[]): { roots: Map<string, ParsedFile[]>; orphans: ParsedFile[] } {
  const rootFolders = [...new Set(files.filter(declaresRoot).map((f) => folderOf(f.file)))].sort((a, b) => b.length - a.length);
  const roots = new Map<string, ParsedFile[]>(rootFolders.map((r) => [r, []]));
  const orphans: ParsedFile[] = [];
  for (const file of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const root = rootFolders.find((r) => isUnder(file.file, r));
    if (root === undefined) orphans.push(file);
    else roots.get(root)?.push(file);
  }
  return { roots, orphans };
}

/** Parses every source file (see {@link parseFile}); never throws. */
export function parseAll(sources: SourceFile[]): ParsedFile[] {
  return sources.map((s) => (s.special !== undefined ? specialFile(s.file, s.special) : parseFile(s.file, s.text)));
}
