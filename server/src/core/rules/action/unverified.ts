import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the action's id and the missing fields. */
const data = shape({ id: optional(text), missing: list(text) });
export type UnverifiedData = DataOf<typeof data>;

/** `action/unverified`: a done corrective action whose effectiveness was not reviewed. */
export const rule: Rule<UnverifiedData> = {
  id: "action/unverified",
  severity: "warning",
  clause: "10.2 d",
  reads: ["actions"],
  perRecord: "actions",
  description: "A done corrective action has no complete effectiveness review (verification by, date, effective), or was found ineffective without a follow-up action.",
  docs: `Checks every action of \`type: corrective\` whose \`status\` is \`done\`:

- it has a \`completed\` date, and a \`verification\` with \`by\` (who reviewed it), \`date\` and
  \`effective\` (true or false);
- when \`verification.effective\` is \`false\`, it names a \`follow_up\` action.

ISO/IEC 27001 asks not only that corrective actions are taken but that their effectiveness is
reviewed (10.2 d), and that the ISMS is changed if necessary (10.2 e); the results of corrective
actions must be kept as documented information (10.2 g). A corrective action marked done with no
review is the most common 10.2 finding in certification audits. Treatment and improvement actions
are not checked here.

A \`follow_up\` id that names no action is reported by \`ref/unresolved\`.

10.2 reads: "When a nonconformity occurs, the organization shall: … d) review the effectiveness of any corrective action taken".

**Fix:** once the action has had time to work, check whether the nonconformity recurred and record
\`verification: { by: <person>, date: YYYY-MM-DD, effective: true }\`. If it did not work, record
\`effective: false\` and add a \`follow_up: <action id>\` action.`,
  data,
  check({ model, report }) {
    for (const action of model.actions) {
      if (action.type?.value !== "corrective" || action.status?.value !== "done") continue;
      const name = action.id ? `Corrective action ${action.id.value}` : "This corrective action";
      const v = action.verification;
      const missing: string[] = [];
      if (!action.completed) missing.push("completed");
      if (!v?.by) missing.push("verification.by");
      if (!v?.date) missing.push("verification.date");
      if (!v?.effective) missing.push("verification.effective");
      if (missing.length > 0) {
        const what = !v
          ? `${action.completed ? "" : "no completed date and "}no verification of its effectiveness: add verification: { by: <person>, date: YYYY-MM-DD, effective: true|false }`
          : `no ${missing.join(", ")}: record ${missing.length === 1 ? "it" : "them"} so the effectiveness review is complete`;
        report({
          file: action.file,
          range: action.status!.range,
          message: `${name} is done but has ${what} (10.2 d).`,
          data: { id: action.id?.value, missing },
        });
      }
      if (v?.effective?.value === false && !action.followUp) {
        report({
          file: action.file,
          range: v.effective.range,
          message: `${name} was found not effective${v.date ? ` on ${v.date.value}` : ""} but names no follow_up action: add follow_up: <action id> for what will be done instead (10.2 d, e).`,
          data: { id: action.id?.value, missing: ["follow_up"] },
        });
      }
    }
  },
};
