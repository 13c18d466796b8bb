import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the action's id and the missing field. */
const data = shape({ id: optional(text), missing: list(text) });
export type ActionNoOwnerData = DataOf<typeof data>;

/** `action/no-owner`: an action nobody is responsible for. */
export const rule: Rule<ActionNoOwnerData> = {
  id: "action/no-owner",
  severity: "error",
  clause: "6.2 j",
  description: "An action has no owner: nobody is responsible for completing it.",
  docs: `Checks that every action of the ActionPlan, except cancelled ones, names an \`owner\` (a person
of \`isms.yaml\` \`people\`).

Planning an action means deciding who will be responsible for it (6.2 j for objectives; the same
applies to the risk treatment plan of 6.1.3 e and to corrective actions of 10.2 c). An action
without an owner is the classic sign of a plan that exists on paper only: an auditor will ask who
is doing it, and "nobody" is a finding.

An owner id that names no person is reported by \`ref/unresolved\`, not here.

**Fix:** add \`owner: <person id>\` to the action.`,
  data,
  check({ model, report }) {
    for (const action of model.actions) {
      if (action.owner || action.status?.value === "cancelled") continue;
      const name = action.id ? `Action ${action.id.value}` : "This action";
      report({
        file: action.file,
        range: action.id?.range ?? action.range,
        message: `${name} has no owner: add owner: <person id> for the person responsible for completing it.`,
        data: { id: action.id?.value, missing: ["owner"] },
      });
    }
  },
};
