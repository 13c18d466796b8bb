import { canonicalControlId } from "../../catalog/catalog";
import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./numeric-control-id.fix";

/** `data` of its findings: the canonical control id to write instead of the number. */
const data = shape({ replacement: text });
export type NumericControlIdData = DataOf<typeof data>;

/** `yaml/numeric-control-id`: an unquoted control id like `5.10` that YAML reads as the number 5.1. */
export const rule: Rule<NumericControlIdData> = {
  id: "yaml/numeric-control-id",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["controlReferences"],
  perRecord: "controlReferences",
  description: "A control written as a bare number (5.10) is read by YAML as a number (5.1); write it as A.5.10.",
  docs: `YAML reads an unquoted \`5.10\` as the decimal number 5.1, so the reference silently points at
another control (A.5.1) or at nothing. Annex A controls are written \`A.5.10\` (canonical) or quoted
\`"5.10"\`.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … d) produce a Statement of Applicability that contains: the necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary controls are implemented or not; and the justification for excluding any of the Annex A controls."

**Fix:** the quick-fix rewrites the value as \`A.5.10\`, exactly as it was typed.`,
  fileLevel: true,
  data,
  fixes,
  check({ model, report }) {
    for (const ref of model.controlReferences) {
      if (!ref.numeric || canonicalControlId(ref.written) === undefined) continue;
      report({
        file: ref.file,
        range: ref.range,
        message: `${ref.written} is a number to YAML (${Number(ref.written)}), not a control id: write ${ref.id}.`,
        data: { replacement: ref.id },
      });
    }
  },
};
