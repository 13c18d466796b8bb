import { isOnScale } from "../../model/risk-scoring";
import { count, oneOf, shape, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: which rating, its residual and its inherent value. */
const data = shape({ field: oneOf("likelihood", "impact", "score"), residual: count, inherent: count });
export type ResidualAboveInherentData = DataOf<typeof data>;

/** `risk/residual-above-inherent`: a residual rating higher than the inherent one. */
export const rule: Rule<ResidualAboveInherentData> = {
  id: "risk/residual-above-inherent",
  severity: "warning",
  clause: "6.1.2 b",
  reads: ["methodologies", "risks"],
  perRecord: "risks",
  description: "A risk's residual likelihood, impact or score is higher than its inherent (current) one.",
  docs: `The residual rating is the level of risk expected once the treatment is in place (6.1.3 f,
8.3). Treatment reduces a risk or leaves it as it is; it cannot make it more likely or more
severe. A residual rating above the inherent one means one of the two is wrong. 6.1.2 reads: the
organization "shall define and apply an information security risk assessment process that: … b)
ensures that repeated information security risk assessments produce consistent, valid and
comparable results". This is a data-consistency finding an auditor would
raise as an observation, not by itself a missed "shall", so it is a warning.

Each residual value that exceeds its inherent counterpart is reported at the residual value.
When neither does but the residual **score** is higher (possible with a matrix), the finding is on
the \`residual\` mapping. Ratings outside the scales are left to \`risk/rating-out-of-scale\`.

**Fix:** correct the residual rating (or the inherent rating if it was underestimated).`,
  data,
  check({ model, report }) {
    const methodology = model.methodology;
    const onScale = (d: "likelihood" | "impact", v: number) => !methodology || isOnScale(methodology[d], v);
    for (const risk of model.risks) {
      const residual = risk.residual;
      if (!residual) continue;
      const name = risk.id?.value ?? "(no id)";
      let reported = false;
      for (const d of ["likelihood", "impact"] as const) {
        const before = risk[d];
        const after = residual[d];
        if (!before || !after || !onScale(d, before.value) || !onScale(d, after.value)) continue;
        if (after.value <= before.value) continue;
        reported = true;
        report({
          file: risk.file,
          range: after.range,
          message: `Residual ${d} ${after.value} of risk ${name} is above its inherent ${d} ${before.value}: treatment cannot make a risk ${d === "likelihood" ? "more likely" : "more severe"}; correct the residual or the inherent rating.`,
          data: { field: d, residual: after.value, inherent: before.value },
        });
      }
      if (reported || risk.score === undefined || residual.score === undefined || residual.score <= risk.score) continue;
      report({
        file: residual.file,
        range: residual.range,
        message: `The residual score ${residual.score} of risk ${name} is above its inherent score ${risk.score}: treatment cannot increase a risk; correct the residual or the inherent rating.`,
        data: { field: "score", residual: residual.score, inherent: risk.score },
      });
    }
  },
};
