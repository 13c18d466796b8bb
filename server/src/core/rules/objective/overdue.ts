import { compareDates, daysBetween, pluralDays } from "../../dates";
import { count, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

const FINISHED = new Set(["achieved", "missed", "cancelled"]);

/** `data` of its findings: the objective's id and how many days it is overdue. */
const data = shape({ id: optional(text), daysOverdue: count });
export type ObjectiveOverdueData = DataOf<typeof data>;

/** `objective/overdue`: an objective past its due date that is still in progress. */
export const rule: Rule<ObjectiveOverdueData> = {
  id: "objective/overdue",
  severity: "warning",
  clause: "6.2 k",
  reads: ["objectives", "today"],
  perRecord: "objectives",
  description: "An information security objective's due date has passed and its status is not achieved, missed or cancelled.",
  docs: `Checks every objective: when \`due\` is before today, \`status\` must say how it ended
(\`achieved\`, \`missed\` or \`cancelled\`). An objective due today is not overdue.

Objectives are planned with a date by which they will be completed (6.2 k), monitored (6.2 d) and
their results evaluated (6.2 l); their fulfilment is an input of the management review
(9.3.2 d 4). An objective still "on track" after its due date shows the monitoring is not
happening.

6.2 reads: "When planning how to achieve its information security objectives, the organization shall determine: … k) when it will be completed".

**Fix:** evaluate the objective and set \`status: achieved\` or \`missed\` (a missed objective
calls for a corrective or improvement action), or set a new \`due\` date and record why.`,
  data,
  check({ model, today, report }) {
    for (const objective of model.objectives) {
      const due = objective.due;
      if (!due || compareDates(due.value, today) >= 0) continue;
      const status = objective.status?.value;
      if (status && FINISHED.has(status)) continue;
      const days = daysBetween(due.value, today);
      const name = objective.id ? `Objective ${objective.id.value}` : "This objective";
      report({
        file: objective.file,
        range: due.range,
        message: `${name} was due on ${due.value}, ${pluralDays(days)} ago, and is ${status ? `still ${status}` : "not evaluated"}: record whether it was achieved or missed, or set a new due date (6.2).`,
        data: { id: objective.id?.value, daysOverdue: days },
      });
    }
  },
};
