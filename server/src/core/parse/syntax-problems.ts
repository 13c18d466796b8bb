import { isCollection, visit, type Document, type YAMLError } from "yaml";
import { MAX_NESTING_DEPTH, TOO_DEEP, UNRESOLVED_ALIAS } from "./yaml-documents";

/**
 * Where and how to report one error of the YAML parser: offsets `[from, to)` in the text and a
 * message in our own words (no text of the library reaches the user).
 */
export function describeYamlError(text: string, doc: Document.Parsed, error: YAMLError): { from: number; to: number; message: string } {
  const [from, to] = errorSpan(text, doc, error.code, error.message, error.pos);
  return { from, to, message: syntaxMessage(error.code, error.message, text.slice(from, to)) };
}

/**
 * Where to show a YAML error: an unclosed quote at its opening quote (to the end of that line),
 * an unclosed [ or { at the bracket, anything else at the token the parser stopped on (the key, the
 * word; past blank lines and comments), never an empty range.
 */
function errorSpan(text: string, doc: Document.Parsed, code: string, message: string, pos: [number, number]): [number, number] {
  if (code === TOO_DEEP) return [pos[0], Math.min(text.length, pos[0] + 1)];
  if (code === "BAD_INDENT" && /^Flow (sequence|map)/.test(message)) {
    const open = unclosedFlowStart(doc, pos[0]);
    if (open !== undefined) return [open, open + 1];
  }
  const from = code === "TAB_AS_INDENT" ? pos[0] : tokenStart(text, pos[0]);
  let to = Math.max(from, pos[1]);
  if (code === "MISSING_CHAR" && /quote/.test(message)) {
    const quote = message.includes("'") ? "'" : '"';
    const open = text.lastIndexOf(quote, Math.max(0, from - 1));
    if (open >= 0) {
      const lineEnd = text.indexOf("\n", open);
      return [open, lineEnd < 0 ? text.length : text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd];
    }
  }
  if (to - from <= 1) {
    to = from;
    const stop = code === "DUPLICATE_KEY" ? /[:\r\n]/ : /[\s,\]}]/;
    while (to < text.length && !stop.test(text[to])) to++;
    if (to === from) to = Math.min(text.length, from + 1);
  }
  return [from, to];
}

/**
 * Our own words for each error of the YAML library (never its text, which names its internals):
 * what is wrong and what to write instead.
 *
 * @param code  the library's error code, or {@link TOO_DEEP} / {@link UNRESOLVED_ALIAS}
 * @param message  the library's message, only used to tell kinds of MISSING_CHAR apart
 * @param source  the text the error is reported on
 */
function syntaxMessage(code: string, message: string, source: string): string {
  switch (code) {
    case TOO_DEEP:
      return `Nested more than ${MAX_NESTING_DEPTH} levels deep: an ISMS document needs a few levels, so the part from here on is not read. Flatten it.`;
    case UNRESOLVED_ALIAS: {
      const name = source.replace(/^\*/, "").slice(0, 80);
      return `The alias *${name} refers to no anchor: no value before it is marked &${name}. Define the anchor first, or write the value here.`;
    }
    case "DUPLICATE_KEY":
      return "Duplicate key: a mapping may hold each key once; YAML would silently keep only one of the values.";
    case "TAB_AS_INDENT":
      return "Tab used for indentation: YAML indents with spaces only.";
    case "BAD_INDENT":
      if (/^Flow (sequence|map)/.test(message)) return "Unclosed bracket: this [ or { has no matching ] or } (or what follows it is not indented under its key).";
      return "Bad indentation: the keys of a mapping and the items of a list must each start at the same column, deeper than the key they belong to.";
    case "MISSING_CHAR":
      if (/quote/i.test(message)) return "Unclosed quote: the text that starts here has no closing quote.";
      if (/flow|[\]}]/i.test(message)) return "Unclosed bracket: a [ or { here has no matching ] or }.";
      return "Something is missing here: a ':' after a key, or the line that starts a document (---).";
    case "MULTILINE_IMPLICIT_KEY":
      return "A key (or a value followed by ':') runs over more than one line: check the indentation and quoting here.";
    case "BLOCK_AS_IMPLICIT_KEY":
      return "A list or mapping stands where a key is expected: check the indentation here.";
    case "BLOCK_IN_FLOW":
      return "A block list or mapping cannot stand inside [ ] or { }: write it inside the brackets with commas, or drop the brackets.";
    case "BAD_SCALAR_START":
      return "A plain value cannot start with this character (@ ` | > % or an indicator followed by a space): quote the value.";
    case "BAD_DQ_ESCAPE":
      return "Invalid escape in a double-quoted text: write \\\\ for a backslash, or use single quotes.";
    case "BAD_DIRECTIVE":
      return "This directive (a line starting with %) is not valid: ISMS files need none, remove it.";
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
      return "This alias is not valid: an alias is * followed by an anchor's name, with no anchor or tag of its own.";
    case "BAD_PROP_ORDER":
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
      return "A value may carry one anchor (&name) and one tag, written before it.";
    case "TAG_RESOLVE_FAILED":
    case "BAD_COLLECTION_TYPE":
      return "This tag (!…) cannot be read: ISMS files need no tags, remove it.";
    case "KEY_OVER_1024_CHARS":
      return "A key longer than 1,024 characters: write a shorter key.";
    case "MULTIPLE_DOCS":
      return "A second document starts here without a --- line.";
    default:
      return "Not valid YAML here: check the indentation, a missing ':' or '- ', or a value that needs quotes.";
  }
}

/**
 * `offset` itself when a token follows it on its line; when only blanks or a comment follow it
 * (the parser stopped at a comment or blank line above the culprit), the first offset after it
 * that is neither white space nor in a comment; at the end of the text, the last such offset before it.
 */
function tokenStart(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf("\n", i - 1) + 1;
  const hash = commentStart(text, lineStart, i);
  if (hash !== undefined)
    i = hash; // inside a comment: from its '#'
  else {
    const lineEnd = text.indexOf("\n", i);
    const rest = text.slice(i, lineEnd < 0 ? text.length : lineEnd).trim();
    if (rest !== "" && !rest.startsWith("#")) return i;
  }
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\ufeff") i++;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else return i;
  }
  // Nothing after it: the last token before it.
  for (let j = Math.min(offset, text.length) - 1; j >= 0; j--) {
    const c = text[j];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") continue;
    const h = commentStart(text, text.lastIndexOf("\n", j) + 1, j + 1);
    if (h !== undefined) {
      j = h;
      continue;
    }
    return j;
  }
  return Math.min(offset, text.length);
}

/** The offset of a comment's '#' between `lineStart` and `end` on one line (outside quotes, roughly), if any. */
function commentStart(text: string, lineStart: number, end: number): number | undefined {
  let quote: string | undefined;
  for (let i = lineStart; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === lineStart || text[i - 1] === " " || text[i - 1] === "\t")) return i;
  }
  return undefined;
}

/** The offset of the `[` or `{` of the innermost flow collection open at `offset`. */
function unclosedFlowStart(doc: Document.Parsed, offset: number): number | undefined {
  let best: number | undefined;
  visit(doc, (_key, node) => {
    if (isCollection(node) && node.flow && node.range && node.range[0] <= offset && node.range[1] >= offset - 1) {
      if (best === undefined || node.range[0] > best) best = node.range[0];
    }
  });
  return best;
}
