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
  description: "The internal audits completed within the last audit cycle do not cover every clause 4 to 10 and every applicable Annex A control.",
  docs: `Takes the internal audits with \`status: completed\` performed within the last
\`cadence.internal_audit\` months (default 12; an audit performed exactly one cadence ago still
counts on that day, like \`audit/overdue\`) and checks that together their \`scope\` covers:

- every clause 4 to 10: a clause is covered by itself or any of its sub-clauses
  (\`"9.2"\` covers clause 9; \`"9"\` covers all of 9);
- every control marked \`applicable: true\` in the Statement of Applicability: a control is covered
  when the scope lists it or its whole theme (\`A.5\`, \`A.6\`, \`A.7\`, \`A.8\`).

When no audit was completed in the cycle at all, \`audit/overdue\` reports it and this rule is
silent.

The audit programme must determine whether the ISMS conforms to the organization's own
requirements and to the standard (9.2.1) and define each audit's scope (9.2.2 a). A certification
body will look for evidence that every requirement and every applicable control is audited within
the audit cycle; a gap means part of the ISMS has never been checked.

**Fix:** plan an audit whose \`scope.clauses\` and \`scope.controls\` cover what is missing (the
finding lists it), or widen the scope of a planned audit. If your programme deliberately spreads
coverage over a longer cycle, change the severity of this rule in \`isms.yaml\` \`rules:\`.`,
  data,
  check({ model, today, report }) {
    const cadence = model.isms?.cadence.internalAudit ?? 12;
    const audits = model.audits.filter((a) => {
      const performed = a.performed?.value;
      return a.status?.value === "completed" && performed !== undefined && compareDates(performed, today) <= 0 && compareDates(today, addMonths(performed, cadence)) <= 0;
    });
    if (audits.length === 0) return; // audit/overdue

    const scopeClauses = audits.flatMap((a) => a.scopeClauses.map((c) => c.value.trim()));
    const clauses = TOP_LEVEL_CLAUSES.map((c) => c.id).filter((top) => !scopeClauses.some((c) => c === top || c.startsWith(`${top}.`)));

    const scopeControls = audits.flatMap((a) => a.scopeControls);
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
    const parts: string[] = [];
    if (clauses.length > 0) parts.push(`clause${clauses.length === 1 ? "" : "s"} ${listWords(clauses)}`);
    if (controls.length > 0) {
      const shown = controls.slice(0, 10).join(", ");
      parts.push(`${controls.length} applicable Annex A control${controls.length === 1 ? "" : "s"} (${shown}${controls.length > 10 ? `, and ${controls.length - 10} more` : ""})`);
    }
    const ids = audits.map((a) => a.id?.value).filter((id): id is string => !!id);
    report({
      file: doc.file,
      range: doc.kindRange ?? doc.range,
      message: `The internal audits of the last ${cadence === 1 ? "month" : `${cadence} months`}${ids.length ? ` (${ids.join(", ")})` : ""} do not cover ${parts.join(" and ")}: add them to the scope of an audit in this cycle (9.2.2).`,
      related: audits.map((a) => ({ file: a.file, range: a.scopeRange ?? a.id?.range ?? a.range, message: `Scope of ${a.id?.value ?? "this audit"}.` })),
      data: { clauses, controls },
    });
  },
};

/** "4", "4 and 6", "4, 6 and 8". */
function listWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
