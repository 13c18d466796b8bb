import type { Action } from "../../model/types";
import { risksByControl } from "../../model/tracing";
import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { written } from "../anchors";

/** Statuses of a control that still needs implementing. */
const UNFINISHED = new Set(["planned", "partially-implemented", "not-implemented"]);
/** Action statuses that no longer implement anything. */
const CLOSED = new Set(["done", "cancelled"]);

/** `data` of its findings: the control and its status. */
const data = shape({ control: text, status: text });
export type ImplementationUnplannedData = DataOf<typeof data>;

/** `soa/implementation-unplanned`: an applicable control not (fully) implemented with no action to implement it (6.1.3 e, 8.3). */
export const rule: Rule<ImplementationUnplannedData> = {
  id: "soa/implementation-unplanned",
  severity: "warning",
  clause: "6.1.3 e, 8.3",
  reads: ["risks", "soaEntries", "actions"],
  data,
  description: "An applicable control that is planned, partially implemented or not implemented has no action to implement it.",
  docs: `ISO/IEC 27001:2022 6.1.3 e: the organization shall "formulate an information security risk
treatment plan", and 8.3: "The organization shall implement the information security risk
treatment plan." A control the SoA declares necessary but not yet implemented must appear in that
plan: auditors follow each planned or partially implemented control to the action, its owner and
its due date.

This rule reports an applicable control with \`status: planned\`, \`partially-implemented\` or
\`not-implemented\` when neither its own \`actions\` nor an open action (not done or cancelled) of
a risk that lists the control under \`controls\` plans its implementation.

**Fix:** add the action that implements the control to an ActionPlan and list it on the control:
\`actions: [ACT-012]\`.`,
  check({ model, report }) {
    const risks = risksByControl(model);
    for (const entry of model.soaEntries) {
      const control = entry.control;
      const status = entry.status?.value;
      if (!control || entry.applicable?.value !== true || !status || !UNFINISHED.has(status)) continue;
      if (entry.actions.length > 0 || written(entry, "actions")) continue;
      const open = (risks.get(control.id) ?? []).some((risk) =>
        risk.actions.some((ref) => {
          const action = ref.resolved as Action | undefined;
          return action !== undefined && !CLOSED.has(action.status?.value ?? "");
        }),
      );
      if (open) continue;
      report({
        file: entry.file,
        range: entry.status?.range ?? control.range,
        message: `${control.id} is ${status} but no action plans its implementation: list the action on the control (actions: [...]) or on a risk that selects it (6.1.3 e, 8.3).`,
        data: { control: control.id, status },
      });
    }
  },
};
