import { isMap, isNode, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from "yaml";
import type { ParsedDocument, ParsedFile } from "../parse/parsed-file";
import type { Position, Range } from "../text/range";

/** A path into a YAML document: mapping keys and sequence indices, e.g. `["risks", 3, "likelihood"]`. */
export type YamlPath = (string | number)[];

/** What the parsed YAML holds at a position. */
export interface NodeAt {
  document: ParsedDocument;
  /** Path of the node at the position (for a key, the path of the pair it names). */
  path: YamlPath;
  /** The node at the position: the key scalar when `isKey`, else the value (absent for an empty value). */
  node?: Node;
  /** True when the position is on a mapping key. */
  isKey: boolean;
  /** The mapping holding the pair whose key or value the position is on. */
  map?: YAMLMap;
  /** Range of `node`. */
  range?: Range;
}

/** The document of `parsed` that holds `position` (the last one starting at or before it). */
export function documentAt(parsed: ParsedFile, position: Position): ParsedDocument | undefined {
  const offset = parsed.lines.offsetAt(position);
  let found: ParsedDocument | undefined;
  for (const d of parsed.documents) {
    const start = d.doc.range?.[0] ?? 0;
    if (start <= offset) found = d;
  }
  return found ?? parsed.documents[0];
}

/**
 * The YAML node at `position` with its path, from the parsed nodes. The end of a node counts as
 * inside it, so a cursor right after a word finds the word. Never throws.
 */
export function nodeAt(parsed: ParsedFile, position: Position): NodeAt | undefined {
  const document = documentAt(parsed, position);
  if (!document) return undefined;
  const offset = parsed.lines.offsetAt(position);
  const contents = document.doc.contents;
  if (!isNode(contents)) return undefined;
  const found = descend(contents, offset, []);
  if (!found) return undefined;
  const r = found.node?.range;
  return { document, ...found, range: r ? parsed.lines.rangeOf(r[0], r[1]) : undefined };
}

type Found = Omit<NodeAt, "document" | "range">;

function within(range: readonly number[] | null | undefined, offset: number): boolean {
  return !!range && range[0] <= offset && offset <= range[1];
}

function descend(node: Node, offset: number, path: YamlPath): Found | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const name = String(key.value);
      if (within(key.range, offset)) return { path: [...path, name], node: key, isKey: true, map: node };
      const value = pair.value;
      if (isNode(value) && within(value.range, offset)) {
        if (isMap(value) || isSeq(value)) return descend(value, offset, [...path, name]) ?? { path: [...path, name], node: value, isKey: false, map: node };
        return { path: [...path, name], node: value, isKey: false, map: node };
      }
    }
    return within(node.range, offset) ? { path, node, isKey: false } : undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (!isNode(item) || !within(item.range, offset)) continue;
      if (isMap(item) || isSeq(item)) return descend(item, offset, [...path, i]) ?? { path: [...path, i], node: item, isKey: false };
      return { path: [...path, i], node: item, isKey: false };
    }
    return within(node.range, offset) ? { path, node, isKey: false } : undefined;
  }
  return within(node.range, offset) ? { path, node, isKey: false } : undefined;
}

/** The node at `path` under `root`, if present. */
export function nodeAtPath(root: Node | null | undefined, path: YamlPath): Node | undefined {
  let node: Node | null | undefined = root;
  for (const step of path) {
    if (typeof step === "number") node = isSeq(node) ? (node.items[step] as Node | undefined) : undefined;
    else node = isMap(node) ? (node.get(step, true) as Node | undefined) : undefined;
    if (!node) return undefined;
  }
  return node ?? undefined;
}

/** The text of a scalar as written (numbers keep their source form, e.g. `5.10`). */
export function scalarSource(parsed: ParsedFile, node: Scalar): string {
  const r = node.range;
  if (!r) return String(node.value ?? "");
  return parsed.text.slice(r[0], r[1]).trim();
}

/** `risks[].residual.likelihood` for `["risks", 3, "residual", "likelihood"]`; trailing indices are dropped. */
export function fieldPattern(path: YamlPath): string {
  let out = "";
  for (const step of path) {
    if (typeof step === "number") out += "[]";
    else out += (out ? "." : "") + step;
  }
  return out.replace(/(\[\])+$/, "");
}

/** The last key of a path (`likelihood` for `["risks", 3, "likelihood"]`). */
export function lastKey(path: YamlPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return undefined;
}
