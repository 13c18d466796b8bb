import { addMonths, compareDates, daysBetween, pluralDays } from "../../dates";
import { MAX_CADENCE_MONTHS } from "../../model/convert/isms-definition";
import { anyOf, count, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the policy's id and its missing approval, or when its review was due, how late it is and its cadence in months. */
const data = anyOf(shape({ id: optional(text), missing: list(text) }), shape({ id: optional(text), due: text, daysOverdue: count, reviewMonths: count }));
export type PolicyReviewOverdueData = DataOf<typeof data>;

/** `policy/review-overdue`: a policy not reviewed and re-approved within its review period. */
export const rule: Rule<PolicyReviewOverdueData> = {
  id: "policy/review-overdue",
  severity: "warning",
  clause: "7.5.2 c",
  description: "A policy's last approval is older than its review period (review_months, default 12), or the policy has no approval date.",
  docs: `Checks every policy of the PolicyRegister: its \`approved.date\` plus \`review_months\`
(default 12) must not be before today. A review due today is not overdue. A policy with no
\`approved.date\` is reported too.

Documented information must be reviewed and approved for suitability and adequacy (7.5.2 c), the
information security policy is established by top management (5.2), and Annex A control A.5.1
requires policies to be reviewed at planned intervals. Auditors check the approval date of every
policy they sample; an out-of-date policy suggests the ISMS is not maintained.

**Fix:** review the policy, have it approved again and update \`approved: { by, date }\`; or set
\`review_months\` to the interval your ISMS actually plans.`,
  data,
  check({ model, today, report }) {
    for (const policy of model.policies) {
      const name = policy.id ? `Policy ${policy.id.value}` : "This policy";
      const date = policy.approved?.date;
      if (!date) {
        report({
          file: policy.file,
          range: policy.approved?.range ?? policy.id?.range ?? policy.range,
          message: `${name} has no recorded approval date: record approved: { by: <person>, date: YYYY-MM-DD } once it has been approved (5.2, 7.5.2 c).`,
          data: { id: policy.id?.value, missing: [policy.approved ? "approved.date" : "approved"] },
        });
        continue;
      }
      const written = policy.reviewMonths?.value;
      const months = written !== undefined && Number.isInteger(written) && written >= 1 && written <= MAX_CADENCE_MONTHS ? written : 12; // beyond that, schema/invalid
      const due = addMonths(date.value, months);
      if (compareDates(due, today) >= 0) continue;
      const days = daysBetween(due, today);
      report({
        file: policy.file,
        range: date.range,
        message: `${name} was approved on ${date.value} and was due for review on ${due} (every ${months === 1 ? "month" : `${months} months`}), ${pluralDays(days)} ago: review it and record the new approval (7.5.2 c).`,
        data: { id: policy.id?.value, due, daysOverdue: days, reviewMonths: months },
      });
    }
  },
};
