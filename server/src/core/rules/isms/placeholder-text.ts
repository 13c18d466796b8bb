import { isPair, isScalar, isSeq, visit, type Node } from "yaml";
import { append } from "../../append";
import { ItemCache } from "../../parse/item-cache";
import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import type { ParsedDocument, ParsedFile } from "../../parse/parsed-file";
import type { Range } from "../../text/range";

/**
 * A `<…>` placeholder as templates write them: words (which may cite "ISO/IEC 27001"), not an
 * address (`<https://…>`, `<me@example.com>`) or markup (`</b>`, `<br/>`, `<a href=…>`).
 */
const PLACEHOLDER = /<[A-Za-z](?:(?!:\/\/)[^<>\n@=]){2,}(?<!\/)>/;

/**
 * Template words that stand for text still to be written, each as a whole word (so "todo" inside
 * "mastodon" or "TBC" inside "TBCX" are not matched): TBD, TBC, TBA, TODO, FIXME, XXX, "lorem
 * ipsum", "to be determined / defined / confirmed", "tailor this / these", "[insert …]", "insert …
 * here", and the starter's "Example Ltd" / "Example Person" as a whole value.
 */
const TEMPLATE_WORDS: RegExp[] = [
  /(?<![\w-])(?:TBD|TBC|TBA|TODO|FIXME)(?![\w-])/i,
  /(?<![\w-])XXX+(?![\w-])/,
  /\blorem ipsum\b/i,
  /\bto be (?:determined|defined|confirmed)\b/i,
  /\btailor (?:this|these)\b/i,
  /\[\s*(?:insert|enter|add|your)\b[^\]\n]*\]/i,
  /\b(?:insert|enter|fill in)\b[^.\n]{0,40}\bhere\b/i,
  /^\s*Example (?:Ltd|Person|Organi[sz]ation)\s*$/,
];

/** The placeholder or template text in `text`, if any. */
export function placeholderIn(text: string): string | undefined {
  const angle = PLACEHOLDER.exec(text);
  if (angle) return angle[0].length > 60 ? angle[0].slice(0, 57) + "…>" : angle[0];
  for (const pattern of TEMPLATE_WORDS) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return undefined;
}

/** The clause whose documented information a text belongs to, by document kind and key path. */
function clauseOf(kind: string | undefined, keys: string[]): string {
  if (kind === "ISMS") {
    if (keys[0] === "scope") return "4.3";
    if (keys[0] === "context") return keys[1] === "interested_parties" ? "4.2" : "4.1";
    if (keys[0] === "requirements") return "4.2";
    if (keys[0] === "people") return "5.3";
    return "4.4";
  }
  const byKind: Record<string, string> = {
    RiskMethodology: "6.1.2",
    RiskRegister: "6.1.2",
    StatementOfApplicability: "6.1.3",
    AssetInventory: "A.5.9",
    ActionPlan: "6.1.3",
    InternalAudit: "9.2.2",
    ManagementReview: "9.3",
    NonconformityLog: "10.2",
    Objectives: "6.2",
    PolicyRegister: "5.2",
  };
  return byKind[kind ?? ""] ?? "7.5.2";
}

/** `data` of its findings: the clause the field serves. */
const data = shape({ clause: text });
export type PlaceholderTextData = DataOf<typeof data>;

