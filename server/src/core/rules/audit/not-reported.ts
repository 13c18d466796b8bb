import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the audit's id and what its report lacks. */
const data = shape({ id: optional(text), missing: list(text) });
export type NotReportedData = DataOf<typeof data>;

/** `audit/not-reported`: a completed internal audit whose results were not reported to management. */
export const rule: Rule<NotReportedData> = {
  id: "audit/not-reported",
  severity: "warning",
  clause: "9.2.2 c",
  reads: ["audits"],
  description: "A completed internal audit does not record to whom (a management review or a person of relevant management) and when its results were reported.",
  docs: `Checks that every internal audit with \`status: completed\` has
\`reported: { to: <management review or person id>, date: YYYY-MM-DD }\`.

9.2.2 c reads: the organization shall "ensure that the results of the audits are reported to
relevant management". \`to\` names the management review where they were presented, or the person
of relevant management (in \`people\`) they were reported to; audit results are also an input of
the management review (9.3.2 d 3). An audit whose results were never reported had no effect on the
ISMS.

A \`to\` id that names neither a management review nor a person is reported by \`ref/unresolved\`.

**Fix:** report the results (normally at the next management review) and record
\`reported: { to: <review or person id>, date: YYYY-MM-DD }\`.`,
  data,
  check({ model, report }) {
    for (const audit of model.audits) {
      if (audit.status?.value !== "completed") continue;
      const missing: string[] = [];
      if (!audit.reported?.to) missing.push("reported.to");
      if (!audit.reported?.date) missing.push("reported.date");
      if (missing.length === 0) continue;
      const name = audit.id ? `Internal audit ${audit.id.value}` : "This internal audit";
      const message = audit.reported
        ? `${name} records its reporting without ${missing.length === 2 ? "to whom (to) and when (date)" : missing[0] === "reported.to" ? "to whom it was reported (to)" : "the date it was reported (date)"}: complete reported: { to: <review or person id>, date: YYYY-MM-DD } (9.2.2 c).`
        : `${name} is completed but its results are not recorded as reported to management: add reported: { to: <review or person id>, date: YYYY-MM-DD } (9.2.2 c).`;
      report({
        file: audit.file,
        range: audit.reported?.range ?? audit.id?.range ?? audit.range,
        message,
        data: { id: audit.id?.value, missing },
      });
    }
  },
};
