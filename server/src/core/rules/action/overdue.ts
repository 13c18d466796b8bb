import { compareDates, daysBetween, pluralDays } from "../../dates";
import { count, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./overdue.fix";

const CLOSED = new Set(["done", "cancelled"]);

/** `data` of its findings: the overdue action's id and how many days it is overdue. */
const data = shape({ id: optional(text), daysOverdue: count });
export type OverdueData = DataOf<typeof data>;

/** `action/overdue`: an action past its due date that is not done or cancelled. */
export const rule: Rule<OverdueData> = {
  id: "action/overdue",
  severity: "warning",
  clause: "8.3",
  reads: ["actions", "today"],
  perRecord: "actions",
  description: "An action's due date has passed and it is neither done nor cancelled.",
  docs: `Checks every action of the ActionPlan: when \`due\` is before today and \`status\` is not
\`done\` or \`cancelled\`, the action is overdue. An action due today is not overdue yet. An action
with no \`status\` counts as open.

Overdue actions are the first thing an auditor samples: a risk treatment plan that is not being
implemented (8.3), corrective actions that were never taken (10.2 c) or improvements that stalled
(10.1) all show up here, and each one erodes the evidence that the ISMS works as planned.

8.3 reads: "The organization shall implement the information security risk treatment plan."

**Fix:** finish the action and set \`status: done\` with its \`completed\` date, or agree a new
\`due\` date with its owner (and record why it slipped), or set \`status: cancelled\` with the reason.`,
  data,
  fixes,
  check({ model, today, report }) {
    for (const action of model.actions) {
      const due = action.due;
      if (!due || compareDates(due.value, today) >= 0) continue;
      const status = action.status?.value;
      if (status && CLOSED.has(status)) continue;
      const days = daysBetween(due.value, today);
      const name = action.id ? `Action ${action.id.value}` : "This action";
      const state = status === "in-progress" ? "is still in progress" : status === "open" ? "is still open" : "is not marked done";
      report({
        file: action.file,
        range: due.range,
        message: `${name} was due on ${due.value}, ${pluralDays(days)} ago, and ${state}: complete it (status: done, completed: <date>), set a new due date with its owner, or cancel it with a reason.`,
        data: { id: action.id?.value, daysOverdue: days },
      });
    }
  },
};
