import { optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { written } from "../anchors";

const TREATED = new Set(["mitigate", "avoid", "transfer"]);

/** `data` of its findings: the risk and its treatment. */
const data = shape({ risk: optional(text), treatment: text });
export type ResidualMissingData = DataOf<typeof data>;

/** `risk/residual-missing`: a treated risk without a residual rating (6.1.3 f, 8.3). */
export const rule: Rule<ResidualMissingData> = {
  id: "risk/residual-missing",
  severity: "warning",
  clause: "6.1.3 f, 8.3",
  reads: ["risks"],
  perRecord: "risks",
  data,
  description: "A risk treated by mitigating, avoiding or transferring it has no residual rating, so its residual risk cannot be judged or accepted.",
  docs: `ISO/IEC 27001:2022 6.1.3 f requires the risk owners' "acceptance of the residual information
security risks", and 8.3: "The organization shall implement the information security risk
treatment plan. The organization shall retain documented information of the results of the
information security risk treatment." Without a residual rating nobody can say whether the
treatment brings the risk within the acceptance criteria, nor accept what remains. Auditors ask
for the residual level of each treated risk.

This rule reports a risk with \`treatment: mitigate\`, \`avoid\` or \`transfer\` that has no
\`residual\`. A risk whose own likelihood or impact is still missing is \`risk/unrated\`'s finding
alone: its residual rating follows once it is assessed. A residual rating that is incomplete or off the scales is \`risk/unrated\` or
\`risk/rating-out-of-scale\`'s finding.

**Fix:** rate the risk as it will be after treatment: \`residual: { likelihood: 2, impact: 3 }\`.`,
  check({ model, report }) {
    for (const risk of model.risks) {
      const treatment = risk.treatment?.value;
      if (!treatment || !TREATED.has(treatment) || risk.residual || written(risk, "residual")) continue;
      if (!written(risk, "likelihood") || !written(risk, "impact")) continue; // risk/unrated: no residual before the inherent rating
      report({
        file: risk.file,
        range: risk.id?.range ?? risk.range,
        message: `Risk ${risk.id?.value ?? "(no id)"} is treated (${treatment}) but has no residual rating: add residual: { likelihood, impact } so the residual risk can be judged against the acceptance criteria and accepted (6.1.3 f, 8.3).`,
        data: { risk: risk.id?.value, treatment },
      });
    }
  },
};
