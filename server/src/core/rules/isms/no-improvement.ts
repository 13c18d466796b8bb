import { addMonths, compareDates, type LocalDate } from "../../dates";
import type { Action } from "../../model/types";
import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the start of the twelve months looked at. */
const data = shape({ since: text });
export type NoImprovementData = DataOf<typeof data>;

/** `isms/no-improvement`: no nonconformity, corrective or improvement action in the last 12 months. */
export const rule: Rule<NoImprovementData> = {
  id: "isms/no-improvement",
  severity: "warning",
  clause: "10.1",
  reads: ["documents", "definitions", "actions", "nonconformities", "today"],
  description: "In the last 12 months no nonconformity was raised and no corrective or improvement action was completed or due.",
  docs: `Looks for evidence of improvement in the 12 months up to today: a nonconformity \`raised\` in
that period, or an action that is corrective or improvement (\`type: corrective\`,
\`type: improvement\`, or \`source\` naming a nonconformity), not cancelled, and \`completed\` or
\`due\` in that period.

The organization must continually improve the suitability, adequacy and effectiveness of the ISMS
(10.1) and act on nonconformities (10.2). A year with no nonconformity and no improvement at all is
not proof of a perfect ISMS: auditors read it as audits, reviews and monitoring that are not
finding anything, and probe them.

10.1 reads: "The organization shall continually improve the suitability, adequacy and effectiveness of the information security management system."

**Fix:** record the nonconformities and improvement opportunities your audits, reviews, incidents
and monitoring found (NonconformityLog, ActionPlan with \`type: improvement\`), with their dates.`,
  data,
  check({ model, today, report }) {
    const isms = model.isms;
    if (!isms) return;
    const since = addMonths(today, -12);
    const within = (d: LocalDate | undefined) => d !== undefined && compareDates(d, since) > 0 && compareDates(d, today) <= 0;
    if (model.nonconformities.some((nc) => within(nc.raised?.value))) return;
    const improving = (a: Action) => a.type?.value === "corrective" || a.type?.value === "improvement" || a.source?.resolved?.recordKind === "nonconformity";
    if (model.actions.some((a) => a.status?.value !== "cancelled" && improving(a) && (within(a.completed?.value) || within(a.due?.value)))) return;
    const doc = model.documents.find((d) => d.kind === "ISMS" && d.file === isms.file);
    report({
      file: isms.file,
      range: doc?.kindRange ?? isms.range,
      message: `No nonconformity was raised and no corrective or improvement action was completed or due between ${since} and ${today}: record what audits, reviews, incidents and monitoring found, and the improvements made (10.1, 10.2).`,
      data: { since },
    });
  },
};
