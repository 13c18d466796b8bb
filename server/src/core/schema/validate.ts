import type { ErrorObject } from "ajv";
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { anchorIndex } from "../model/yaml-anchors";
import { contentChangesOf } from "../parse/incremental-parse";
import { MAX_NESTING_DEPTH } from "../parse/yaml-documents";
import { ISMS_KINDS, type IsmsKind, type ParsedDocument, type ParsedFile } from "../parse/parsed-file";
import { closestIds } from "../text/closest";
import type { Range } from "../text/range";
import type { InvalidField } from "../model/invalid-fields";
import { describeSchemaError } from "./messages";
import { compiledValidators } from "./validators";

/** A schema problem of one document: where, and what, in words for a compliance lead. */
export interface SchemaProblem {
  range: Range;
  message: string;
  /** The field whose value failed the schema (not set for unknown or missing fields): see {@link InvalidField}. */
  field?: InvalidField;
}

const cache = new WeakMap<ParsedDocument, SchemaProblem[]>();

/**
 * Validates one ISMS document against the JSON Schema of its kind (7.5: documented information in
 * the agreed form). Results are cached per parsed document. Never throws.
 */
export function validateDocument(file: ParsedFile, doc: ParsedDocument): SchemaProblem[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const problems = computeProblems(file, doc);
  cache.set(doc, problems);
  return problems;
}

function computeProblems(file: ParsedFile, doc: ParsedDocument): SchemaProblem[] {
  const rangeOf = (node: Node | null | undefined): Range => {
    const r = node?.range ?? doc.doc.contents?.range ?? [0, 0, 0];
    return file.lines.rangeOf(r[0], r[1]);
  };
  // A document with syntax errors is a partial recovery: its schema errors would be consequences.
  if (doc.hasErrors) return [];
  if (!doc.root) return [{ range: rangeOf(doc.doc.contents), message: "An ISMS document must be a mapping of keys (apiVersion, kind, …), not a list or a single value." }];
  if (doc.kind === undefined || !(ISMS_KINDS as readonly string[]).includes(doc.kind)) {
    const kindNode = doc.root.get("kind", true) as Node | undefined;
    const suggestion = doc.kind ? closestIds(doc.kind, ISMS_KINDS, 1)[0] : undefined;
    return [
      {
        range: kindNode ? rangeOf(kindNode) : rangeOf(doc.root.items[0]?.key as Node),
        message: doc.kind
          ? `Unknown kind "${doc.kind}".${suggestion ? ` Did you mean ${suggestion}?` : ""} Kinds are ${ISMS_KINDS.join(", ")}.`
          : `This document has apiVersion isms/v1 but no kind: add kind: (${ISMS_KINDS.join(", ")}).`,
      },
    ];
  }
  const refused = aliasProblem(doc);
  if (refused) return [{ range: rangeOf(refused.node ?? doc.root), message: refused.message }];
  let data: unknown;
  try {
    // The expansion is bounded by aliasProblem (by size, not by yaml's count of alias uses, which
    // refused valid documents using one small anchor a hundred times).
    data = documentData(doc);
  } catch {
    return [{ range: rangeOf(doc.root), message: "This document cannot be checked: its aliases (*name) cannot be expanded into plain data." }];
  }
  const validate = compiledValidators().get(doc.kind as IsmsKind)!;
  if (validate(data)) return [];
  return toProblems(validate.errors ?? [], doc, rangeOf);
}

/**
 * The document as the plain data `toJS` gives, with each item of a top-level block sequence (a
 * risk, an action …) converted once per item node: the incremental re-parse keeps the nodes of
 * the items an edit did not touch, so after an edit in one risk of a 1,000-risk register only
 * that risk is converted again (the schema check itself then runs on the whole document). A
 * document with aliases, or with a top-level key that is not plain text, is converted whole.
 */
function documentData(doc: ParsedDocument): unknown {
  const whole = () => doc.doc.toJS({ maxAliasCount: -1 });
  const root = doc.root;
  if (!root || root.tag || anchorIndex(doc.doc).targets.size > 0) return whole();
  const data: Record<string, unknown> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) && !pair.key.tag ? pair.key.value : undefined;
    if (typeof key !== "string" || key === "__proto__" || key === "<<" || Object.hasOwn(data, key)) return whole();
    const value = pair.value as Node | null;
    if (isSeq(value) && !value.flow && !value.tag) data[key] = value.items.map((item) => itemData(item as Node | null, doc));
    else data[key] = value === null ? null : value.toJS(doc.doc, { maxAliasCount: -1 });
  }
  return data;
}

/** `toJS` of one sequence item, kept per item node (its content is fixed while the node lives). */
function itemData(item: Node | null, doc: ParsedDocument): unknown {
  if (item === null) return null;
  const changes = contentChangesOf(item);
  let data = itemJs.get(item);
  if (data === undefined || data.changes !== changes) itemJs.set(item, (data = { changes, value: item.toJS(doc.doc, { maxAliasCount: -1 }) }));
  return data.value;
}

/** Each item's data, with `contentChangesOf` the item when it was made (a nested item edited since makes it stale). */
const itemJs = new WeakMap<Node, { changes: number; value: unknown }>();

/**
 * How far aliases may expand a document for the schema check (which walks every copy): to 10,000
 * nodes always, beyond that to 100 times the nodes written, and never by more than 1,000,000
 * nodes. Defaults merged into every record (`<<: *defaults`) expand a register a few times over;
 * an alias bomb ("billion laughs": anchors of lists of aliases of anchors …) grows exponentially
 * and is refused before it is expanded.
 */
const ALIAS_EXPANSION = { floor: 10_000, factor: 100, extra: 1_000_000 } as const;

