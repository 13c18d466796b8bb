import { isPair, isScalar, visit } from "yaml";
import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/**
 * A `<…>` placeholder as templates write them: words (which may cite "ISO/IEC 27001"), not an
 * address (`<https://…>`, `<me@example.com>`) or markup (`</b>`, `<br/>`, `<a href=…>`).
 */
const PLACEHOLDER = /<[A-Za-z](?:(?!:\/\/)[^<>\n@=]){2,}(?<!\/)>/;

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
  description: "A text still holds a <placeholder> from a template (e.g. the starter ISMS): the documented information is not yet the organization's own.",
  docs: `Templates such as \`examples/starter\` mark what you must write yourself with angle brackets:
\`<offices, data centres, remote working>\`. Left in place, they make a scope statement or a context
that reads as complete but says nothing about the organization, and an auditor reads them as
documented information that was never reviewed (7.5.2 b, c).

**Fix:** replace the placeholder with your own text.`,
  data,
  check({ model, report }) {
    for (const file of model.files) {
      if (!file.text.includes("<")) continue;
      for (const doc of file.ismsDocuments) {
        if (!doc.root) continue;
        visit(doc.root, {
          Scalar(_key, node, path) {
            if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
            const match = PLACEHOLDER.exec(node.value);
            if (!match) return;
            const keys = path.filter(isPair).map((p) => (isScalar(p.key) ? String(p.key.value) : ""));
            report({
              file: file.file,
              range: file.lines.rangeOf(node.range[0], node.range[1]),
              message: `Placeholder "${match[0].length > 60 ? match[0].slice(0, 57) + "…>" : match[0]}" is still here: replace it with the organization's own text.`,
              data: { clause: clauseOf(doc.kind, keys) },
            });
          },
        });
      }
    }
  },
};
