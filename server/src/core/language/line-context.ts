import type { ParsedFile } from "../parse/parsed-file";
import type { Position } from "../text/range";
import { documentAt, type YamlPath } from "./yaml-path";

/**
 * Reading the YAML structure around a position from the text alone, by indentation: the parser's
 * recovery is poor on the half-typed lines completion sees (`owner: `, `controls: [A.5.1`,
 * `  - control: `), while indentation stays meaningful.
 */

/** The shape of one line: indentation, sequence dashes, key and value. */
export interface LineShape {
  indent: number;
  /** Columns of the `-` sequence indicators at the start of the line. */
  dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  content: number;
  key?: string;
  keyCol?: number;
  /** Text after `key:` (or the whole content when there is no key), comment removed, trimmed. */
  value: string;
  /** Blank or comment-only line. */
  blank: boolean;
  /** A `---` or `...` document marker. */
  marker: boolean;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?=\s|$)/;

/** Removes a trailing `# comment` that is not inside quotes. */
export function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i);
    }
  }
  return text;
}

/**
 * `position` moved into the text: a line past the last is the end of the text, a character past
 * the end of its line is the end of that line (as LSP defines it), negative or non-finite numbers
 * are 0. Everything that walks lines from a position the client sent starts from this, so a request
 * at line 2^31 costs what one at the last line does.
 */
export function clampPosition(parsed: ParsedFile, position: Position): Position {
  const whole = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);
  return parsed.lines.positionAt(parsed.lines.offsetAt({ line: whole(position.line), character: whole(position.character) }));
}

/** `line` limited to the lines of the text (a line past the last is the last, as in {@link clampPosition}), for loops that walk from it. */
function clampLine(parsed: ParsedFile, line: number): number {
  return clampPosition(parsed, { line, character: 0 }).line;
}

/** Leading spaces of a line (cheap pre-check before {@link shapeOf}). */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** True when a line can be skipped because it is indented deeper than `col` (or blank). */
function deeper(line: string, col: number): boolean {
  const indent = indentOf(line);
  return indent > col && indent < line.length;
}

/** Reads the shape of a line. */
export function shapeOf(line: string): LineShape {
  const text = stripComment(line).replace(/\s+$/, "");
  if (/^(---|\.\.\.)(\s|$)/.test(text)) return { indent: 0, dashes: [], content: 0, value: "", blank: false, marker: true };
  const indent = /^ */.exec(text)?.[0].length ?? 0;
  if (text.trim() === "") return { indent, dashes: [], content: indent, value: "", blank: true, marker: false };
  const dashes: number[] = [];
  let col = indent;
  while (text[col] === "-" && (col + 1 === text.length || text[col + 1] === " ")) {
    dashes.push(col);
    col++;
    while (text[col] === " ") col++;
  }
  const rest = text.slice(col);
  const match = KEY.exec(rest);
  if (match) {
    const key = match[1] ?? match[2] ?? match[3].trim();
    return { indent, dashes, content: col, key, keyCol: col, value: rest.slice(match[0].length).trim(), blank: false, marker: false };
  }
  return { indent, dashes, content: col, value: rest.trim(), blank: false, marker: false };
}

interface Level {
  col: number;
  item: boolean;
  key?: string;
  empty?: boolean;
}

function levelsOf(s: LineShape): Level[] {
  const levels: Level[] = s.dashes.map((col) => ({ col, item: true }));
  if (s.key !== undefined && s.keyCol !== undefined) levels.push({ col: s.keyCol, item: false, key: s.key, empty: s.value === "" });
  return levels;
}

/**
 * The YAML path of the collection holding a node that starts at column `col` of line `line`,
 * read from the lines above by indentation. When `item` is true, the node is a sequence item (a
 * dash at `col`) and the path ends with its index. Stops at a document marker. `undefined` when
 * the lines above do not hold such a collection (the column matches no mapping or sequence).
 */
