import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the action's id and the missing field. */
const data = shape({ id: optional(text), missing: list(text) });
export type ActionNoOwnerData = DataOf<typeof data>;

/** `action/no-owner`: an action nobody is responsible for. */
export const rule: Rule<ActionNoOwnerData> = {
  id: "action/no-owner",
  severity: "warning",
  clause: "6.1.3 e",
  reads: ["actions"],
  perRecord: "actions",
  description: "An action has no owner: nobody is responsible for completing it.",
  docs: `Checks that every action of the ActionPlan, except cancelled ones, names an \`owner\` (a person
of \`isms.yaml\` \`people\`).

6.1.3 reads: the organization "shall define and apply an information security risk treatment
process to: … e) formulate an information security risk treatment plan", and 8.3: "The organization
shall implement the information security risk treatment plan." The actions of the ActionPlan are
that plan and the corrective actions of 10.2 c ("implement any action needed"). A plan needs
someone to carry it out: an auditor will ask who is doing it, and "nobody" is very likely a
finding. The standard does not say in so many words that each action names an owner (6.2 j, "who
will be responsible", is about objectives), so this is a warning, not an error.

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
