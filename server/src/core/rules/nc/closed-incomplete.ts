import { modelIndex } from "../../model/model-index";
import type { Action, Nonconformity } from "../../model/types";
import type { RelatedLocation } from "../../findings";
import type { IsmsModel } from "../../model/isms-model";
import { list, nullable, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** The corrective actions of a nonconformity: those it lists (unless typed otherwise) and those naming it as source. */
function correctiveActions(model: IsmsModel, nc: Nonconformity): { listed: Action[]; corrective: Action[] } {
  const listed = nc.actions.map((r) => r.resolved).filter((a): a is Action => a?.recordKind === "action");
  const corrective = listed.filter((a) => a.type === undefined || a.type.value === "corrective");
  for (const a of modelIndex(model).actionsFrom(nc)) {
    if ((a.type === undefined || a.type.value === "corrective") && !corrective.includes(a)) corrective.push(a);
  }
  return { listed, corrective };
}

/** True when the action is done and verified effective, directly or through its chain of follow-ups. */
function effective(action: Action, seen = new Set<Action>()): boolean {
  if (seen.has(action)) return false;
  seen.add(action);
  if (action.status?.value !== "done") return false;
  const verdict = action.verification?.effective?.value;
  if (verdict === true) return true;
  const next = action.followUp?.resolved;
  return verdict === false && next?.recordKind === "action" ? effective(next as Action, seen) : false;
}

/** `data` of its findings: the nonconformity's id, what it lacks and its unfinished actions. */
const data = shape({ id: optional(text), missing: list(text), unfinishedActions: list(optional(nullable(text))) });
export type ClosedIncompleteData = DataOf<typeof data>;

/** `nc/closed-incomplete`: a nonconformity closed before its handling was complete. */
export const rule: Rule<ClosedIncompleteData> = {
  id: "nc/closed-incomplete",
  severity: "error",
  clause: "10.2",
  reads: ["actions", "nonconformities"],
  description:
    "A nonconformity is closed but its record lacks the correction, root cause, similar-elsewhere check, corrective actions (or the decision that none is needed) or their effectiveness review.",
  docs: `Checks every nonconformity with \`status: closed\`. Closing requires the whole of 10.2 to be
recorded:

- \`correction\`: how it was controlled and corrected (10.2 a);
- \`root_cause\`: its cause(s) (10.2 b 1, 2);
- \`similar_elsewhere\`: whether similar nonconformities exist or could occur (10.2 b 3);
- \`actions\`: at least one corrective action (10.2 c), unless \`no_corrective_action\` records
  the decision that none is needed, and why;
- every corrective action \`done\` and verified \`effective: true\` — or, when found not effective,
  its \`follow_up\` action done and effective (10.2 d, e).

Everything missing is listed in one finding on the \`status\` value. 10.2 reads: "When a
nonconformity occurs, the organization shall: a) react to the nonconformity …; b) evaluate the need
for action to eliminate the cause(s) of nonconformity …; c) implement any action needed; d) review
the effectiveness of any corrective action taken", and "Documented information shall be available
as evidence of: f) the nature of the nonconformities and any subsequent actions taken; g) the
results of any corrective action." The standard asks to *evaluate the need* for corrective action:
a nonconformity closed with a recorded decision that none is needed (\`no_corrective_action\`) is
complete. A closed nonconformity without a \`closed\` date is reported apart, as info: no "shall"
asks for the date.

**Fix:** complete the missing fields, or set \`status: open\` until the handling is finished.`,
  data,
  check({ model, report }) {
    for (const nc of model.nonconformities) {
      if (nc.status?.value !== "closed") continue;
      const missing: string[] = [];
      const parts: string[] = [];
      const related: RelatedLocation[] = [];
      const unfinished: (string | undefined)[] = [];
      const need = (present: unknown, field: string, words: string) => {
        if (present) return;
        missing.push(field);
        parts.push(words);
      };
      need(nc.correction, "correction", "correction (10.2 a)");
      need(nc.rootCause, "root_cause", "root_cause (10.2 b)");
      need(nc.similarElsewhere, "similar_elsewhere", "similar_elsewhere (10.2 b 3)");
      const { listed, corrective } = correctiveActions(model, nc);
      const dangling = nc.actions.length > 0 && listed.length === 0;
      if (corrective.length === 0 && !dangling && !nc.noCorrectiveAction) {
        missing.push("actions");
        parts.push(
          listed.length === 0
            ? "a corrective action under actions (10.2 c)"
            : `a corrective action under actions: ${listed.map((a) => `${a.id?.value ?? "an action"} is ${a.type?.value}`).join(", ")} (10.2 c)`,
        );
      }
      for (const a of corrective) {
        if (effective(a)) continue;
        const id = a.id?.value ?? "a corrective action";
        const status = a.status?.value;
        const verdict = a.verification?.effective?.value;
        const problem =
          status !== "done"
            ? `${id} is ${status ? status : "not marked done"}`
            : verdict === undefined
              ? `${id} has no effectiveness review (verification.effective) (10.2 d)`
              : `${id} was found not effective${a.followUp ? " and its follow-up is not done and effective" : " and has no follow_up action"} (10.2 d, e)`;
        unfinished.push(a.id?.value);
        parts.push(problem);
        related.push({ file: a.file, range: (status !== "done" ? a.status?.range : (a.verification?.effective?.range ?? a.verification?.range)) ?? a.id?.range ?? a.range, message: problem });
      }
      const name = nc.id ? `Nonconformity ${nc.id.value}` : "This nonconformity";
      if (!nc.closed) {
        report({
          file: nc.file,
          range: nc.status.range,
          severity: "info",
          message: `${name} is closed but records no closed date: add closed: YYYY-MM-DD so the time to close it can be shown.`,
          data: { id: nc.id?.value, missing: ["closed"], unfinishedActions: [] },
        });
      }
      if (missing.length === 0 && unfinished.length === 0) continue;
      report({
        file: nc.file,
        range: nc.status.range,
        message: `${name} is closed but its handling is incomplete: ${parts.join("; ")}. Complete the record or reopen it (status: open).`,
        related,
        data: { id: nc.id?.value, missing, unfinishedActions: unfinished },
      });
    }
  },
};