/** `isms/placeholder-text`: text still holding a `<placeholder>` from a template. */
export const rule: Rule<PlaceholderTextData> = {
  id: "isms/placeholder-text",
  severity: "warning",
  clause: "7.5.2",
  reads: ["documents", "files"],
  description: 'A text still holds a <placeholder> or template text (TBD, TODO, TBC, lorem ipsum, "tailor this" …): the documented information is not yet the organization\'s own.',
  docs: `Templates such as \`examples/starter\` mark what you must write yourself with angle brackets:
\`<offices, data centres, remote working>\`; others write TBD, TBC, TODO, FIXME, XXX, "to be
determined", "lorem ipsum", "[insert …]" or "tailor this justification". Every text value of every
ISMS document is checked, each word as a whole word (\`todo\` inside another word is not matched).
Left in place, they make a scope statement, a context or an SoA justification that reads as
complete but says nothing about the organization.

7.5.2 reads: "When creating and updating documented information the organization shall ensure
appropriate: a) identification and description …; b) format …; c) review and approval for
suitability and adequacy." Template text is documented information that was never reviewed for
suitability: an auditor would very likely raise it (warning).

**Fix:** replace the placeholder with your own text.`,
  data,
  check({ model, report }) {
    for (const file of model.files) {
      for (const doc of file.ismsDocuments) {
        for (const found of placeholdersOf(file, doc)) report(reportOf(file.file, found));
      }
    }
  },
};

/** A placeholder of one document: where, the message and the clause. */
type Placeholder = { range: Range; message: string; data: PlaceholderTextData };

/** The placeholders of each document, found once per parse (a document's text does not change). */
const found = new WeakMap<ParsedDocument, readonly Placeholder[]>();

/** Every text value of `doc` holding a placeholder, in document order. */
function placeholdersOf(file: ParsedFile, doc: ParsedDocument): readonly Placeholder[] {
  const cached = found.get(doc);
  if (cached) return cached;
  const placeholders: Placeholder[] = [];
  for (const pair of doc.root?.items ?? []) {
    const top = isScalar(pair.key) ? String(pair.key.value) : "";
    if (pair.key !== null && !isScalar(pair.key)) append(placeholders, placeholdersIn(file, doc.kind, [top], pair.key as Node));
    const value = pair.value as Node | null;
    // The items of a register (risks, actions …) one by one, each kept while the edit is elsewhere.
    if (isSeq(value) && !value.flow) for (const item of value.items as (Node | null)[]) append(placeholders, itemPlaceholders(file, doc.kind, top, item));
    else if (value !== null) append(placeholders, placeholdersIn(file, doc.kind, [top], value));
  }
  found.set(doc, placeholders);
  return placeholders;
}

/** The report of a placeholder in a file: one object per placeholder (kept with its item), so that a re-check of an unchanged item reports the same object. */
function reportOf(file: string, found: Placeholder): Placeholder & { file: string } {
  let made = reports.get(found);
  if (!made || made.file !== file) reports.set(found, (made = { file, ...found }));
  return made;
}

const reports = new WeakMap<Placeholder, Placeholder & { file: string }>();

/** The placeholders of one item of a top-level sequence, kept while the item is as it was ({@link ItemCache}). */
function itemPlaceholders(file: ParsedFile, kind: string | undefined, top: string, item: Node | null): readonly Placeholder[] {
  if (item === null || !item.range) return [];
  return inItem.get(item, file, `${kind ?? ""}\n${top}`, () => placeholdersIn(file, kind, [top], item)).value;
}

const inItem = new ItemCache<Placeholder[]>();

/** The placeholders in the text values under `node`, whose key path from the document starts with `keys`. */
function placeholdersIn(file: ParsedFile, kind: string | undefined, keys: string[], node: Node): Placeholder[] {
  const placeholders: Placeholder[] = [];
  visit(node, {
    Scalar(key, scalar, path) {
      // Values only: a key is the format's word (an unknown one is schema/invalid's finding).
      if (key === "key" || !isScalar(scalar) || typeof scalar.value !== "string" || !scalar.range) return;
      const text = placeholderIn(scalar.value);
      if (text === undefined) return;
      const inner = path.filter(isPair).map((p) => (isScalar(p.key) ? String(p.key.value) : ""));
      placeholders.push({
        range: file.lines.rangeOf(scalar.range[0], scalar.range[1]),
        message: `Placeholder "${text}" is still here: replace it with the organization's own text.`,
        data: { clause: clauseOf(kind, [...keys, ...inner]) },
      });
    },
  });
  return placeholders;
}
