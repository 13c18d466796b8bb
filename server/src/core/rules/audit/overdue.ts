import { cadenceAnchor, dueByCadence, everyMonths, lastCompletedAudit } from "../../model/cadence";
import { pluralDays } from "../../dates";
import { count, nullable, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the date of the last audit (`null` with none), when the next was due, how late it is and the cadence in months. */
const data = shape({ lastPerformed: nullable(text), due: optional(text), daysOverdue: optional(count), cadence: count });
export type AuditOverdueData = DataOf<typeof data>;

/** `audit/overdue`: no internal audit completed within the audit cadence. */
export const rule: Rule<AuditOverdueData> = {
  id: "audit/overdue",
  severity: "error",
  clause: "9.2.1",
  reads: ["documents", "definitions", "audits", "today"],
  description: "No internal audit has been completed within the internal audit cadence (cadence.internal_audit months, default 12).",
  docs: `Checks that the latest internal audit with \`status: completed\` and a \`performed\` date is
no older than \`cadence.internal_audit\` months (\`isms.yaml\`, default 12). The next audit is due
on the day the cadence runs out; it is overdue from the day after. Audits dated after today are
ignored.

ISO/IEC 27001 requires internal audits at planned intervals (9.2.1). Certification bodies expect
at least one full internal audit cycle before stage 2 and in every surveillance year; a lapsed
audit programme is a major nonconformity.

The finding is on the \`kind\` of the InternalAudit document (or of \`isms.yaml\` when there is
none).

9.2.1 reads: "The organization shall conduct internal audits at planned intervals to provide information on whether the information security management system: a) conforms to …; b) is effectively implemented and maintained."

**Fix:** perform the internal audit and record it with \`status: completed\` and its
\`performed\` date, or change \`cadence.internal_audit\` if the programme plans another interval.`,
  data,
  check({ model, today, report }) {
    const cadence = model.isms?.cadence.internalAudit ?? 12;
    const latest = lastCompletedAudit(model, today);
    const next = latest ? dueByCadence(latest.performed.value, cadence, today) : undefined;
    if (next && !next.overdue) return;

    const anchor = cadenceAnchor(model, "InternalAudit", latest?.file);
    if (!anchor) return;
    const every = everyMonths(cadence);
    if (latest && next) {
      const { due, daysOverdue: days } = next;
      report({
        ...anchor,
        message: `The internal audit is ${pluralDays(days)} overdue: the last completed internal audit${latest.id ? `, ${latest.id.value},` : ""} was performed on ${latest.performed.value}, and with audits ${every} the next was due on ${due}. Perform and record the next internal audit (9.2.1).`,
        related: [{ file: latest.file, range: latest.performed.range, message: "Last completed internal audit." }],
        data: { lastPerformed: latest.performed.value, due, daysOverdue: days, cadence },
      });
      return;
    }
    const undated = model.audits.filter((a) => a.status?.value === "completed" && !a.performed);
    const note =
      undated.length > 0
        ? ` (${undated.map((a) => a.id?.value ?? "an audit").join(", ")} ${undated.length === 1 ? "is" : "are"} marked completed but ${undated.length === 1 ? "has" : "have"} no performed date)`
        : "";
    report({
      ...anchor,
      message: `There is no completed internal audit${note}: internal audits must be conducted at planned intervals (${every} here). Perform one and record it with status: completed and its performed date (9.2.1).`,
      related: undated.map((a) => ({ file: a.file, range: a.status?.range ?? a.id?.range ?? a.range, message: "Completed without a performed date." })),
      data: { lastPerformed: null, cadence },
    });
  },
};
