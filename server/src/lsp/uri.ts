import { URI } from "vscode-uri";

/**
 * File keys and URIs. The engine identifies files by '/'-separated keys; the server uses each
 * file's URI in normal form (`URI.parse(uri).toString()`, e.g. `file:///home/me/isms/risks.yaml`)
 * as its key, so `folderOf`/`isUnder` of `core/workspace.ts` work on keys unchanged.
 * {@link UriMap} remembers how the client spelled a URI so that answers use its spelling.
 */

/** The key of a URI: its normal form. Never throws (an unparsable string is its own key). */
export function normalizeUri(uri: string): string {
  try {
    return stripSlash(URI.parse(uri).toString());
  } catch {
    return stripSlash(uri);
  }
}

/** The key of a file-system path. */
export function pathToKey(fsPath: string): string {
  return stripSlash(URI.file(fsPath).toString());
}

/** The file-system path of a `file:` key or URI, or `undefined` for other schemes. */
export function keyToPath(key: string): string | undefined {
  try {
    const uri = URI.parse(key);
    return uri.scheme === "file" ? uri.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** True when a key names a YAML file (`*.yaml`, `*.yml`, any case). */
export function isYamlKey(key: string): boolean {
  return /\.ya?ml$/i.test(key.replace(/[?#].*$/, ""));
}

/** True when `key` is `folder` or lies below it. */
export function inFolder(key: string, folder: string): boolean {
  return key === folder || key.startsWith(folder + "/");
}

function stripSlash(key: string): string {
  return key.length > 1 && key.endsWith("/") && !key.endsWith(":///") && !key.endsWith("://") ? key.slice(0, -1) : key;
}

/** Keys ↔ client URIs: a key maps back to the URI the client last used for it (default: the key). */
export class UriMap {
  private readonly spelled = new Map<string, string>();

  /** The key of a client URI, remembering the spelling when it differs from the normal form. */
  toKey(uri: string): string {
    const key = normalizeUri(uri);
    if (key !== uri) this.spelled.set(key, uri);
    return key;
  }

  /** The URI to send to the client for a key. */
  toUri(key: string): string {
    return this.spelled.get(key) ?? key;
  }
}
