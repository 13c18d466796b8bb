import type { SoaEntry } from "../../model/types";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { PLACEHOLDERS } from "./missing-justification";

/** Entries sharing one justification from which it reads as boilerplate. */
export const BOILERPLATE_MIN = 5;

/** `data` of its findings: the controls sharing the justification. */
const data = shape({ controls: list(text) });
export type BoilerplateJustificationData = DataOf<typeof data>;

/** `soa/boilerplate-justification`: the same justification copied onto many SoA entries (6.1.3 d). */
export const rule: Rule<BoilerplateJustificationData> = {
  id: "soa/boilerplate-justification",
  severity: "warning",
  clause: "6.1.3 d",
  reads: ["soaEntries"],
  data,
  description: `The same justification is written on ${BOILERPLATE_MIN} or more SoA entries.`,
  docs: `ISO/IEC 27001:2022 6.1.3 reads: "The organization shall define and apply an information
security risk treatment process to: … d) produce a Statement of Applicability that contains: the
necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary
controls are implemented or not; and the justification for excluding any of the Annex A controls." One sentence copied onto many controls ("Required by
ISO 27001", "Best practice") justifies none of them: auditors read it as a decision not taken
control by control and ask for the real reasons.

This rule groups entries whose justifications are equal after trimming and ignoring case and
repeated spaces, and reports each group of ${BOILERPLATE_MIN} or more once, at its first entry, listing
the controls. Placeholders such as "N/A" are \`soa/missing-justification\`'s finding instead.

**Fix:** write for each control the risks, requirements or facts that call for it, or why it
does not apply.`,
  check({ model, report }) {
    const groups = new Map<string, SoaEntry[]>();
    for (const entry of model.soaEntries) {
      const text = entry.justification?.value.trim().replace(/\s+/g, " ").toLowerCase();
      if (!text || PLACEHOLDERS.has(text) || !entry.control) continue;
      const group = groups.get(text);
      if (group) group.push(entry);
      else groups.set(text, [entry]);
    }
    for (const group of groups.values()) {
      if (group.length < BOILERPLATE_MIN) continue;
      const [first, ...others] = group;
      const controls = group.map((e) => e.control?.id ?? "");
      const shown = controls.length > 12 ? `${controls.slice(0, 12).join(", ")} and ${controls.length - 12} more` : controls.join(", ");
      report({
        file: first.file,
        range: first.justification?.range ?? first.range,
        message: `The same justification "${first.justification?.value.trim()}" is given for ${group.length} controls (${shown}): 6.1.3 d asks why each control is included or excluded; write the reasons of each.`,
        related: others.map((e) => ({ file: e.file, range: e.justification?.range ?? e.range, message: `same justification for ${e.control?.id ?? "this control"}` })),
        data: { controls },
      });
    }
  },
};
