import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

const OPEN = new Set(["open", "in-progress"]);

/** `data` of its findings: the action's id and the missing field. */
const data = shape({ id: optional(text), missing: list(text) });
export type NoDueDateData = DataOf<typeof data>;

/** `action/no-due-date`: an open action with no due date. */
export const rule: Rule<NoDueDateData> = {
  id: "action/no-due-date",
  severity: "warning",
  clause: "6.1.3 e",
  reads: ["actions"],
  perRecord: "actions",
  description: "An open or in-progress action has no due date: nobody can tell whether it is late.",
  docs: `Checks that every action whose \`status\` is \`open\` or \`in-progress\` (or that has no status
yet) has a \`due\` date.

6.1.3 reads: the organization "shall define and apply an information security risk treatment
process to: … e) formulate an information security risk treatment plan"; the actions are that plan
(implemented under 8.3) and the corrective actions of 10.2 c. Without a date an action can never be overdue, so it silently stays open for
ever, and the management review (9.3.2 a, "the status of actions from previous management reviews")
cannot report on its status. A date is what an auditor expects of a plan; the "shall" to say
"when it will be completed" (6.2 k) is written for objectives, so this is a warning.

**Fix:** add \`due: YYYY-MM-DD\`, agreed with the action's owner.`,
  data,
  check({ model, report }) {
    for (const action of model.actions) {
      if (action.due) continue;
      const status = action.status?.value;
      if (status !== undefined && !OPEN.has(status)) continue;
      const name = action.id ? `Action ${action.id.value}` : "This action";
      report({
        file: action.file,
        range: action.id?.range ?? action.range,
        message: `${name} is ${status === "in-progress" ? "in progress" : "open"} but has no due date: add due: YYYY-MM-DD, agreed with its owner, so it can be tracked.`,
        data: { id: action.id?.value, missing: ["due"] },
      });
    }
  },
};
