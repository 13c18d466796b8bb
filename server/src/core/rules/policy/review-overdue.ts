import { dueByCadence } from "../../model/cadence";
import { pluralDays } from "../../dates";
import { MAX_CADENCE_MONTHS } from "../../model/convert/isms-definition";
import { anyOf, count, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the policy's id and its missing approval, or when its review was due, how late it is and its cadence in months. */
const data = anyOf(shape({ id: optional(text), missing: list(text), clause: text }), shape({ id: optional(text), due: text, daysOverdue: count, reviewMonths: count }));
export type PolicyReviewOverdueData = DataOf<typeof data>;

/** `policy/review-overdue`: a policy not reviewed and re-approved within its review period. */
export const rule: Rule<PolicyReviewOverdueData> = {
  id: "policy/review-overdue",
  severity: "warning",
  clause: "A.5.1",
  reads: ["policies", "today"],
  description: "A policy's last approval is older than its review period (review_months, default 12) (warning), or the policy records no approval at all (error).",
  docs: `Checks every policy of the PolicyRegister: its \`approved.date\` plus \`review_months\`
(default 12) must not be before today. A review due today is not overdue.

Annex A control A.5.1 reads: "Information security policy and topic-specific policies shall be
defined, approved by management, published, communicated to and acknowledged by relevant personnel
and relevant interested parties, and reviewed at planned intervals and if significant changes
occur." A policy past its review interval is a warning: an auditor would very likely raise it.

A policy with no \`approved\` record at all is an **error**: 5.2 requires top management to
establish the information security policy, and 7.5.2 c reads "When creating and updating
documented information the organization shall ensure appropriate … review and approval for
suitability and adequacy." An approval without a date is a warning: it cannot be dated against the
review interval.

**Fix:** review the policy, have it approved again and update \`approved: { by, date }\`; or set
\`review_months\` to the interval your ISMS actually plans.`,
  data,
  check({ model, today, report }) {
    for (const policy of model.policies) {
      const name = policy.id ? `Policy ${policy.id.value}` : "This policy";
      const date = policy.approved?.date;
      if (!date) {
        const unapproved = !policy.approved;
        report({
          file: policy.file,
          range: policy.approved?.range ?? policy.id?.range ?? policy.range,
          severity: unapproved ? "error" : "warning",
          message: unapproved
            ? `${name} records no approval: have it approved and record approved: { by: <person>, date: YYYY-MM-DD } (5.2, 7.5.2 c).`
            : `${name} has no recorded approval date: add the date to approved: { by: <person>, date: YYYY-MM-DD } (7.5.2 c).`,
          data: { id: policy.id?.value, missing: [unapproved ? "approved" : "approved.date"], clause: unapproved ? "5.2" : "7.5.2" },
        });
        continue;
      }
      const written = policy.reviewMonths?.value;
      const months = written !== undefined && Number.isInteger(written) && written >= 1 && written <= MAX_CADENCE_MONTHS ? written : 12; // beyond that, schema/invalid
      const { due, overdue, daysOverdue: days } = dueByCadence(date.value, months, today);
      if (!overdue) continue;
      report({
        file: policy.file,
        range: date.range,
        message: `${name} was approved on ${date.value} and was due for review on ${due} (every ${months === 1 ? "month" : `${months} months`}), ${pluralDays(days)} ago: review it and record the new approval (A.5.1).`,
        data: { id: policy.id?.value, due, daysOverdue: days, reviewMonths: months },
      });
    }
  },
};
