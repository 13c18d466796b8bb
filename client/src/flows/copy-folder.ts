import * as vscode from "vscode";

/** What {@link copyFolder} did. */
export interface CopyResult {
  /** Paths written, relative to the destination ('/'-separated). */
  written: string[];
  /** Paths left alone because a file of that name already existed. */
  skipped: string[];
}

/**
 * Copies every file below `source` to `destination` with `vscode.workspace.fs` (so it works for
 * an extension installed remotely too), creating folders as needed. Existing files are never
 * overwritten: they are listed in `skipped`.
 */
export async function copyFolder(source: vscode.Uri, destination: vscode.Uri, relative = ""): Promise<CopyResult> {
  const result: CopyResult = { written: [], skipped: [] };
  const from = relative ? vscode.Uri.joinPath(source, relative) : source;
  await vscode.workspace.fs.createDirectory(relative ? vscode.Uri.joinPath(destination, relative) : destination);
  const entries = await vscode.workspace.fs.readDirectory(from);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, type] of entries) {
    const path = relative ? `${relative}/${name}` : name;
    if (type & vscode.FileType.Directory) {
      const sub = await copyFolder(source, destination, path);
      result.written.push(...sub.written);
      result.skipped.push(...sub.skipped);
    } else if (type & vscode.FileType.File) {
      const target = vscode.Uri.joinPath(destination, path);
      if (await exists(target)) {
        result.skipped.push(path);
        continue;
      }
      await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(source, path)));
      result.written.push(path);
    }
  }
  return result;
}

/** True when a file or folder exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
