import { addMonths, compareDates } from "../../dates";
import { TOP_LEVEL_CLAUSES } from "../../catalog/catalog";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the clauses and applicable controls no audit of the cycle covers. */
const data = shape({ clauses: list(text), controls: list(text) });
export type CoverageGapData = DataOf<typeof data>;

/** `audit/coverage-gap`: the audits of the current cadence window leave clauses or applicable controls unaudited. */
export const rule: Rule<CoverageGapData> = {
  id: "audit/coverage-gap",
  severity: "warning",
  clause: "9.2.2",
  reads: ["documents", "definitions", "soaEntries", "audits", "today"],
  description: "The audits of the last audit cycle do not cover every requirement clause 4.1 to 10.2, or those of the audit programme every applicable Annex A control.",
  docs: `Takes the internal audits with \`status: completed\` performed up to today and checks that
together their \`scope\` covers:

- every **requirement clause** of clauses 4 to 10 (4.1, 4.2 … 9.2.1, 9.2.2 … 10.2), by the audits
  of the last \`cadence.internal_audit\` months (default 12). A scope entry covers the requirement
  clauses it names or contains: \`"7"\` covers 7.1 to 7.5.3, \`"7.5"\` covers 7.5.1 to 7.5.3, but
  \`"7.1"\` covers only 7.1 (auditing resources does not audit documented information);
- every control marked \`applicable: true\` in the Statement of Applicability, by the audits of the
  last \`cadence.audit_programme\` months (default 36): a control is covered when a scope lists it
  or its whole theme (\`A.5\`, \`A.6\`, \`A.7\`, \`A.8\`). Certification bodies accept a risk-based
  programme that audits every applicable control once in the three-year certification cycle.

An audit performed exactly one cadence ago still counts on that day, like \`audit/overdue\`. When no
audit was completed in the last \`cadence.internal_audit\` months at all, \`audit/overdue\` reports it
and this rule is silent.

9.2.1 reads: "The organization shall conduct internal audits at planned intervals to provide
information on whether the information security management system: a) conforms to … the
requirements of this document". 9.2.2 reads: the organization "shall plan, establish, implement
and maintain an audit programme(s)" and "shall: a) define the audit criteria and scope for each
audit". A requirement or applicable control left out of every audit of the cycle is part of the
ISMS that has not been audited: an auditor would very likely raise it (warning).

**Fix:** plan an audit whose \`scope.clauses\` and \`scope.controls\` cover what is missing (the
finding lists it), or widen the scope of a planned audit. For a programme that spreads the Annex A
controls over a different period, set \`cadence.audit_programme\` in \`isms.yaml\`.`,
  data,
  check({ model, today, report }) {
    const cadence = model.isms?.cadence.internalAudit ?? 12;
    const programme = model.isms?.cadence.auditProgramme ?? 36;
    const completedWithin = (months: number) =>
      model.audits.filter((a) => {
        const performed = a.performed?.value;
        return a.status?.value === "completed" && performed !== undefined && compareDates(performed, today) <= 0 && compareDates(today, addMonths(performed, months)) <= 0;
      });
    const audits = completedWithin(cadence);
    if (audits.length === 0) return; // audit/overdue
    const programmeAudits = completedWithin(Math.max(programme, cadence));

    const scopeClauses = audits.flatMap((a) => a.scopeClauses.map((c) => c.value.trim().split(/\s+/)[0]));
    const requirements = model.catalog.clauses.map((c) => c.id).filter((id) => !TOP_LEVEL_CLAUSES.some((t) => t.id === id));
    const covers = (scope: string, id: string) => scope === id || id.startsWith(`${scope}.`) || scope.startsWith(`${id}.`);
    const clauses = requirements.filter((id) => !scopeClauses.some((scope) => covers(scope, id)));

    const scopeControls = programmeAudits.flatMap((a) => a.scopeControls);
    const covered = (id: string) => scopeControls.some((c) => (c.theme ? id.startsWith(`${c.id}.`) : c.id === id));
    const applicable = new Set<string>();
    for (const entry of model.soaEntries) {
      if (entry.applicable?.value !== true || !entry.control || entry.control.theme || !model.catalog.control(entry.control.id)) continue;
      applicable.add(entry.control.id);
    }
    const controls = [...applicable].filter((id) => !covered(id)).sort((a, b) => model.catalog.orderOf(a) - model.catalog.orderOf(b));
    if (clauses.length === 0 && controls.length === 0) return;
    const doc = model.documents.find((d) => d.kind === "InternalAudit");
    if (!doc) return;
    const months = (n: number) => (n === 1 ? "month" : `${n} months`);
    const ids = (list: typeof audits) => list.map((a) => a.id?.value).filter((id): id is string => !!id);
    const parts: string[] = [];
    if (clauses.length > 0) {
      parts.push(
        `the internal audits of the last ${months(cadence)}${ids(audits).length ? ` (${ids(audits).join(", ")})` : ""} do not cover requirement clause${clauses.length === 1 ? "" : "s"} ${listSome(clauses)}`,
      );
    }
    if (controls.length > 0) {
      parts.push(
        `the audit programme of the last ${months(Math.max(programme, cadence))}${ids(programmeAudits).length ? ` (${ids(programmeAudits).join(", ")})` : ""} does not cover ${controls.length} applicable Annex A control${controls.length === 1 ? "" : "s"} (${listSome(controls)})`,
      );
    }
    const message = parts.join("; ");
    report({
      file: doc.file,
      range: doc.kindRange ?? doc.range,
      message: `${message.charAt(0).toUpperCase()}${message.slice(1)}: add them to the scope of an audit in the cycle (9.2.2).`,
      related: programmeAudits.map((a) => ({ file: a.file, range: a.scopeRange ?? a.id?.range ?? a.range, message: `Scope of ${a.id?.value ?? "this audit"}.` })),
      data: { clauses, controls },
    });
  },
};

/** "A.7.1, A.7.2, … A.7.11, and 3 more": at most ten, then a count. */
function listSome(items: string[]): string {
  return `${items.slice(0, 10).join(", ")}${items.length > 10 ? `, and ${items.length - 10} more` : ""}`;
}