export function containerPath(parsed: ParsedFile, line: number, col: number, item: boolean): YamlPath | undefined {
  const path: (string | { n: number })[] = [];
  let target = col;
  let inItem = item;
  let counter: { n: number } | undefined;
  if (inItem) path.unshift((counter = { n: 0 }));
  for (let l = clampLine(parsed, line) - 1; l >= 0 && (inItem || target > 0); l--) {
    const lineText = parsed.lines.lineText(l);
    if (deeper(lineText, target)) continue;
    const s = shapeOf(lineText);
    if (s.marker) break;
    if (s.blank || s.indent > target) continue;
    const levels = levelsOf(s);
    const at = levels.findIndex((x) => x.col === target);
    let i: number;
    if (at >= 0) {
      const x = levels[at];
      if (inItem && x.item) {
        if (counter) counter.n++;
        i = at - 1;
      } else if (!inItem && !x.item) {
        i = at - 1;
      } else if (inItem && !x.item && x.empty && x.key !== undefined) {
        path.unshift(x.key);
        inItem = false;
        counter = undefined;
        i = at - 1;
      } else return undefined;
    } else {
      const below = levels.filter((x) => x.col < target);
      if (below.length === 0) continue;
      const inner = below[below.length - 1];
      if (!inner.item && !inner.empty && inner === levels[levels.length - 1]) return undefined;
      i = below.length - 1;
      levels.length = below.length;
    }
    for (; i >= 0; i--) {
      const x = levels[i];
      target = x.col;
      if (x.item) {
        path.unshift((counter = { n: 0 }));
        inItem = true;
      } else if (x.key !== undefined) {
        path.unshift(x.key);
        inItem = false;
        counter = undefined;
      }
    }
  }
  if (target > 0) return undefined;
  return path.map((p) => (typeof p === "object" ? p.n : p));
}

/** The `kind` of the document holding `position`: from the parsed document, else from the text. */
export function kindAt(parsed: ParsedFile, position: Position): string | undefined {
  const parsedKind = documentAt(parsed, position)?.kind;
  if (parsedKind) return parsedKind;
  const count = parsed.lines.lineCount;
  const line = clampLine(parsed, position.line);
  const scan = (from: number, step: number): string | undefined => {
    for (let l = from; l >= 0 && l < count; l += step) {
      const text = parsed.lines.lineText(l);
      if (/^(---|\.\.\.)(\s|$)/.test(text)) return undefined;
      const m = /^kind:\s*["']?([A-Za-z]+)/.exec(text);
      if (m) return m[1];
    }
    return undefined;
  };
  return scan(line, -1) ?? scan(line + 1, 1);
}

/**
 * The keys already present in the mapping whose keys start at column `col` around `line`
 * (the line itself excluded), read from the text. `upward: false` reads only the lines below
 * (for a new sequence item started on `line`).
 */
export function siblingKeys(parsed: ParsedFile, line: number, col: number, upward = true): Set<string> {
  const keys = new Set<string>();
  const count = parsed.lines.lineCount;
  line = clampLine(parsed, line);
  for (let l = line - 1; upward && l >= 0; l--) {
    const lineText = parsed.lines.lineText(l);
    if (deeper(lineText, col)) continue;
    const s = shapeOf(lineText);
    if (s.marker) break;
    if (s.blank || s.indent > col) continue;
    if (s.key !== undefined && s.keyCol === col) keys.add(s.key);
    if (s.indent < col || (s.dashes.length > 0 && s.content === col)) break;
  }
  for (let l = line + 1; l < count; l++) {
    const lineText = parsed.lines.lineText(l);
    if (deeper(lineText, col)) continue;
    const s = shapeOf(lineText);
    if (s.marker) break;
    if (s.blank || s.indent > col) continue;
    if (s.indent < col || s.dashes.length > 0) break;
    if (s.key !== undefined && s.keyCol === col) keys.add(s.key);
  }
  return keys;
}

/** The scalar items of the block sequence whose dashes are at column `col` around `line`. */
export function siblingItems(parsed: ParsedFile, line: number, col: number): Set<string> {
  const items = new Set<string>();
  const count = parsed.lines.lineCount;
  line = clampLine(parsed, line);
  const visit = (l: number): boolean => {
    const lineText = parsed.lines.lineText(l);
    if (deeper(lineText, col)) return true;
    const s = shapeOf(lineText);
    if (s.marker) return false;
    if (s.blank || s.indent > col) return true;
    if (s.indent < col || s.dashes[0] !== col) return false;
    if (s.key === undefined && s.value) items.add(s.value.replace(/^["']|["']$/g, ""));
    return true;
  };
  for (let l = line - 1; l >= 0 && visit(l); l--);
  for (let l = line + 1; l < count && visit(l); l++);
  return items;
}
