import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./treatment-not-approved.fix";
import { written } from "../anchors";

const FACTS = { risk: optional(text), owner: optional(text), treatment: text };
/** `data` of its findings: the risk, its owner and treatment; then what the approval lacks (`treatment_approval`, `by`, `date`) or who approved instead of the owner. */
const data = shape({ ...FACTS, missing: optional(list(text)), by: optional(text) });
export type TreatmentNotApprovedData = DataOf<typeof data>;

/** `risk/treatment-not-approved`: a treated risk whose treatment plan its risk owner has not approved (6.1.3 f). */
export const rule: Rule<TreatmentNotApprovedData> = {
  id: "risk/treatment-not-approved",
  severity: "error",
  clause: "6.1.3 f",
  data,
  fixes,
  description: "A risk treated by mitigating, avoiding or transferring it has no approval of its treatment plan by its risk owner (treatment_approval missing, incomplete, or by someone else).",
  docs: `ISO/IEC 27001:2022 6.1.3 f: the organization shall define and apply an information security
risk treatment process to "obtain risk owners' approval of the information security risk treatment
plan and acceptance of the residual information security risks". Certification auditors sample
treated risks and ask for the owner's approval of the plan: its absence is one of the most common
nonconformities of stage 2 audits.

This rule reports a risk with \`treatment: mitigate\`, \`avoid\` or \`transfer\` (or 27005's
\`modify\`/\`share\`) when:

- it has no \`treatment_approval\`,
- the approval does not say who approved it (\`by\`) or when (\`date\`), or
- \`by\` is not the risk's \`owner\`: only the risk owner approves the plan for their risk.

A retained risk (\`treatment: accept\`) has no plan to approve: \`risk/acceptance-missing\` checks its
acceptance instead. Record the approval again (a new \`date\`) whenever the treatment changes.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process
to: … f) obtain risk owners' approval of the information security risk treatment plan and acceptance
of the residual information security risks."

**Fix:** once the risk owner has approved the plan, record
\`treatment_approval: { by: <risk owner>, date: YYYY-MM-DD }\` on the risk.`,
  check({ model, report }) {
    for (const risk of model.risks) {
      const treatment = risk.treatment?.value;
      if (!treatment || treatment === "accept") continue; // risk/untreated, schema/invalid, or no plan to approve
      const name = risk.id?.value ?? "(no id)";
      const owner = risk.owner?.id;
      const facts = { risk: risk.id?.value, owner, treatment };
      const approval = risk.treatmentApproval;
      if (!approval) {
        if (written(risk, "treatment_approval")) continue; // not a mapping: schema/invalid
        report({
          file: risk.file,
          range: risk.id?.range ?? risk.range,
          message: `Risk ${name} is treated (${treatment}) but its risk owner's approval of the treatment plan is not recorded: add treatment_approval: { by: ${owner ?? "<risk owner>"}, date: YYYY-MM-DD } (6.1.3 f).`,
          data: { ...facts, missing: ["treatment_approval"] },
        });
        continue;
      }
      const missing = ["by", "date"].filter((key) => !written(approval, key));
      if (missing.length > 0) {
        report({
          file: approval.file,
          range: approval.range,
          message: `The treatment approval of risk ${name} does not say ${missing.map((m) => (m === "by" ? "who approved it (by)" : "when (date)")).join(" or ")}: 6.1.3 f requires the risk owner's approval of the treatment plan.`,
          data: { ...facts, missing },
        });
      }
      const by = approval.by;
      if (by?.resolved && risk.owner?.resolved && by.id !== risk.owner.id) {
        report({
          file: by.file,
          range: by.range,
          message: `The treatment plan of risk ${name} was approved by ${by.id}, but its risk owner is ${risk.owner.id}: the risk owner approves the plan (6.1.3 f).`,
          related: [{ file: risk.owner.file, range: risk.owner.range, message: `risk owner ${risk.owner.id}` }],
          data: { ...facts, by: by.id },
        });
      }
    }
  },
};
