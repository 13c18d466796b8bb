import type { SoaEntry } from "../../model/types";
import { optional, range, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the risk's id, the control, and where the SoA excludes it. */
const data = shape({ risk: optional(text), control: text, soaFile: text, applicableRange: range });
export type ExcludedButUsedData = DataOf<typeof data>;

/** `soa/excluded-but-used`: a risk is treated with a control that the SoA excludes. */
export const rule: Rule<ExcludedButUsedData> = {
  id: "soa/excluded-but-used",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["risks", "soaEntries"],
  perRecord: "risks",
  description: "A risk lists a control under controls that the Statement of Applicability excludes (applicable: false).",
  docs: `The controls chosen to treat risks (6.1.3 b) are necessary controls, and the Statement of
Applicability must include them (6.1.3 c, d). A risk that relies on a control the SoA excludes is
a contradiction an auditor will find quickly: either the risk is not really treated, or the
exclusion and its justification are wrong.

The finding is on the control in the risk's \`controls\`; the related location is the SoA entry's
\`applicable: false\`. When a control has several SoA entries, the first one counts (the others
are reported by \`soa/duplicate-control\`).

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … d) produce a Statement of Applicability that contains: the necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary controls are implemented or not; and the justification for excluding any of the Annex A controls."

**Fix:** include the control in the SoA (\`applicable: true\`, with a justification naming the risk),
or treat the risk with other controls.`,
  data,
  check({ model, report }) {
    const entries = new Map<string, SoaEntry>();
    for (const entry of model.soaEntries) if (entry.control && !entries.has(entry.control.id)) entries.set(entry.control.id, entry);
    for (const risk of model.risks) {
      for (const control of risk.controls) {
        const entry = entries.get(control.id);
        if (!entry?.applicable || entry.applicable.value !== false) continue;
        const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
        report({
          file: control.file,
          range: control.range,
          message: `${name} is treated with ${control.id}, but the Statement of Applicability excludes it (applicable: false): include the control in the SoA or treat the risk with other controls (6.1.3 b, d).`,
          related: [{ file: entry.file, range: entry.applicable.range, message: `${control.id} is excluded here` }],
          data: { risk: risk.id?.value, control: control.id, soaFile: entry.file, applicableRange: entry.applicable.range },
        });
      }
    }
  },
};
