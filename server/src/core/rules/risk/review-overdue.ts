import { dueByCadence } from "../../model/cadence";
import type { Node } from "yaml";
import { pluralDays } from "../../dates";
import { hasContent } from "../../model/yaml-reader";
import { anyOf, count, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the missing review date, or the last review, when the next was due and how late it is; the cadence in months. */
const data = anyOf(shape({ missing: list(text), cadenceMonths: count }), shape({ reviewed: text, due: text, daysOverdue: count, cadenceMonths: count }));
export type ReviewOverdueData = DataOf<typeof data>;

/** `risk/review-overdue`: a risk not reviewed within the risk review cadence. */
export const rule: Rule<ReviewOverdueData> = {
  id: "risk/review-overdue",
  severity: "warning",
  clause: "8.2",
  reads: ["definitions", "risks", "today"],
  perRecord: "risks",
  description: "A risk has no reviewed date, or its last review is older than the risk review cadence of isms.yaml.",
  docs: `8.2 requires information security risk assessments at planned intervals (and when significant
changes occur). The interval is \`cadence.risk_review\` in \`isms.yaml\`, in months (12 when not
set). A risk is due for review that many months after its \`reviewed\` date and is overdue from the
day after; a risk without a \`reviewed\` date shows no assessment at all. Auditors compare review
dates with the planned interval.

8.2 reads: "The organization shall perform information security risk assessments at planned intervals or when significant changes are proposed or occur, taking account of the criteria established in 6.1.2 a)."

**Fix:** review the risk (re-rate it, check its treatment and owner) and set \`reviewed\` to the date
of that review.`,
  data,
  check({ model, today, report }) {
    const months = model.isms?.cadence.riskReview ?? 12;
    const cadence = `every ${months === 1 ? "month" : `${months} months`} (cadence.risk_review)`;
    for (const risk of model.risks) {
      const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
      const reviewed = risk.reviewed;
      if (!reviewed) {
        if (hasContent(risk.node.get("reviewed", true) as Node | undefined)) continue; // an invalid date: schema/invalid
        report({
          file: risk.file,
          range: risk.id?.range ?? risk.range,
          message: `${name} has no reviewed date: record when it was last assessed; risks are reviewed ${cadence} (8.2).`,
          data: { missing: ["reviewed"], cadenceMonths: months },
        });
        continue;
      }
      const { due, overdue, daysOverdue: days } = dueByCadence(reviewed.value, months, today);
      if (!overdue) continue;
      report({
        file: risk.file,
        range: reviewed.range,
        message: `${name} was last reviewed on ${reviewed.value}; risks are reviewed ${cadence}, so it was due on ${due} and is ${pluralDays(days)} overdue (8.2).`,
        data: { reviewed: reviewed.value, due, daysOverdue: days, cadenceMonths: months },
      });
    }
  },
};
