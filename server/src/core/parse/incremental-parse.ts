import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLSeq } from "yaml";
import { MAX_NESTING_DEPTH, parseYamlDocuments } from "./yaml-documents";
import { LineIndex } from "../text/line-index";
import { stripBom } from "../text/bom";
import { assembleFile, mayHaveWholeFileProblems, parsedDocument, parseFile, syntaxProblemsOf, YAML_OPTIONS, type ParsedFile } from "./parsed-file";

/**
 * Parses the new text of a file, re-using the parse of its previous text where an edit stays
 * inside one item of a block sequence (a risk, an SoA entry, an action, an evidence item …), or
 * adds items right after it (a risk appended at the end of a register): only those lines are
 * parsed again, the other nodes are kept and their offsets moved.
 * Anything else (an edit that crosses items, touches a key of the document itself or leaves a
 * syntax error, a file with anchors or aliases, a previous text with problems) is parsed whole by
 * {@link parseFile}. Either way the result is the one `parseFile(file, newText)` would give.
 *
 * The previous parse is CONSUMED when the re-use happens: its YAML nodes now belong to the new
 * parse and describe the new text, so it must not be used again (see {@link wasConsumed}).
 * Never throws.
 *
 * @param previous  the parse of the file's previous text
 * @param rawText  the file's new content; a leading byte-order mark is dropped
 */
export function reparseFile(previous: ParsedFile, rawText: string): ParsedFile {
  return reparseItem(previous, rawText) ?? parseFile(previous.file, rawText);
}

/**
 * True when `parsed` was consumed by {@link reparseFile}: its nodes' offsets refer to a newer
 * text than its `text`, so no edit may be computed from it.
 */
export function wasConsumed(parsed: ParsedFile): boolean {
  return consumed.has(parsed);
}

const consumed = new WeakSet<ParsedFile>();

/**
 * How many times a node kept by {@link reparseFile} had something inside it replaced: what is
 * derived from a node and kept per node (a record read from a register item, its schema data, its
 * placeholders) is valid while this count and the node's start are unchanged. 0 for a node no
 * re-parse changed inside.
 */
export function contentChangesOf(node: object): number {
  return contentChanges.get(node) ?? 0;
}

const contentChanges = new WeakMap<object, number>();

/** The incremental path of {@link reparseFile}, or `undefined` (and nothing changed) when it does not apply. */
export function reparseItem(previous: ParsedFile, rawText: string): ParsedFile | undefined {
  try {
    return tryReparseItem(previous, rawText);
  } catch {
    return undefined; // only ever before anything was changed: every check comes first
  }
}

/** A block-sequence item that an edit lies in, with its sequence. */
interface Candidate {
  seq: YAMLSeq;
  index: number;
  item: Node;
  /** The collections that hold the item, outermost first (the sequence last). */
  ancestors: Node[];
  /** The document's own range, which ends with its content. */
  docRange: number[];
}

