import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./treatment-not-approved.fix";
import { written } from "../anchors";
import { compareDates } from "../../dates";
import { changesOf, lastChange, priorKey, type LineChange, type PriorTexts } from "../../history/line-history";
import type { Finding } from "../../findings";
import { planOf, priorPlans } from "../../history/prior-plans";
import type { Risk } from "../../model/types";
import type { Range } from "../../text/range";

const FACTS = { risk: optional(text), owner: optional(text), treatment: text };
/**
 * `data` of its findings: the risk, its owner and treatment; then what the approval lacks
 * (`treatment_approval`, `by`, `date`), who approved instead of the owner, or the approval's date
 * and the later day its treatment changed (`approved`, `changed`: YYYY-MM-DD) with the register as
 * it was when the approval was recorded (`prior`: `<commit>:<path>`, see `priorKey`; the caller
 * reads that text so the next check compares the plans).
 */
const data = shape({ ...FACTS, missing: optional(list(text)), by: optional(text), approved: optional(text), changed: optional(text), prior: optional(text) });
export type TreatmentNotApprovedData = DataOf<typeof data>;

/** `risk/treatment-not-approved`: a treated risk whose treatment plan its risk owner has not approved (6.1.3 f). */
export const rule: Rule<TreatmentNotApprovedData> = {
  id: "risk/treatment-not-approved",
  severity: "error",
  clause: "6.1.3 f",
  reads: ["people", "risks", "today", "lineHistory", "priorTexts"],
  perRecord: "risks",
  data,
  fixes,
  description: "A mitigated, avoided or transferred risk lacks its risk owner's approval of the treatment plan, or the plan changed in git after the approval.",
  docs: `ISO/IEC 27001:2022 6.1.3 f: the organization shall define and apply an information security
risk treatment process to "obtain risk owners' approval of the information security risk treatment
plan and acceptance of the residual information security risks". Certification auditors sample
treated risks and ask for the owner's approval of the plan: its absence is one of the most common
nonconformities of stage 2 audits.

This rule reports a risk with \`treatment: mitigate\`, \`avoid\` or \`transfer\` (or 27005's
\`modify\`/\`share\`) when:

- it has no \`treatment_approval\`,
- the approval does not say who approved it (\`by\`) or when (\`date\`), or
- \`by\` is not the risk's \`owner\`: only the risk owner approves the plan for their risk, or
- its treatment changed in git after the approval: the owner approved another plan than the one
  written. The treatment is the \`treatment\`, \`controls\` and \`actions\` lines of the risk
  (\`git blame -w\`). It is reported when a commit that changed one of them came after the commit
  that recorded the approval's \`date\`, is dated after that date (and not after today), is not
  the commit that created the risk (a register imported into git with its past approvals is not a
  change), and the plan now differs from the plan in that commit: the same decision, controls and
  actions written another way (quoted, reordered, as a block list) or a change reverted is no change. Lines not committed yet do
  not count; without git, or for a file with unsaved edits in the editor, this part is not checked.

A retained risk (\`treatment: accept\`) has no plan to approve: \`risk/acceptance-missing\` checks its
acceptance instead. Record the approval again (a new \`date\`) whenever the treatment changes.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process
to: … f) obtain risk owners' approval of the information security risk treatment plan and acceptance
of the residual information security risks."

**Fix:** once the risk owner has approved the plan, record
\`treatment_approval: { by: <risk owner>, date: YYYY-MM-DD }\` on the risk.`,
  check({ model, lineHistory, priorTexts, today, report }) {
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
      const approved = approval.date?.value;
      const history = lineHistory?.get(risk.file);
      if (approved && approval.date && history) {
        // A change recorded after the approval was recorded, later than the approval's date (and
        // not after today): not the commit that created the risk or recorded its approval.
        const recorded = lastChange(history, [approval.date.range]);
        const created = risk.id ? lastChange(history, [risk.id.range]) : undefined;
        const after = (c: LineChange) =>
          recorded !== undefined && c.commit !== recorded.commit && c.time >= recorded.time && c.commit !== created?.commit && compareDates(c.day, approved) > 0 && compareDates(c.day, today) <= 0;
        const change = (changesOf(history, treatmentRanges(risk)) ?? []).filter(after).sort((a, b) => b.time - a.time)[0];
        // The plan as written when the approval was recorded: unchanged (reformatted, reordered,
        // reverted) is no change. Until the caller has read that text, the finding asks for it.
        const prior = recorded ? priorKey(recorded) : undefined;
        const before = prior !== undefined ? priorTexts?.get(prior) : undefined;
        const unchanged = before !== undefined && risk.id !== undefined && priorPlans(before).get(risk.id.value) === planOf(risk);
        if (change && !unchanged) {
          report({
            file: approval.file,
            range: approval.date.range,
            message: `The treatment of risk ${name} changed on ${change.day} (commit ${change.commit.slice(0, 7)}), after its approval on ${approved}: the risk owner approved another plan. Record the owner's approval of the plan as it stands (6.1.3 f).`,
            data: { ...facts, approved, changed: change.day, prior },
          });
        }
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

/** The lines of a risk's treatment plan: its `treatment` decision, its `controls` and its `actions`. */
function treatmentRanges(risk: Risk): Range[] {
  return [risk.treatment?.range, ...risk.controls.map((c) => c.range), ...risk.actions.map((a) => a.range)].filter((r): r is Range => r !== undefined);
}

/**
 * The earlier texts (`<commit>:<path>`, see `priorKey`) that this rule's findings ask the caller
 * to read from git and pass as `priorTexts` to the next check, leaving out those in `known`.
 */
export function askedPriorTexts(findings: readonly Finding[], known?: PriorTexts): string[] {
  let named = namedBy.get(findings);
  if (!named) {
    const asked = new Set<string>();
    for (const f of findings) {
      const prior = f.rule === rule.id ? f.data?.prior : undefined;
      if (typeof prior === "string") asked.add(prior);
    }
    namedBy.set(findings, (named = [...asked]));
  }
  return known ? named.filter((prior) => !known.has(prior)) : named;
}

/** The earlier texts each list of findings names, kept per list (a file whose findings did not change keeps its list). */
const namedBy = new WeakMap<readonly Finding[], string[]>();
