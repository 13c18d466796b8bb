import { Composer, Parser, YAMLParseError, type CST, type Document, type ErrorCode } from "yaml";
import { anchorIndex, holdsNoAlias } from "../model/yaml-anchors";

/**
 * How deep collections may nest in an ISMS file: a mapping or list inside another counts one level.
 * The format itself needs about six (a management review's `inputs.performance` inside a review
 * inside `reviews`); the limit keeps every walk of the YAML (parse, model, schema check, hovers,
 * reports) far from the call-stack limit, whatever a file holds.
 */
export const MAX_NESTING_DEPTH = 64;

/** The error code of a collection nested deeper than {@link MAX_NESTING_DEPTH}. */
export const TOO_DEEP = "NESTING_TOO_DEEP";
/** The error code of an alias (`*name`) that no anchor (`&name`) before it defines. */
export const UNRESOLVED_ALIAS = "UNRESOLVED_ALIAS";

/**
 * Parses a text into its YAML documents, as `yaml`'s `parseAllDocuments` would, with two checks
 * the library leaves to later readers (where they surface as exceptions or a stack overflow):
 *
 * - nesting: the first collection (in text order) nested deeper than `maxDepth` is cut off and
 *   reported as a {@link TOO_DEEP} error of its document, at its first character;
 * - aliases: every alias without an anchor before it is reported as an {@link UNRESOLVED_ALIAS}
 *   error of its document, at the alias.
 *
 * Both are added to the document's `errors`, so the document counts as broken everywhere.
 * Never throws for any text.
 *
 * @param maxDepth  the deepest nesting allowed (a part of a file parsed alone passes what is left
 *   of {@link MAX_NESTING_DEPTH} under its ancestors)
 */
export function parseYamlDocuments(text: string, options: ConstructorParameters<typeof Composer>[0], maxDepth = MAX_NESTING_DEPTH): Document.Parsed[] {
  const tokens = Array.from(new Parser().parse(text));
  const cut: { document: CST.Document; offset: number }[] = [];
  for (const token of tokens) {
    if (token.type !== "document") continue;
    const offset = cutTooDeep(token, maxDepth);
    if (offset !== undefined) cut.push({ document: token, offset });
  }
  const docs = Array.from(new Composer(options).compose(tokens)) as Document.Parsed[];
  for (const { offset } of cut) {
    const doc = docs.find((d) => d.range[0] <= offset && offset <= d.range[2]) ?? docs[docs.length - 1];
    // The cut-off part leaves a hole the parser may complain about: the depth is the cause.
    doc?.errors.splice(0, doc.errors.length, new YAMLParseError([offset, offset + 1], TOO_DEEP as ErrorCode, "nesting too deep"));
  }
  // Without a `*` anywhere, no document holds an alias: none is walked for them.
  if (!text.includes("*")) for (const doc of docs) holdsNoAlias(doc);
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    for (const [alias, target] of anchorIndex(doc).targets) {
      if (target === undefined && alias.range) doc.errors.push(new YAMLParseError([alias.range[0], alias.range[1]], UNRESOLVED_ALIAS as ErrorCode, alias.source));
    }
  }
  return docs;
}

type Slot = { token: CST.Token; depth: number; replace: (t: CST.Token) => void };

/**
 * Replaces every collection of a document nested deeper than `maxDepth` by an empty scalar (so
 * nothing walks it) and returns the offset of the first one in text order. Iterative: no recursion on the
 * nesting it measures.
 */
function cutTooDeep(document: CST.Document, maxDepth: number): number | undefined {
  let first: number | undefined;
  const stack: Slot[] = [];
  if (document.value) stack.push({ token: document.value, depth: 0, replace: (t) => (document.value = t) });
  while (stack.length > 0) {
    const { token, depth, replace } = stack.pop()!;
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth + 1 > maxDepth) {
      replace({ type: "scalar", offset: token.offset, indent: token.indent, source: "" });
      first ??= token.offset;
      continue;
    }
    const children: Slot[] = [];
    for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
      if (item.key) children.push({ token: item.key, depth: depth + 1, replace: (t) => (item.key = t) });
      if (item.value) children.push({ token: item.value, depth: depth + 1, replace: (t) => (item.value = t) });
    }
    // Pushed in reverse so that the first child is walked first (text order).
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return first;
}
