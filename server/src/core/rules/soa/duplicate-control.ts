import type { SoaEntry } from "../../model/types";
import { range, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the control and where its first entry is. */
const data = shape({ id: text, first: shape({ file: text, range }) });
export type DuplicateControlData = DataOf<typeof data>;

/** `soa/duplicate-control`: the same control has more than one SoA entry. */
export const rule: Rule<DuplicateControlData> = {
  id: "soa/duplicate-control",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["soaEntries"],
  description: "The same Annex A control has two or more entries in the Statement of Applicability.",
  docs: `The Statement of Applicability gives one decision per control (6.1.3 d): included or excluded,
with one justification and one implementation status. Two entries for the same control, in one
file or across the SoA documents of the ISMS, make that decision ambiguous, especially when they
disagree. The first entry (in file order) is taken as the SoA's statement; every later one is
reported, pointing at the first.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … d) produce a Statement of Applicability that contains: the necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary controls are implemented or not; and the justification for excluding any of the Annex A controls."

**Fix:** merge the entries into one and delete the others.`,
  data,
  check({ model, report }) {
    const first = new Map<string, SoaEntry>();
    for (const entry of model.soaEntries) {
      const control = entry.control;
      if (!control) continue;
      const original = first.get(control.id);
      if (!original?.control) {
        first.set(control.id, entry);
        continue;
      }
      const where = `${original.file} line ${original.control.range.start.line + 1}`;
      const a = original.applicable?.value;
      const b = entry.applicable?.value;
      const conflict = a !== undefined && b !== undefined && a !== b ? ` The two entries disagree: one says applicable: ${a}, this one applicable: ${b}.` : "";
      report({
        file: control.file,
        range: control.range,
        message: `${control.id} already has an entry in the Statement of Applicability (${where}); keep one entry per control (6.1.3 d).${conflict}`,
        related: [{ file: original.file, range: original.control.range, message: `first entry for ${control.id}` }],
        data: { id: control.id, first: { file: original.file, range: original.control.range } },
      });
    }
  },
};
