import { modelIndex } from "../../model/model-index";
import type { Action } from "../../model/types";
import { list, nullable, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./no-corrective-action.fix";

/** `data` of its findings: the nonconformity's id and the ids of the actions it lists (none corrective). */
const data = shape({ id: optional(text), actions: list(optional(nullable(text))) });
export type NoCorrectiveActionData = DataOf<typeof data>;

/** `nc/no-corrective-action`: an open nonconformity with no corrective action. */
export const rule: Rule<NoCorrectiveActionData> = {
  id: "nc/no-corrective-action",
  severity: "warning",
  clause: "10.2 c",
  reads: ["actions", "nonconformities"],
  description: "A nonconformity has no corrective action: none listed under actions, and no action of type corrective names it as its source.",
  docs: `Checks that every nonconformity that is not closed has at least one corrective action: an
action listed under its \`actions\`, or an action whose \`source\` is the nonconformity. Such
actions count unless their \`type\` says they are something else (\`treatment\`, \`improvement\`).
Closed nonconformities are checked by \`nc/closed-incomplete\`.

ISO/IEC 27001 requires the organization to implement any action needed to eliminate the cause of a
nonconformity so that it does not recur or occur elsewhere (10.2 c), and to keep evidence of the
actions taken (10.2 f). A nonconformity with a correction but no corrective action has been fixed
once, not prevented.

Action ids that name no action are reported by \`ref/unresolved\`.

10.2 reads: "When a nonconformity occurs, the organization shall: … c) implement any action needed".

**Fix:** add a corrective action to the ActionPlan (\`type: corrective\`, with an owner and a due
date) and list its id under the nonconformity's \`actions\`.`,
  data,
  fixes,
  check({ model, report }) {
    for (const nc of model.nonconformities) {
      if (nc.status?.value === "closed" || nc.noCorrectiveAction) continue;
      const listed = nc.actions.map((r) => r.resolved).filter((a): a is Action => a?.recordKind === "action");
      if (nc.actions.length > 0 && listed.length === 0) continue; // only dangling ids: ref/unresolved
      const sourced = modelIndex(model)
        .actionsFrom(nc)
        .filter((a) => a.type === undefined || a.type.value === "corrective");
      if (sourced.length > 0) continue;
      if (listed.some((a) => a.type === undefined || a.type.value === "corrective")) continue;
      const name = nc.id ? `Nonconformity ${nc.id.value}` : "This nonconformity";
      const message =
        listed.length === 0
          ? `${name} has no corrective action: add a corrective action that removes its cause and list it under actions (10.2 c).`
          : `${name} lists no corrective action, only ${listed.map((a) => `${a.id?.value ?? "an action"} (${a.type?.value})`).join(", ")}: add an action of type corrective that removes its cause (10.2 c).`;
      report({
        file: nc.file,
        range: nc.id?.range ?? nc.range,
        message,
        related: listed.map((a) => ({ file: a.file, range: a.type?.range ?? a.id?.range ?? a.range, message: `${a.id?.value ?? "Action"} is of type ${a.type?.value}.` })),
        data: { id: nc.id?.value, actions: listed.map((a) => a.id?.value) },
      });
    }
  },
};
