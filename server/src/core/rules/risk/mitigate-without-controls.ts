import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the missing field. */
const data = shape({ missing: list(text) });
export type MitigateWithoutControlsData = DataOf<typeof data>;

/** `risk/mitigate-without-controls`: a risk to be mitigated that names no control. */
export const rule: Rule<MitigateWithoutControlsData> = {
  id: "risk/mitigate-without-controls",
  severity: "error",
  clause: "6.1.3 b",
  reads: ["risks"],
  perRecord: "risks",
  description: "A risk whose treatment is mitigate (or modify) lists no controls.",
  docs: `Mitigating a risk means applying controls to it: 6.1.3 b requires the organization to determine
all controls necessary to implement the chosen treatment, and those controls are then compared
with Annex A and stated in the SoA (6.1.3 c, d). A risk marked \`mitigate\` (ISO/IEC 27005:
\`modify\`) with no \`controls\` has a treatment on paper only, and no trace from the risk to the
Statement of Applicability.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … b) determine all controls that are necessary to implement the information security risk treatment option(s) chosen".

**Fix:** list the controls chosen to treat the risk under \`controls\` (e.g. \`[A.5.15, A.8.5]\`),
each applicable in the SoA, or choose another treatment.`,
  data,
  check({ model, report }) {
    for (const risk of model.risks) {
      if (risk.treatment?.value !== "mitigate" || risk.controls.length > 0) continue;
      const written = String(risk.node.get("treatment") ?? "mitigate");
      const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
      report({
        file: risk.file,
        range: risk.id?.range ?? risk.range,
        message: `${name} is to be mitigated (treatment: ${written}) but lists no controls: name the controls chosen to treat it under controls (6.1.3 b).`,
        data: { missing: ["controls"] },
      });
    }
  },
};