function tryReparseItem(previous: ParsedFile, rawText: string): ParsedFile | undefined {
  const text = stripBom(rawText);
  const old = previous.text;
  if (consumed.has(previous) || previous.unreadable || text === old) return undefined;
  // Syntax errors elsewhere in the file are kept (moved with the text): the parser reads left to
  // right, so an item that closes before the next one starts reads the same whatever is broken
  // around it. Errors read from another text (tabs read as spaces), warnings and our own checks
  // (nesting depth, aliases) are left to a full parse.
  if (previous.documents.some((d) => d.doc.warnings.length > 0 || d.doc.errors.some((e) => !KEPT_ERRORS.has(e.code)))) return undefined;
  if (mayHaveWholeFileProblems(text) || mayHaveWholeFileProblems(old) || (old.includes("\t") && TAB_IN_INDENT.test(old))) return undefined;
  // A directive (%YAML 1.1) changes how every value reads: the item alone would be read without it.
  if ((old.includes("%") && DIRECTIVE.test(old)) || (text.includes("%") && DIRECTIVE.test(text))) return undefined;

  // The edit: old = prefix + old middle + suffix, new = prefix + new middle + suffix.
  const shorter = Math.min(old.length, text.length);
  let from = 0;
  while (from < shorter && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  // An edit that starts in the indentation of a line starts at the line: a line added at the end
  // of an item shares its indentation with the next item's line, which is not part of the edit.
  let lineStart = from;
  while (lineStart > 0 && old.charCodeAt(lineStart - 1) === 32) lineStart--;
  if (lineStart === 0 || old.charCodeAt(lineStart - 1) === 10) from = lineStart;
  let suffix = 0;
  while (suffix < shorter - from && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldTo = old.length - suffix;
  const delta = text.length - old.length;

  const docIndex = previous.documents.findIndex((d) => d.doc.range && d.doc.range[0] <= from && oldTo <= d.doc.range[2]);
  if (docIndex < 0) return undefined;
  const doc = previous.documents[docIndex].doc;
  const candidates: Candidate[] = [];
  collectCandidates(doc.contents as Node | null, from, candidates, [], doc.range as unknown as number[]);
  if (candidates.length === 0) {
    // An edit in the blank lines after the last item (a risk appended below the register's end):
    // the edit may as well start right after that item, the blank lines being text both share.
    let back = from;
    while (back > 0 && BLANK.includes(old[back - 1])) back--;
    if (back < from) {
      from = back;
      collectCandidates(doc.contents as Node | null, from, candidates, [], doc.range as unknown as number[]);
    }
  }

  // The deepest item first: the smallest part to parse again.
  for (let c = candidates.length - 1; c >= 0; c--) {
    const result = replaceItem(previous, candidates[c], text, from, oldTo, delta);
    if (result) return result;
  }
  return undefined;
}

/** Every item of a block sequence, outermost first, whose node starts at or before `offset` and that holds it. */
function collectCandidates(node: Node | null | undefined, offset: number, out: Candidate[], holders: Node[], docRange: number[]): void {
  if (!node || !node.range || offset < node.range[0] || offset > node.range[2]) return;
  const ancestors = [...holders, node];
  if (isMap(node)) {
    for (const pair of node.items) {
      const value = pair.value as Node | null;
      if (value?.range && value.range[0] <= offset && offset <= value.range[2]) collectCandidates(value, offset, out, ancestors, docRange);
    }
  } else if (isSeq(node)) {
    for (let index = 0; index < node.items.length; index++) {
      const item = node.items[index] as Node | null;
      if (!item?.range || item.range[0] > offset) break;
      const next = node.items[index + 1] as Node | null | undefined;
      if (next?.range && next.range[0] <= offset) continue;
      if (!node.flow) out.push({ seq: node, index, item, ancestors, docRange });
      collectCandidates(item, offset, out, ancestors, docRange);
      break;
    }
  }
}

/** The YAML library's errors a re-parse keeps where they lie outside the edited item (every one but a tab in the indentation). */
const KEPT_ERRORS = new Set<string>([
  "BAD_ALIAS",
  "BAD_DIRECTIVE",
  "BAD_DQ_ESCAPE",
  "BAD_INDENT",
  "BAD_PROP_ORDER",
  "BAD_SCALAR_START",
  "BLOCK_AS_IMPLICIT_KEY",
  "BLOCK_IN_FLOW",
  "DUPLICATE_KEY",
  "IMPOSSIBLE",
  "KEY_OVER_1024_CHARS",
  "MISSING_CHAR",
  "MULTILINE_IMPLICIT_KEY",
  "MULTIPLE_ANCHORS",
  "MULTIPLE_DOCS",
  "MULTIPLE_TAGS",
  "UNEXPECTED_TOKEN",
]);

/** A line indented with a tab: such a file is read with its tabs as spaces (see `parseFile`). */
const TAB_IN_INDENT = /^[ \t]*\t/m;
/** A line that starts with `%`: a directive such as `%YAML 1.1`. */
const DIRECTIVE = /^%/m;
/** What an unclosed quote looks ahead for: whether a closing quote (not escaped) follows anywhere. */
const QUOTING = /["'\\]/;

const SPACES_ONLY = /^ *\r?$/;
/** The characters of blank lines. */
const BLANK = " \r\n";
/** A line that starts a block sequence item (after its indentation). */
const NEW_ITEM = /^-(?: |\r?$)/;
/** An explicit key (`? key`): its value may be on a later line, so where the item ends is less plain. */
const EXPLICIT_KEY = /^[ -]*\?(?:[ \r]|$)/m;

/**
 * Parses the lines of one item again and splices the result in, when the edit lies inside those
 * lines and nothing in or around them can make the item read differently in its context than
 * alone: the item's lines are indented deeper than its `-`, no comment ends it, and its trailing
 * blank lines stay trailing blank lines.
 */
function replaceItem(previous: ParsedFile, candidate: Candidate, text: string, from: number, oldTo: number, delta: number): ParsedFile | undefined {
  const old = previous.text;
  const { item } = candidate;
  const [itemStart, valueEnd] = item.range!;
  if (from < itemStart) return undefined;

  // The item's first line: indentation, "-", spaces, then the item.
  const unitStart = old.lastIndexOf("\n", itemStart - 1) + 1;
  const dash = /^( *)- +$/.exec(old.slice(unitStart, itemStart));
  if (!dash) return undefined;
  const dashColumn = dash[1].length;

  // The old unit: from that line to the first line after the item that is not blank.
  const trailStart = valueEnd > 0 && old.charCodeAt(valueEnd - 1) === 10 ? valueEnd : lineAfter(old, valueEnd);
  let oldUnitEnd = trailStart;
  while (oldUnitEnd < old.length) {
    const next = lineAfter(old, oldUnitEnd);
    if (!SPACES_ONLY.test(old.slice(oldUnitEnd, next).replace(/\n$/, ""))) break;
    oldUnitEnd = next;
  }
  if (oldTo > oldUnitEnd) return undefined;
  // What follows the unit ends the item (less indented, or the end) and is not a comment.
  if (oldUnitEnd < old.length) {
    const following = old.slice(oldUnitEnd, lineAfter(old, oldUnitEnd));
    const indent = following.length - following.trimStart().length;
    if (indent > dashColumn || following.trimStart().startsWith("#")) return undefined;
  }

  // The unit still ends at a line start: the edit did not join the next line to the item.
  const newUnitEnd = oldUnitEnd + delta;
  if (newUnitEnd < text.length && text.charCodeAt(newUnitEnd - 1) !== 10) return undefined;
  const unit = text.slice(unitStart, newUnitEnd);
  if (unit.includes("\t") || EXPLICIT_KEY.test(unit) || !unitLinesFit(unit, dashColumn)) return undefined;
  // (Blank lines at the end of the text space nothing from the item.)
  if (newUnitEnd < text.length && endsWithBlankLine(old.slice(unitStart, oldUnitEnd)) !== endsWithBlankLine(unit)) return undefined;

  // The unit's own sequence stands for the item's sequence, the last of its ancestors.
  const depthLeft = MAX_NESTING_DEPTH - (candidate.ancestors.length - 1);
  if (depthLeft < 1) return undefined;
  const parsed = parseYamlDocuments(unit, YAML_OPTIONS, depthLeft);
  if (parsed.length !== 1) return undefined;
  const alone = parsed[0];
  const seq = alone.contents;
  if (alone.errors.length > 0 || alone.warnings.length > 0 || alone.commentBefore || alone.comment) return undefined;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || seq.commentBefore || seq.comment) return undefined;
  // The item as edited, then the items the edit added after it (a risk appended or inserted).
  const freshItems = seq.items as (Node | null)[];
  if (freshItems.some((node) => !node?.range)) return undefined;
  const fresh = freshItems[0] as Node;
  const last = freshItems[freshItems.length - 1] as Node;
  if (fresh.range![0] !== itemStart - unitStart) return undefined;

  // An item that ends in an empty value ("owner:" or "- " still to be typed) or a block scalar may
  // take the comments and blank lines after it, and with them whether the next node is spaced
  // from it: leave that to a full parse.
  if (endsEmpty(item) || endsEmpty(last)) return undefined;

  // Offsets of the fresh items, in the new text.
  const freshRanges = new Set<number[]>();
  for (const node of freshItems) if (!collectRanges(node, freshRanges, undefined)) return undefined;
  for (const r of freshRanges) for (let i = 0; i < r.length; i++) r[i] += unitStart;

  // Every other offset of the file: before the edit it stays, after the unit it moves by delta.
  // An enclosing collection (or the document) that ends where the old item ends, ends where the
  // fresh one does; no other offset may lie inside the unit. Only ranges that reach the edit are
  // collected (a subtree that ends before it keeps every offset), unless the text may hold anchors
  // or aliases, whose check needs every node.
  const prune = mayHoldAnchors(old) ? -1 : from;
  const others = new Set<number[]>();
  for (const d of previous.documents) {
    if (d.doc.range) others.add(d.doc.range as unknown as number[]);
    if (!collectRanges(d.doc.contents as Node | null, others, item, prune)) return undefined;
  }
  const enclosing = new Set<number[]>([candidate.docRange, ...candidate.ancestors.map((a) => a.range as unknown as number[])]);
  const oldItemRange = item.range as unknown as number[];
  const freshRange = last.range as unknown as number[];
  /** The new value of offset `i` of `r`: -1 when it lies inside the unit, so the item cannot be replaced alone. */
  const movedTo = (r: number[], i: number): number => {
    const at = r[i];
    if (at < from) return at;
    // An enclosing collection ends with its last item's end (prefer the item's node end: an
    // item whose value and node end coincide may end them apart once edited).
    if (enclosing.has(r)) {
      // The document of a unit that runs to the end of the text ends with the text (its
      // trailing blank lines too).
      if (r === candidate.docRange && i === 2 && at === old.length && newUnitEnd === text.length) return text.length;
      if (at === oldItemRange[2]) return freshRange[2];
      if (at === oldItemRange[1]) return freshRange[1];
    }
    return at >= oldUnitEnd ? at + delta : -1;
  };
  for (const r of others) for (let i = 0; i < r.length; i++) if (movedTo(r, i) < 0) return undefined;
  // The errors of the file: before the unit they stay, after it they move; none may lie in it
  // (nor at the end of a unit that runs to the end of the text, where an unclosed quote or bracket
  // is reported), and the item as it was must read alone without any: an error after the unit is
  // then not one the old item caused.
  const errorSpans = new Set(previous.documents.flatMap((d) => d.doc.errors.map((e) => e.pos as number[])).filter((pos) => !others.has(pos)));
  const unitRunsToEnd = oldUnitEnd >= old.length;
  const errorMoved = (at: number) => (at < unitStart ? at : at >= oldUnitEnd && !unitRunsToEnd ? at + delta : -1);
  if ([...errorSpans].some((pos) => pos.some((at) => errorMoved(at) < 0))) return undefined;
  if (errorSpans.size > 0) {
    const before = parseYamlDocuments(old.slice(unitStart, oldUnitEnd), YAML_OPTIONS, depthLeft);
    if (before.length !== 1 || before[0].errors.length > 0 || before[0].warnings.length > 0) return undefined;
    // An unclosed quote reads to the end of its line when a closing quote follows anywhere in the
    // text, else to the end of the text: an edit that adds or removes one may change how it reads.
    if (QUOTING.test(old.slice(from, oldTo)) || QUOTING.test(text.slice(from, oldTo + delta))) return undefined;
    // How broken lines read depends on what the line before them left open: an error after the
    // item is kept only when the next item of the same list starts right after it.
    const next = old.slice(oldUnitEnd, lineAfter(old, oldUnitEnd));
    const sibling = next.startsWith(" ".repeat(dashColumn)) && NEW_ITEM.test(next.slice(dashColumn));
    if (!sibling && [...errorSpans].some((pos) => pos[0] >= oldUnitEnd)) return undefined;
  }

  // Every check passed: take the previous parse's nodes over.
  consumed.add(previous);
  // The collections holding the item keep their node objects but not their content.
  for (const node of candidate.ancestors) contentChanges.set(node, (contentChanges.get(node) ?? 0) + 1);
  for (const r of others) {
    // All of one array's new offsets first: an enclosing range reads the item's old range while it moves.
    const a = movedTo(r, 0);
    const b = r.length > 1 ? movedTo(r, 1) : 0;
    const c = r.length > 2 ? movedTo(r, 2) : 0;
    r[0] = a;
    if (r.length > 1) r[1] = b;
    if (r.length > 2) r[2] = c;
  }
  const replaced = item as Node & { spaceBefore?: boolean };
  const taken = fresh as Node & { spaceBefore?: boolean };
  taken.commentBefore = replaced.commentBefore;
  taken.spaceBefore = replaced.spaceBefore;
  candidate.seq.items.splice(candidate.index, 1, ...freshItems);
  for (const pos of errorSpans) for (let i = 0; i < pos.length; i++) pos[i] = errorMoved(pos[i]);

  const lines = new LineIndex(text);
  const documents = previous.documents.map((d) => parsedDocument(previous.file, d.index, d.doc, lines));
  return assembleFile(
    { file: previous.file, text, lines },
    documents,
    documents.flatMap((d) => syntaxProblemsOf(text, d.doc, lines)),
  );
}

/**
 * True when the text may hold an anchor (`&name`) or an alias (`*name`): either character
 * anywhere (a title "R&D" too) makes the re-parse check every node for them.
 */
function mayHoldAnchors(text: string): boolean {
  return text.includes("&") || text.includes("*");
}

/** The offset of the start of the line after the one holding `offset` (the text's length on the last line). */
function lineAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/**
 * Every line of the unit after its first is blank, indented deeper than the item's `-`, or starts
 * a new item of the same sequence (`-` at the same column), and the last line that is not blank is
 * no comment.
 */
function unitLinesFit(unit: string, dashColumn: number): boolean {
  const lines = unit.split("\n");
  let lastContent = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (SPACES_ONLY.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent < dashColumn || (indent === dashColumn && !NEW_ITEM.test(line.slice(indent)))) return false;
    lastContent = line;
  }
  return !lastContent.trimStart().startsWith("#");
}

/** True when the text's last line before its final line break is blank (a blank line separates the item from what follows). */
function endsWithBlankLine(unit: string): boolean {
  const lines = unit.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.length > 1 && SPACES_ONLY.test(lines[lines.length - 1]);
}

/** True when the last value in a node (depth first) is empty (a key or `-` with nothing after it) or a block scalar. */
function endsEmpty(node: unknown): boolean {
  for (let depth = 0; depth < 1000; depth++) {
    if (node === null || node === undefined) return true;
    // A block scalar (| or >) may take the blank lines after it, empty or not.
    if (isScalar(node)) return (node.value === null && !node.source) || node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
    if (isPair(node)) node = node.value === null || node.value === undefined ? null : node.value;
    else if (isMap(node) || isSeq(node)) {
      if (node.items.length === 0) return false;
      node = node.items[node.items.length - 1];
    } else return false;
  }
  return true;
}

/**
 * Collects the `range` arrays of a node and everything below it, except the subtree of `skip`
 * (a set: two nodes may share one array, which must move once) and, with `before`, the subtrees
 * that end before that offset (a node's descendants lie within its range).
 * Returns false when the tree holds an anchor or alias (their targets are not local to an item).
 */
function collectRanges(node: Node | null | undefined, out: Set<number[]>, skip: Node | undefined, before = -1): boolean {
  if (node === null || node === undefined || node === skip) return true;
  if (isAlias(node) || node.anchor) return false;
  if (node.range) {
    if (node.range[2] < before) return true;
    out.add(node.range as unknown as number[]);
  }
  if (isScalar(node)) return true;
  if (isMap(node) || isSeq(node)) {
    for (const entry of node.items as unknown[]) {
      if (isPair(entry)) {
        if (!collectRanges(entry.key as Node | null, out, skip, before) || !collectRanges(entry.value as Node | null, out, skip, before)) return false;
      } else if (!collectRanges(entry as Node | null, out, skip, before)) return false;
    }
    return true;
  }
  return false;
}
