import type { DocumentLink } from "vscode-languageserver-types";
import { buildModel } from "../model/build-model";
import type { IsmsModel } from "../model/isms-model";
import type { Value } from "../model/types";
import type { ParsedFile } from "../parse/parsed-file";
import type { Range } from "../text/range";
import { folderOf } from "../workspace";

const URL = /^https?:\/\/\S+$/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const URI_KEY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * Resolves a reference written in a file (`docs/policy.md`, `../evidence/x.pdf#p2`,
 * `https://…`) to a link target: URLs as is, relative paths against the folder of the file's key
 * (paths starting with `/` against `root`). `undefined` for text that is not a path or URL.
 */
export function linkTarget(file: string, written: string, root = ""): string | undefined {
  const text = written.trim();
  if (text === "" || /[\r\n\t]/.test(text)) return undefined;
  if (URL.test(text)) return text;
  if (SCHEME.test(text)) return undefined;
  if (!text.includes("/") && !/\.[A-Za-z0-9]{1,8}(#.*)?$/.test(text)) return undefined;
  const hash = text.indexOf("#");
  const pathPart = hash >= 0 ? text.slice(0, hash) : text;
  const fragment = hash >= 0 ? text.slice(hash) : "";
  const base = pathPart.startsWith("/") ? root : folderOf(file);
  const uri = URI_KEY.test(file);
  const prefixMatch = uri ? /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*)(.*)$/.exec(base) : null;
  const head = prefixMatch ? prefixMatch[1] : "";
  const rest = prefixMatch ? prefixMatch[2] : base;
  const absolute = rest.startsWith("/");
  const segments = rest.split("/").filter((s) => s !== "");
  for (const seg of pathPart.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(uri ? encodeSegment(seg) : seg);
  }
  const joined = (absolute ? "/" : "") + segments.join("/");
  return `${head}${joined}${fragment}`;
}

function encodeSegment(seg: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(seg));
  } catch {
    return encodeURIComponent(seg);
  }
}

function unquoted(parsed: ParsedFile, range: Range): Range {
  const start = parsed.lines.offsetAt(range.start);
  const end = parsed.lines.offsetAt(range.end);
  const q = parsed.text[start];
  if ((q === '"' || q === "'") && end - start >= 2 && parsed.text[end - 1] === q) return { start: parsed.lines.positionAt(start + 1), end: parsed.lines.positionAt(end - 1) };
  return range;
}

/**
 * Links of a file: each SoA entry's `evidence` and each policy's `path` (relative paths resolved
 * against the file's folder key, http(s) URLs as is). Never throws.
 */
export function documentLinks(model: IsmsModel | undefined, parsed: ParsedFile): DocumentLink[] {
  try {
    const m = model && model.files.some((f) => f.file === parsed.file) ? model : buildModel("", [parsed]);
    const links: DocumentLink[] = [];
    const add = (v: Value<string> | undefined, tooltip: string) => {
      if (!v) return;
      const target = linkTarget(parsed.file, v.value, m.root);
      if (target) links.push({ range: unquoted(parsed, v.range), target, tooltip });
    };
    for (const entry of m.soaEntries) {
      if (entry.file !== parsed.file) continue;
      for (const e of entry.evidence) add(e, `Open evidence for ${entry.control?.id ?? "this control"}`);
    }
    for (const policy of m.policies) {
      if (policy.file === parsed.file) add(policy.path, `Open the policy document${policy.id ? ` of ${policy.id.value}` : ""}`);
    }
    return links;
  } catch {
    return [];
  }
}
