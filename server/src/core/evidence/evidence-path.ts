/**
 * What an evidence entry or a policy `path` points to (7.5.3, 9.1), decided from its text alone:
 * nothing is read, fetched or resolved on disk here. Relative paths resolve from the ISMS root
 * (the folder of isms.yaml).
 */
export type EvidenceTarget =
  /** A URL (`https://…`, any `scheme://…`, `mailto:…`, `urn:…`): listed as written, never fetched. */
  | { kind: "url" }
  /** A `file:` URI: names a file by machine path, which the ISMS root does not control. */
  | { kind: "file-uri" }
  /** An absolute path (`/srv/x`, `C:\x`, `\\server\x`). */
  | { kind: "absolute" }
  /** A relative path whose `..` segments climb above the ISMS root. */
  | { kind: "outside" }
  /** A path under the root: '/'-separated, `.`/`..` resolved, Unicode NFC, no leading `./`. */
  | { kind: "relative"; path: string };

/**
 * Classifies `written` (an SoA `evidence` entry or a policy `path`).
 * Windows separators (`\`) count as `/`. Never throws.
 */
export function evidenceTarget(written: string): EvidenceTarget {
  const text = written.trim().normalize("NFC");
  if (/^file:/i.test(text)) return { kind: "file-uri" };
  // A URL has a scheme of two or more letters (one letter is a Windows drive: C:\x) and either an
  // authority (`//`) or is a mail address or URN. Other "word:" texts ("Pending: to be written",
  // `javascript:`, `data:`) name no document, so they are checked as paths and reported as missing.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(text) || /^(mailto|urn):\S/i.test(text)) return { kind: "url" };
  const slashed = text.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[a-z]:/i.test(slashed)) return { kind: "absolute" };
  const segments: string[] = [];
  for (const segment of slashed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return { kind: "outside" };
      segments.pop();
    } else segments.push(segment);
  }
  return { kind: "relative", path: segments.join("/") };
}

/**
 * True when the root-relative `path` names a file or folder in `existing` (root-relative,
 * '/'-separated, NFC). A `#fragment` or `?query` suffix is ignored when the whole text is not a file.
 */
export function existsUnderRoot(path: string, existing: ReadonlySet<string>): boolean {
  if (path === "" || existing.has(path)) return true;
  const cut = path.search(/[#?]/);
  return cut > 0 && existing.has(path.slice(0, cut));
}

/** Longest part of a written path quoted in a message (a path may be any length in a file). */
const MAX_SHOWN = 200;

/** `written` as quoted in messages: cut to {@link MAX_SHOWN} characters. */
export function shownPath(written: string): string {
  return written.length > MAX_SHOWN ? `${written.slice(0, MAX_SHOWN)}…` : written;
}
