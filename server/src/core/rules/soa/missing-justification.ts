import type { Node } from "yaml";
import { hasContent } from "../../model/yaml-reader";
import { anyOf, flag, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** Texts that fill the field without justifying anything. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "n/a",
  "na",
  "n.a.",
  "none",
  "tbd",
  "todo",
  "-",
  "--",
  ".",
  "?",
  "yes",
  "no",
  "not applicable",
  "applicable",
  "required",
  "not required",
  "x",
]);

/** `data` of its findings: the entry's control, its applicability, and what is missing or the placeholder written. */
const data = anyOf(shape({ control: text, missing: list(text) }), shape({ control: text, applicable: flag, missing: list(text) }), shape({ control: text, applicable: flag, placeholder: text }));
export type MissingJustificationData = DataOf<typeof data>;

/** `soa/missing-justification`: an SoA entry without a decision or without the reason for it. */
export const rule: Rule<MissingJustificationData> = {
  id: "soa/missing-justification",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["soaEntries"],
  perRecord: "soaEntries",
  description: "An SoA entry does not say whether the control is applicable, or gives no justification for including or excluding it.",
  docs: `6.1.3 d requires the Statement of Applicability to contain the justification for **inclusions**
as well as for **exclusions** of Annex A controls. Auditors read the justifications: an empty one,
or a placeholder such as "N/A" or "TBD", shows the decision was not actually made. An entry that
does not say \`applicable: true\` or \`applicable: false\` has made no decision at all, and is reported
here too (the schema leaves \`applicable\` optional so that a draft SoA can be written in steps).

The finding is on the entry's \`control\` when a field is missing, and on the justification
itself when it is a placeholder. A value of the wrong type (\`applicable: yes\`) is reported by
\`schema/invalid\` instead.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … d) produce a Statement of Applicability that contains: the necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary controls are implemented or not; and the justification for excluding any of the Annex A controls."

**Fix:** set \`applicable: true\` or \`false\`, and write why: the risks, requirements or contracts
that call for an included control, or the reason an excluded control does not apply (for example
"No on-premises data centre: all hosting is on AWS").`,
  data,
  check({ model, report }) {
    for (const entry of model.soaEntries) {
      const control = entry.control;
      if (!control) continue;
      const applicableMissing = !entry.applicable && !hasContent(entry.node.get("applicable", true) as Node | undefined);
      const justificationMissing = !entry.justification && !hasContent(entry.node.get("justification", true) as Node | undefined);
      if (applicableMissing) {
        const missing = justificationMissing ? ["applicable", "justification"] : ["applicable"];
        report({
          file: control.file,
          range: control.range,
          message: `SoA entry ${control.id} does not say whether the control is applicable (applicable: true|false)${justificationMissing ? " and gives no justification" : ""}: 6.1.3 d requires each control to be included or excluded, with a justification.`,
          data: { control: control.id, missing },
        });
        continue;
      }
      const applicable = entry.applicable?.value;
      if (applicable === undefined) continue; // wrong type: schema/invalid
      const decision = applicable ? "included (applicable: true)" : "excluded (applicable: false)";
      const why = applicable ? "for including it" : "for excluding it";
      if (justificationMissing) {
        report({
          file: control.file,
          range: control.range,
          message: `${control.id} is ${decision} without a justification: 6.1.3 d requires the justification ${why}.`,
          data: { control: control.id, applicable, missing: ["justification"] },
        });
      } else if (entry.justification && PLACEHOLDERS.has(entry.justification.value.trim().toLowerCase())) {
        report({
          file: entry.file,
          range: entry.justification.range,
          message: `"${entry.justification.value.trim()}" does not justify why ${control.id} is ${decision}: 6.1.3 d requires the justification ${why}.`,
          data: { control: control.id, applicable, placeholder: entry.justification.value },
        });
      }
    }
  },
};
