import { isMap, isScalar, isSeq, parse, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import type { FileEditor } from "./editor";

/**
 * Minimal edits of YAML text, computed from the node ranges of the `yaml` library's documents.
 * Nothing is re-serialised: values are replaced by their exact source range and new lines are
 * inserted between existing lines, indented like their siblings, with the file's line ending.
 * Flow collections (`[a, b]`, `{ k: v }`) get their new items inside the brackets.
 */

/** A key/value pair to insert into a mapping. `items` makes the value a sequence. */
export interface NewPair {
  key: string;
  /** The value's YAML source text (already quoted when needed). */
  value?: string;
  /** Sequence items (YAML source texts): written `[a, b]` in flow style, `- a` lines in block style. */
  items?: string[];
  /** Write `items` as a block sequence, indented this many columns more than the key. */
  blockItems?: { indent: number };
  /** A trailing `# comment` (block style only). */
  comment?: string;
}

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Column (0-based, in UTF-16 code units) of `offset` in its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** True when the line holding `offset` has nothing but whitespace after it (no comment, no value). */
function restOfLineBlank(text: string, offset: number): boolean {
  const nl = text.indexOf("\n", offset);
  return text.slice(offset, nl < 0 ? text.length : nl).trim() === "";
}

/** The offset right after the last non-blank character of a node (block scalars end with a line break). */
export function contentEnd(text: string, node: Node): number {
  const [start, end] = node.range ?? [0, 0];
  let p = end;
  while (p > start && /\s/.test(text[p - 1])) p--;
  return p;
}

/** True when the node's source is empty (a key with no value: `owner:`). */
function isEmptyNode(node: Node | null | undefined): boolean {
  return !node || !node.range || node.range[1] <= node.range[0];
}

/** The end of a pair's content: its value's content end, or its key's end when it has no value. */
export function pairEnd(text: string, pair: Pair<Node, Node | null>): number {
  if (!isEmptyNode(pair.value)) return contentEnd(text, pair.value as Node);
  const keyEnd = (pair.key as Node).range?.[1] ?? 0;
  const colon = text.indexOf(":", keyEnd);
  return colon >= 0 ? colon + 1 : keyEnd;
}

/** Offset where the first key of a mapping starts (the mapping's indentation in block style). */
function firstKeyStart(map: YAMLMap): number {
  const key = map.items[0]?.key as Node | undefined;
  return key?.range?.[0] ?? map.range?.[0] ?? 0;
}

/** Inserts whole lines after the line that holds `offset`. */
export function insertLinesAfter(ed: FileEditor, offset: number, lines: string[]): void {
  if (lines.length === 0) return;
  const nl = ed.text.indexOf("\n", offset);
  if (nl < 0) ed.insert(ed.text.length, ed.eol + lines.join(ed.eol));
  else ed.insert(nl + 1, lines.map((l) => l + ed.eol).join(""));
}

/** Inserts whole lines before the line that holds `offset`. */
export function insertLinesBefore(ed: FileEditor, offset: number, lines: string[]): void {
  if (lines.length > 0) ed.insert(lineStart(ed.text, offset), lines.map((l) => l + ed.eol).join(""));
}

/**
 * Formats a string as a YAML scalar: plain when it reads back as the same string, else
 * double-quoted. `inFlow` also quotes texts with commas or brackets (inside `[…]` or `{…}`).
 */
export function yamlString(value: string, inFlow = true): string {
  if (isPlainSafe(value, inFlow)) return value;
  return JSON.stringify(value);
}

/** True when `value` may be written as a plain scalar and reads back as the same string. */
export function isPlainSafe(value: string, inFlow = true): boolean {
  if (value === "" || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /:(\s|$)|\s#/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

/**
 * Writes `value` in the quoting style of an existing scalar's source text (`"…"`, `'…'` or
 * plain), so a replaced id keeps the look of the one it replaces.
 */
export function inQuoteStyleOf(source: string, value: string): string {
  if (source.startsWith('"')) return JSON.stringify(value);
  if (source.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return yamlString(value);
}

/** Renders a new pair as block lines at column `col`. */
function pairLines(col: number, p: NewPair): string[] {
  const pad = " ".repeat(col);
  const comment = p.comment ? `  # ${p.comment}` : "";
  if (p.items && p.blockItems) return [`${pad}${p.key}:${comment}`, ...p.items.map((i) => `${" ".repeat(col + p.blockItems!.indent)}- ${i}`)];
  return [`${pad}${p.key}: ${inlineValue(p)}${comment}`];
}

/** The single-line value text of a new pair (`[a, b]` for items). */
function inlineValue(p: NewPair): string {
  return p.items ? `[${p.items.join(", ")}]` : (p.value ?? "");
}

/**
 * Appends source texts as new items of a flow collection (`[a, b]` → `[a, b, c]`): right after
 * the last item, so comments and trailing commas inside the brackets stay where they are.
 */
export function appendToFlow(ed: FileEditor, coll: YAMLMap | YAMLSeq, texts: string[]): void {
  if (texts.length === 0) return;
  const last = coll.items[coll.items.length - 1] as Node | Pair<Node, Node | null> | undefined;
  if (last === undefined) {
    const open = coll.range?.[0] ?? 0;
    ed.insert(open + 1, texts.join(", "));
    return;
  }
  const end = isMap(coll) ? pairEnd(ed.text, last as Pair<Node, Node | null>) : contentEnd(ed.text, last as Node);
  ed.insert(end, texts.map((t) => `, ${t}`).join(""));
}

/**
 * Inserts pairs into a mapping: in block style as new lines after the pair of the first key of
 * `after` that is present (else after the last pair), indented like the mapping's keys; in flow
 * style at the end of the braces.
 */
export function insertPairs(ed: FileEditor, map: YAMLMap, pairs: NewPair[], after: readonly string[] = []): void {
  if (pairs.length === 0) return;
  if (map.flow) {
    appendToFlow(
      ed,
      map,
      pairs.map((p) => `${p.key}: ${inlineValue(p)}`),
    );
    return;
  }
  const anchor = after.map((k) => pairOf(map, k)).find((p) => p !== undefined) ?? (map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined);
  if (!anchor) throw new Error("cannot insert into an empty block mapping");
  const col = columnOf(ed.text, firstKeyStart(map));
  insertLinesAfter(
    ed,
    pairEnd(ed.text, anchor),
    pairs.flatMap((p) => pairLines(col, p)),
  );
}

/**
 * Sets the scalar value of `key`: replaces the value's source text when the key exists (a key
 * with no value gets one after its colon), else inserts the pair (see {@link insertPairs}).
 */
export function setValue(ed: FileEditor, map: YAMLMap, pair: NewPair, after: readonly string[] = []): void {
  const existing = pairOf(map, pair.key);
  if (!existing) {
    insertPairs(ed, map, [pair], after);
    return;
  }
  const value = existing.value;
  const text = pair.value ?? inlineValue(pair);
  if (!isEmptyNode(value)) {
    const node = value as Node;
    ed.replace(node.range![0], isScalar(node) ? node.range![1] : contentEnd(ed.text, node), text);
    return;
  }
  const at = pairEnd(ed.text, existing);
  const comment = pair.comment && !map.flow && restOfLineBlank(ed.text, at) ? `  # ${pair.comment}` : "";
  ed.insert(at, ` ${text}${comment}`);
}

/** The column offset of block sequence items under a key in this mapping (`key:\n  - a` → 2), if any. */
export function blockSeqIndent(text: string, map: YAMLMap, key: string): number | undefined {
  const pair = pairOf(map, key);
  if (!pair || !isSeq(pair.value) || pair.value.flow || pair.value.items.length === 0) return undefined;
  const keyCol = columnOf(text, (pair.key as Node).range?.[0] ?? 0);
  const dash = dashOffset(text, pair.value.items[0] as Node);
  return dash === undefined ? undefined : columnOf(text, dash) - keyCol;
}

/** The offset of the `-` that introduces a block sequence item. */
function dashOffset(text: string, item: Node): number | undefined {
  let p = (item.range?.[0] ?? 0) - 1;
  while (p >= 0 && /\s/.test(text[p])) p--;
  return p >= 0 && text[p] === "-" ? p : undefined;
}

/**
 * Adds `item` to the sequence under `key`: appended to a flow or block sequence in its style,
 * a single scalar becomes `[old, item]`, an empty key gets `[item]`, and a missing key is
 * inserted (block items when `block` is given, else `[item]`).
 */
export function addToList(ed: FileEditor, map: YAMLMap, key: string, item: string, after: readonly string[], block?: { indent: number }): void {
  const pair = pairOf(map, key);
  if (!pair) {
    insertPairs(ed, map, [{ key, items: [item], blockItems: map.flow ? undefined : block }], after);
    return;
  }
  const value = pair.value;
  if (isSeq(value)) {
    if (value.flow || value.items.length === 0) appendToFlow(ed, value, [item]);
    else appendToBlockSeq(ed, value, [[item]]);
    return;
  }
  if (isEmptyNode(value)) {
    ed.insert(pairEnd(ed.text, pair), ` [${item}]`);
    return;
  }
  if (isScalar(value)) {
    const node = value as Node;
    const source = ed.text.slice(node.range![0], node.range![1]);
    ed.replace(node.range![0], node.range![1], `[${source}, ${item}]`);
    return;
  }
  throw new Error(`${key} is not a list`);
}

/** How new entries of a block or flow sequence of mappings are written, copied from an existing one. */
export interface EntryShape {
  flow: boolean;
  /** Text before the first key on the entry's first line (`  - `). */
  dash: string;
  /** Column of the entry's keys. */
  keyCol: number;
  /** Space inside flow braces (`{ a: 1 }` vs `{a: 1}`). */
  braceSpace: string;
  /** Entries are separated by a blank line. */
  blankLine: boolean;
}

/** The shape of the entries of `seq`, copied from `sample` (one of its items), or the default at `col`. */
export function entryShape(text: string, seq: YAMLSeq | undefined, sample: Node | undefined, col: number): EntryShape {
  if (!sample || !sample.range) return { flow: false, dash: " ".repeat(col) + "- ", keyCol: col + 2, braceSpace: " ", blankLine: false };
  const start = sample.range[0];
  const dash = dashOffset(text, sample);
  const flow = isMap(sample) && sample.flow === true;
  let prefix: string;
  if (dash !== undefined && lineStart(text, dash) === lineStart(text, start)) prefix = text.slice(lineStart(text, start), start);
  else prefix = " ".repeat(dash !== undefined ? columnOf(text, dash) : col) + "- ";
  return {
    flow,
    dash: prefix,
    keyCol: prefix.length,
    braceSpace: flow && text[start + 1] === " " ? " " : flow ? "" : " ",
    blankLine: seq ? separatedByBlankLines(text, seq) : false,
  };
}

/** True when most items of a block sequence are preceded by a blank line. */
function separatedByBlankLines(text: string, seq: YAMLSeq): boolean {
  let blank = 0;
  let total = 0;
  for (const item of seq.items.slice(1) as Node[]) {
    const dash = dashOffset(text, item);
    if (dash === undefined) continue;
    total++;
    const start = lineStart(text, dash);
    if (start === 0) continue;
    const prevStart = lineStart(text, start - 1);
    if (text.slice(prevStart, start).trim() === "") blank++;
  }
  return total > 0 && blank * 2 > total;
}

/**
 * Renders a new entry (`[key, value source]` pairs) in the given shape. In block style a value
 * that starts with a line break is a nested block (a mapping): its lines follow the key, indented
 * from the entry's key column.
 */
export function entryLines(shape: EntryShape, pairs: [string, string][]): string[] {
  if (shape.flow) {
    const s = shape.braceSpace;
    return [`${shape.dash}{${s}${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")}${s}}`];
  }
  const pad = " ".repeat(shape.keyCol);
  return pairs.flatMap(([k, v], i) => {
    const key = `${i === 0 ? shape.dash : pad}${k}:`;
    return v.startsWith("\n")
      ? [
          key,
          ...v
            .slice(1)
            .split("\n")
            .map((l) => `${pad}${l}`),
        ]
      : [`${key} ${v}`];
  });
}

/**
 * Appends items to a block sequence after its last item. Each item is given as lines; the
 * first line follows a dash copied from the last item (`  - `), the others are indented to the
 * column after the dash.
 */
export function appendToBlockSeq(ed: FileEditor, seq: YAMLSeq, items: string[][]): void {
  const last = seq.items[seq.items.length - 1] as Node;
  const shape = entryShape(ed.text, seq, last, 0);
  const pad = " ".repeat(shape.keyCol);
  insertLinesAfter(
    ed,
    contentEnd(ed.text, last),
    items.flatMap((lines) => lines.map((l, i) => (i === 0 ? shape.dash : pad) + l)),
  );
}

/**
 * The style of the sequences under `key` in sibling mappings (e.g. `sources` of the other SoA
 * entries): block items with their indentation when most of them are block sequences, else
 * `undefined` (flow, `[a, b]`).
 */
export function siblingListStyle(text: string, maps: readonly YAMLMap[], key: string): { indent: number } | undefined {
  let flow = 0;
  const block: number[] = [];
  for (const map of maps) {
    const value = pairOf(map, key)?.value;
    if (!isSeq(value) || value.items.length === 0) continue;
    if (value.flow) flow++;
    else {
      const indent = blockSeqIndent(text, map, key);
      if (indent !== undefined) block.push(indent);
    }
  }
  return block.length > flow ? { indent: block[0] } : undefined;
}

/**
 * Where a line inserted "after the line of `offset`" goes: the start of the next line, or
 * `undefined` when that line is the last one and has no line break.
 */
export function nextLineStart(text: string, offset: number): number | undefined {
  const nl = text.indexOf("\n", offset);
  return nl < 0 ? undefined : nl + 1;
}

/** The offset of the first character of the line of a block sequence item's dash (or of the item). */
export function itemLineStart(text: string, item: Node): number {
  return lineStart(text, dashOffset(text, item) ?? item.range?.[0] ?? 0);
}
