import type { IsmsModel } from "../model/isms-model";
import type { AwarenessActivity, CatalogControl, CompetenceRole, ControlCatalog, IdentifiedRecord, Incident, Measure, Supplier } from "../model/types";
import { listSome, oneLine, personLabel, plural } from "./records";

/**
 * Hover facts of the records of the registers (7.2, 7.3, 9.1, A.5.19-A.5.28) and control catalogs
 * (6.1.3 b), as Markdown list items; undefined for other kinds of record.
 */
export function registerFacts(model: IsmsModel, record: IdentifiedRecord): string[] | undefined {
  switch (record.recordKind) {
    case "control-catalog": {
      const c = record as ControlCatalog;
      return [
        `**Controls:** ${
          c.controls.length
            ? listSome(
                c.controls.flatMap((x) => (x.id ? [`\`${x.id.value}\``] : [])),
                12,
              )
            : "none"
        }`,
      ];
    }
    case "control":
      return catalogControlFacts(record as CatalogControl);
    case "role": {
      const r = record as CompetenceRole;
      const records = model.competenceRecords.filter((x) => x.role?.id === r.id?.value);
      return [
        r.competence.length ? `**Competence:** ${r.competence.map((x) => oneLine(x.value, 80)).join("; ")}` : "**Competence:** not determined (7.2 a)",
        `**People:** ${r.people.length ? r.people.map((p) => personLabel(model, p)).join(", ") : "none"}`,
        `**Records:** ${records.length ? plural(records.length, "record") : "none (7.2 d)"}`,
      ];
    }
    case "awareness": {
      const a = record as AwarenessActivity;
      return [
        a.audience ? `**Audience:** ${a.audience.value}` : undefined,
        `**Completed:** ${a.completed ? a.completed.value : "not yet"}`,
        a.completionRate ? `**Completion rate:** ${a.completionRate.value} %` : undefined,
      ].filter((x): x is string => !!x);
    }
    case "measure": {
      const m = record as Measure;
      const dated = m.results.filter((r) => r.date).sort((a, b) => (a.date!.value < b.date!.value ? 1 : -1));
      const last = dated[0];
      return [
        m.method ? `**Method:** ${oneLine(m.method.value, 120)}` : undefined,
        m.frequencyMonths ? `**Measured:** every ${plural(m.frequencyMonths.value, "month")}${m.measuredBy ? ` by ${personLabel(model, m.measuredBy)}` : ""}` : undefined,
        m.analysedMonths ? `**Evaluated:** every ${plural(m.analysedMonths.value, "month")}${m.evaluatedBy ? ` by ${personLabel(model, m.evaluatedBy)}` : ""}` : undefined,
        m.objective ? `**Objective:** \`${m.objective.id}\`${m.objective.resolved ? "" : " (unresolved)"}` : undefined,
        last
          ? `**Latest result:** ${last.value?.value ?? "?"} on ${last.date!.value}${last.targetMet ? (last.targetMet.value ? " (target met)" : " (**target missed**)") : ""}`
          : "**Latest result:** none",
      ].filter((x): x is string => !!x);
    }
    case "supplier": {
      const s = record as Supplier;
      return [
        s.services ? `**Services:** ${oneLine(s.services.value, 120)}` : undefined,
        s.criticality ? `**Criticality:** ${s.criticality.value}` : undefined,
        s.owner ? `**Owner:** ${personLabel(model, s.owner)}` : undefined,
        s.assets.length ? `**Assets:** ${listSome(s.assets.map((a) => `\`${a.id}\``))}` : undefined,
        s.agreement ? `**Agreement:** ${[s.agreement.path?.value, s.agreement.date ? `of ${s.agreement.date.value}` : undefined].filter(Boolean).join(" ")}` : "**Agreement:** none recorded",
        `**Reviewed:** ${s.reviewed ? `${s.reviewed.value} (every ${plural(s.reviewMonths?.value ?? 12, "month")})` : "never"}`,
      ].filter((x): x is string => !!x);
    }
    case "incident": {
      const i = record as Incident;
      return [
        i.reported ? `**Reported:** ${i.reported.value}` : undefined,
        i.severity ? `**Severity:** ${i.severity.value}` : undefined,
        `**Status:** ${i.status?.value ?? "open"}${i.closed ? ` (closed ${i.closed.value})` : ""}`,
        i.lessonsLearned ? `**Lessons learned:** ${oneLine(i.lessonsLearned.value, 160)}` : "**Lessons learned:** not recorded",
        i.nonconformity ? `**Nonconformity:** \`${i.nonconformity.id}\`${i.nonconformity.resolved ? "" : " (unresolved)"}` : undefined,
        i.risks.length ? `**Risks:** ${listSome(i.risks.map((r) => `\`${r.id}\``))}` : undefined,
      ].filter((x): x is string => !!x);
    }
    default:
      return undefined;
  }
}

/** The catalog and the Annex A controls a catalog control maps to. */
export function catalogControlFacts(control: CatalogControl): string[] {
  const catalog = control.catalog.title?.value ?? control.catalog.id?.value;
  return [
    `**Catalog:** ${catalog ?? "unnamed"}${control.catalog.id && catalog !== control.catalog.id.value ? ` (\`${control.catalog.id.value}\`)` : ""}`,
    `**Maps to:** ${control.mapsTo.length ? control.mapsTo.map((c) => c.id).join(", ") : "no Annex A control"}`,
  ];
}
