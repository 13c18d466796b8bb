import type { Rating, Risk, ScaleLevel } from "../../model/types";
import { anyOf, count, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { reportsPerFile } from "../per-file";
import type { FindingInput } from "../../findings";
import { MAX_SCALE_LEVEL } from "../../model/bounds";

type Dimension = "likelihood" | "impact";
const DIMENSIONS: readonly Dimension[] = ["likelihood", "impact"];

/** `data` of its findings: the methodology or scale it lacks, or the field, its value and the levels of its scale. */
const data = anyOf(shape({ missing: list(text) }), shape({ field: text, value: count, levels: list(count) }));
export type RatingOutOfScaleData = DataOf<typeof data>;

/** `risk/rating-out-of-scale`: a likelihood or impact that is not a level of the methodology's scale. */
export const rule: Rule<RatingOutOfScaleData> = {
  id: "risk/rating-out-of-scale",
  severity: "error",
  clause: "6.1.2 a",
  reads: ["documents", "methodologies", "risks"],
  description: "A risk's likelihood or impact (inherent or residual) is not a level of the RiskMethodology's scale, or no methodology defines the scales.",
  docs: `The risk assessment process rests on risk criteria (6.1.2 a) so that repeated assessments give
consistent, valid and comparable results (6.1.2 b). Ratings must therefore be levels of the
likelihood and impact scales that the \`RiskMethodology\` defines: a likelihood of 6 on a 1-5 scale
has no defined meaning and yields no score, so the risk escapes the acceptance criteria. The
inherent and the residual ratings are both checked.

When risks are rated but the ISMS has no \`RiskMethodology\` at all, one finding is reported at the
first \`RiskRegister\`; when the methodology lacks a likelihood or an impact scale, one finding is
reported at the methodology. Values that are not whole numbers of at least 1 are reported by
\`schema/invalid\`.

6.1.2 reads: "The organization shall define and apply an information security risk assessment process that: a) establishes and maintains information security risk criteria that include: 1) the risk acceptance criteria; and 2) criteria for performing information security risk assessments".

**Fix:** use a level of the scale (the message lists them), or extend the methodology's scale
if the level is genuinely missing, then re-rate every risk consistently.`,
  data,
  check({ model, report }) {
    const uses = (d: Dimension) => model.risks.some((risk) => risk[d] !== undefined || risk.residual?.[d] !== undefined);
    const methodology = model.methodology;

    if (!methodology) {
      if (!uses("likelihood") && !uses("impact")) return;
      const register = model.documents.find((d) => d.kind === "RiskRegister");
      const first = model.risks[0];
      report({
        file: register?.file ?? first.file,
        range: register?.kindRange ?? first.range,
        message:
          "No RiskMethodology defines the likelihood and impact scales that the risks are rated on: add a RiskMethodology document with the scales, the scoring and the acceptance criteria (6.1.2 a-b).",
        data: { missing: ["RiskMethodology"] },
      });
      return;
    }

    const scales: Record<Dimension, ScaleLevel[]> = { likelihood: methodology.likelihood, impact: methodology.impact };
    for (const d of ["likelihood", "impact"] as const) {
      if (scales[d].length > 0 || !uses(d)) continue;
      const range = model.documents.find((doc) => doc.root === methodology.node)?.kindRange ?? methodology.range;
      report({
        file: methodology.file,
        range,
        message: `The RiskMethodology defines no ${d} scale, yet risks are rated on ${d}: add the ${d} levels with their criteria (6.1.2 a).`,
        data: { missing: [d] },
      });
    }

    // Each register's risks are checked once per methodology (and again when they change).
    const perRisk = reportsPerFile<"risks", RatingOutOfScaleData>(model, "risks", rule.id, [methodology], (risks, reportRisk) => {
      for (const risk of risks) {
        checkRating(risk, risk, false, reportRisk);
        if (risk.residual) checkRating(risk, risk.residual, true, reportRisk);
      }
    });
    for (const input of perRisk) report(input);

    function checkRating(risk: Risk, rating: Rating, residual: boolean, report: (input: FindingInput<RatingOutOfScaleData>) => void): void {
      for (const d of DIMENSIONS) {
        const value = rating[d];
        const scale = scales[d];
        if (!value || scale.length === 0) continue;
        if (!Number.isInteger(value.value) || value.value < 1 || value.value > MAX_SCALE_LEVEL) continue; // schema/invalid
        if (scale.some((l) => l.level === value.value)) continue;
        const levels = scale.map((l) => (l.label ? `${l.level} ${l.label}` : String(l.level))).join(", ");
        const what = residual ? `Residual ${d}` : d[0].toUpperCase() + d.slice(1);
        report({
          file: risk.file,
          range: value.range,
          message: `${what} ${value.value} of risk ${risk.id?.value ?? "(no id)"} is not a level of the methodology's ${d} scale: ${levels} (6.1.2 a).`,
          data: { field: residual ? `residual.${d}` : d, value: value.value, levels: scale.map((l) => l.level) },
        });
      }
    }
  },
};
