import { cadenceAnchor, dueByCadence, everyMonths, lastHeldReview } from "../../model/cadence";
import { pluralDays } from "../../dates";
import { count, nullable, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the date of the last review (`null` with none), when the next was due, how late it is and the cadence in months. */
const data = shape({ lastDate: nullable(text), due: optional(text), daysOverdue: optional(count), cadence: count });
export type ManagementReviewOverdueData = DataOf<typeof data>;

/** `review/overdue`: no management review held within the review cadence. */
export const rule: Rule<ManagementReviewOverdueData> = {
  id: "review/overdue",
  severity: "error",
  clause: "9.3.1",
  reads: ["documents", "definitions", "reviews", "today"],
  description: "No management review has been held within the management review cadence (cadence.management_review months, default 12).",
  docs: `Checks that the latest management review (by \`date\`, ignoring reviews dated after today,
which are planned rather than held) is no older than \`cadence.management_review\` months
(\`isms.yaml\`, default 12). The next review is due on the day the cadence runs out; it is overdue
from the day after.

Top management must review the ISMS at planned intervals (9.3.1). A missing or lapsed management
review is a major nonconformity at certification: it is the main evidence of top management's
involvement (5.1).

The finding is on the \`kind\` of the ManagementReview document (or of \`isms.yaml\` when there is
none).

9.3.1 reads: "Top management shall review the organization's information security management system at planned intervals to ensure its continuing suitability, adequacy and effectiveness."

**Fix:** hold the management review and record it with its \`date\`, \`inputs\` (9.3.2) and
\`decisions\` (9.3.3), or change \`cadence.management_review\` if reviews are planned at another
interval.`,
  data,
  check({ model, today, report }) {
    const cadence = model.isms?.cadence.managementReview ?? 12;
    const latest = lastHeldReview(model, today);
    const next = latest ? dueByCadence(latest.date.value, cadence, today) : undefined;
    if (next && !next.overdue) return;

    const anchor = cadenceAnchor(model, "ManagementReview", latest?.file);
    if (!anchor) return;
    const every = everyMonths(cadence);
    if (latest && next) {
      const { due, daysOverdue: days } = next;
      report({
        ...anchor,
        message: `The management review is ${pluralDays(days)} overdue: the last one${latest.id ? `, ${latest.id.value},` : ""} was held on ${latest.date.value}, and with reviews ${every} the next was due on ${due}. Hold and record the next management review (9.3.1).`,
        related: [{ file: latest.file, range: latest.date.range, message: "Last management review." }],
        data: { lastDate: latest.date.value, due, daysOverdue: days, cadence },
      });
      return;
    }
    report({
      ...anchor,
      message: `No management review is recorded${model.reviews.length > 0 ? " with a date on or before today" : ""}: top management must review the ISMS at planned intervals (${every} here). Hold one and record it with its date, inputs and decisions (9.3.1).`,
      data: { lastDate: null, cadence },
    });
  },
};