/** Why the aliases of a document cannot be expanded for the schema check, if they cannot. */
function aliasProblem(doc: ParsedDocument): { node?: Node; message: string } | undefined {
  const { written, expanded, circular, expandedDepth } = anchorIndex(doc.doc);
  if (circular) {
    return {
      node: circular,
      message: `The alias *${circular.source} is inside the node its anchor &${circular.source} names, so the data would contain itself and this document cannot be checked: refer to an anchor outside it.`,
    };
  }
  if (expandedDepth > MAX_NESTING_DEPTH) {
    return {
      message: `This document cannot be checked: its aliases (*name) would nest it ${expandedDepth.toLocaleString("en-US")} levels deep, more than the ${MAX_NESTING_DEPTH} allowed (each alias of an anchored list or mapping adds the depth of what it copies).`,
    };
  }
  const limit = Math.min(Math.max(ALIAS_EXPANSION.floor, ALIAS_EXPANSION.factor * written), written + ALIAS_EXPANSION.extra);
  if (expanded <= limit) return undefined;
  return {
    message: `This document cannot be checked: its aliases (*name) would expand its ${written.toLocaleString("en-US")} nodes to ${expanded === Infinity || expanded > 1e15 ? "more than a quadrillion" : Math.round(expanded).toLocaleString("en-US")}, more than the ${limit.toLocaleString("en-US")} allowed: the pattern of an "alias bomb" built to exhaust memory (anchored lists of aliases of anchored lists, multiplying at each level).`,
  };
}

function toProblems(errors: ErrorObject[], doc: ParsedDocument, rangeOf: (n: Node | null | undefined) => Range): SchemaProblem[] {
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (error.keyword === "if" || error.keyword === "anyOf" || error.keyword === "oneOf") continue;
    if (error.keyword !== "type" && typeErrorPaths.has(error.instancePath)) continue;
    const path = error.instancePath
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    // An unquoted 5.10 in a control field is reported by yaml/numeric-control-id.
    if (error.keyword === "type" && typeof error.data === "number" && /control/.test(path.slice(-2).join("/"))) continue;
    // Control ids that are not in Annex A are reported by ref/unresolved and soa/unknown-control, with suggestions.
    if (error.keyword === "pattern" && /control/i.test(error.schemaPath)) continue;
    const node = nodeAt(doc.root!, path);
    let range = rangeOf(node);
    if (error.keyword === "additionalProperties" && isMap(node)) {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair) range = rangeOf(pair.key as Node);
    } else if (error.keyword === "required" && isMap(node)) {
      range = firstLine(node, rangeOf);
    }
    const message = describeSchemaError(error, path, recordLabel(doc.root!, path));
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field = error.keyword === "additionalProperties" || error.keyword === "required" ? undefined : invalidField(doc.root!, path, rangeOf);
    problems.push(field ? { range, message, field } : { range, message });
  }
  return problems;
}

/**
 * The field a value error is about: the key of the mapping the path ends in (an item of a list
 * counts as its list's key: \`/risks/0/controls/1\` is \`controls\` of risk #1), with that
 * mapping's range. `undefined` when the path does not end at a present field.
 */
function invalidField(root: YAMLMap, path: string[], rangeOf: (n: Node | null | undefined) => Range): InvalidField | undefined {
  let end = path.length;
  while (end > 0 && /^\d+$/.test(path[end - 1])) end--;
  if (end === 0) return undefined;
  let container: unknown = root;
  for (const segment of path.slice(0, end - 1)) {
    container = isMap(container) || isSeq(container) ? container.get(/^\d+$/.test(segment) && isSeq(container) ? Number(segment) : segment, true) : undefined;
  }
  if (!isMap(container) || !container.has(path[end - 1])) return undefined;
  return { key: path[end - 1], container: rangeOf(container) };
}

/** The node at a JSON path inside the document, or the deepest existing ancestor. */
function nodeAt(root: YAMLMap, path: string[]): Node {
  let node: Node = root;
  for (const segment of path) {
    const next = (node as YAMLMap).get?.(/^\d+$/.test(segment) && !isMap(node) ? Number(segment) : segment, true) as Node | undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** The range of the first key of a mapping (where "missing field" is shown). */
function firstLine(map: YAMLMap, rangeOf: (n: Node | null | undefined) => Range): Range {
  const first = map.items[0]?.key as Node | undefined;
  return rangeOf(first ?? map);
}

/** "risk R-003" for a path inside `risks[2]`, for messages. */
function recordLabel(root: YAMLMap, path: string[]): string | undefined {
  for (let i = path.length; i >= 2; i--) {
    if (!/^\d+$/.test(path[i - 1])) continue;
    const record = nodeAt(root, path.slice(0, i));
    if (!isMap(record)) continue;
    const id = isMap(record) ? record.get("id") : undefined;
    const collection = path[i - 2];
    const noun = COLLECTION_NOUNS[collection] ?? "entry";
    const control = isMap(record) ? record.get("control") : undefined;
    if (typeof id === "string" || typeof id === "number") return `${noun} ${id}`;
    if (typeof control === "string") return `${noun} ${control}`;
    return `${noun} #${Number(path[i - 1]) + 1} of ${collection}`;
  }
  return undefined;
}

const COLLECTION_NOUNS: Record<string, string> = {
  risks: "risk",
  controls: "SoA entry",
  actions: "action",
  audits: "audit",
  findings: "finding",
  reviews: "review",
  nonconformities: "nonconformity",
  objectives: "objective",
  policies: "policy",
  assets: "asset",
  people: "person",
  requirements: "requirement",
  interested_parties: "interested party",
  likelihood: "likelihood level",
  impact: "impact level",
  levels: "score band",
  exclusions: "exclusion",
};
