import type { ParsedFile } from "../parse/parsed-file";
import type { Position, Range } from "../text/range";
import { clampPosition, containerPath, kindAt, shapeOf, siblingItems, siblingKeys, stripComment } from "./line-context";
import type { YamlPath } from "./yaml-path";

/** Where completion happens: a key of a mapping, or a value. */
export interface CompletionContext {
  /** `kind` of the document. */
  kind?: string;
  /** `key`: a key of the mapping at `path`; `value`: the value at `path` (a sequence item ends with its index). */
  at: "key" | "value";
  path: YamlPath;
  /** The partially typed word (without quotes). */
  partial: string;
  /** Range to replace: the partially typed word, quotes included. */
  range: Range;
  /** The quote the partial word opened with, if any. */
  quote?: string;
  /** True inside a flow collection (`[…]`, `{…}`): values and keys are written inline. */
  inFlow: boolean;
  /** Column where the keys of the mapping start (indentation of multi-line key snippets). */
  keyColumn: number;
  /** The cursor follows `:` or `-` directly: inserted text needs a leading space. */
  needsSpace: boolean;
  /** Keys already in the mapping, or values already in the sequence. */
  present: Set<string>;
  /** The text of the line after `range`. */
  after: string;
}

const WORD = /[A-Za-z0-9._/+%@-]/;

interface Flow {
  char: "[" | "{";
  col: number;
}

/** The unclosed `[` and `{` of a line before the cursor (outside quotes). */
function openFlows(text: string): Flow[] {
  const stack: Flow[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) quote = c;
    else if (c === "[" || c === "{") stack.push({ char: c, col: i });
    else if (c === "]" || c === "}") stack.pop();
  }
  return stack;
}

/** Splits flow content at top-level commas (nested collections and quotes kept whole). */
function splitFlow(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(text: string): string {
  return text.trim().replace(/^["']|["']$/g, "");
}

/**
 * Reads the completion context at `position` from the text of the line and the lines above
 * (indentation), so it works on half-typed lines such as `owner: `, `controls: [A.5.1`,
 * `  - control: ` or `    treatment: mi`. `undefined` inside comments and block scalars' text.
 */
export function completionContext(parsed: ParsedFile, requested: Position): CompletionContext | undefined {
  // A position past the text (line 2^31 from a client) is read as the end of the text.
  const position = clampPosition(parsed, requested);
  const line = position.line;
  const text = parsed.lines.lineText(line);
  const ch = position.character;
  const before = text.slice(0, ch);
  if (stripComment(before) !== before) return undefined;
  const kind = kindAt(parsed, position);
  const flows = openFlows(before);
  const block = flows.length ? before.slice(0, flows[0].col) : before;
  const shape = shapeOf(block);
  if (shape.marker) return undefined;

  let itemPath: YamlPath | undefined;
  if (shape.dashes.length) {
    const outer = containerPath(parsed, line, shape.dashes[0], true);
    if (!outer) return undefined;
    itemPath = [...outer, ...shape.dashes.slice(1).map(() => 0)];
  }
  const blank = block.trim() === "";
  const keyColumn = blank && !flows.length ? ch : shape.content;
  const mapPath = itemPath ?? containerPath(parsed, line, keyColumn, false);
  if (!mapPath) return undefined;

  let at: "key" | "value";
  let path: YamlPath;
  let start: number;
  let inFlow = false;
  let present = new Set<string>();

  if (flows.length) {
    inFlow = true;
    if (shape.key !== undefined) path = [...mapPath, shape.key];
    else if (itemPath) path = itemPath;
    else return undefined;
    at = "value";
    start = ch;
    for (let i = 0; i < flows.length; i++) {
      const flow = flows[i];
      const end = i + 1 < flows.length ? flows[i + 1].col : ch;
      const parts = splitFlow(before.slice(flow.col + 1, end));
      const last = parts[parts.length - 1];
      const lastStart = end - last.length;
      const innermost = i === flows.length - 1;
      if (flow.char === "[") {
        path = [...path, parts.length - 1];
        if (innermost) {
          at = "value";
          start = lastStart + (last.length - last.trimStart().length);
          present = new Set(parts.slice(0, -1).map(unquote));
        }
      } else {
        const pair = /^(\s*)([^:\s][^:]*?)\s*:(\s*)(.*)$/.exec(last);
        if (pair) {
          path = [...path, pair[2].trim()];
          at = "value";
          start = end - pair[4].length;
        } else if (innermost) {
          at = "key";
          start = lastStart + (last.length - last.trimStart().length);
          present = new Set(parts.slice(0, -1).map((p) => p.split(":")[0].trim()));
        } else return undefined;
      }
    }
  } else if (shape.key !== undefined) {
    at = "value";
    path = [...mapPath, shape.key];
    const colon = block.indexOf(":", shape.keyCol ?? 0);
    start = colon + 1;
    if (/^[|>]/.test(shape.value)) return undefined;
  } else if (itemPath) {
    // `  - ` or `  - partial`: a new item; whether it is a mapping is decided by the schema.
    at = "value";
    path = itemPath;
    start = shape.content;
    present = siblingItems(parsed, line, shape.dashes[shape.dashes.length - 1]);
  } else {
    at = "key";
    path = mapPath;
    start = blank ? ch : shape.content;
    if (!blank && !/^[A-Za-z0-9_$.-]*$/.test(block.slice(shape.content))) {
      // More than one word with no colon: a continuation line of text, not a key.
      return undefined;
    }
    present = siblingKeys(parsed, line, keyColumn);
  }

  // The partial word: the word characters before the cursor, not before `start`.
  let wordStart = ch;
  while (wordStart > start && WORD.test(before[wordStart - 1])) wordStart--;
  let quote: string | undefined;
  if (wordStart > start && (before[wordStart - 1] === '"' || before[wordStart - 1] === "'")) {
    quote = before[wordStart - 1];
    wordStart--;
  }
  const partial = before.slice(quote ? wordStart + 1 : wordStart);
  let wordEnd = ch;
  while (wordEnd < text.length && WORD.test(text[wordEnd])) wordEnd++;
  if (quote && text[wordEnd] === quote) wordEnd++;
  const needsSpace = !inFlow && wordStart === start && start > 0 && (before[start - 1] === ":" || before[start - 1] === "-");
  return {
    kind,
    at,
    path,
    partial,
    range: { start: { line, character: wordStart }, end: { line, character: wordEnd } },
    quote,
    inFlow,
    keyColumn: at === "key" && !inFlow ? keyColumn : shape.content,
    needsSpace,
    present,
    after: text.slice(wordEnd),
  };
}
