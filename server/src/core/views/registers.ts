import { compareDates } from "../dates";
import type { Finding } from "../findings";
import type { IsmsModel } from "../model/isms-model";
import type { IdentifiedRecord, Reference } from "../model/types";
import type { Location } from "../text/range";
import type { Locate, RegisterGroup, RegisterItem, RegistersView } from "./types";

/**
 * The registers of an ISMS for the Registers view: competence roles (7.2), awareness activities
 * (7.3), measures (9.1), suppliers (A.5.19-A.5.22) and incidents (A.5.24-A.5.28), each record with a
 * short state and whether an error or warning lies in it. Linear: the findings are indexed by file
 * and line once.
 */
export function registersView<L = Location>(model: IsmsModel, findings: readonly Finding[], locate: Locate<L>): RegistersView<L> {
  const flagged = new Set<string>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    for (let line = f.range.start.line; line <= f.range.end.line && line < f.range.start.line + 1000; line++) flagged.add(`${f.file}\u0000${line}`);
  }
  const attention = (r: IdentifiedRecord) => {
    for (let line = r.range.start.line; line <= r.range.end.line; line++) if (flagged.has(`${r.file}\u0000${line}`)) return true;
    return false;
  };
  const item = (r: IdentifiedRecord, title: string | undefined, state: string | undefined, details: [string, string | undefined][]): RegisterItem<L> => ({
    id: r.id?.value ?? "",
    title,
    state,
    attention: attention(r),
    // Only the values present: an absent value in an array would cross JSON as null.
    details: details.filter((d): d is [string, string] => d[1] !== undefined && d[1] !== ""),
    location: locate({ file: r.file, range: r.range }),
  });
  const ids = (refs: Reference[]) => refs.map((x) => x.id).join(", ") || undefined;
  const recordsByRole = new Map<string, number>();
  for (const rec of model.competenceRecords) if (rec.role) recordsByRole.set(rec.role.id, (recordsByRole.get(rec.role.id) ?? 0) + 1);

  const groups: RegisterGroup<L>[] = [
    {
      key: "competence",
      label: "Competence",
      clause: "7.2",
      present: model.competenceRegisters.length > 0,
      items: model.roles
        .filter((r) => r.id)
        .map((r) =>
          item(
            r,
            r.title?.value,
            `${r.people.length} ${r.people.length === 1 ? "person" : "people"}, ${recordsByRole.get(r.id!.value) ?? 0} ${(recordsByRole.get(r.id!.value) ?? 0) === 1 ? "record" : "records"}`,
            [
              ["Competence", r.competence.map((c) => c.value).join("; ") || undefined],
              ["People", ids(r.people)],
            ],
          ),
        ),
    },
    {
      key: "awareness",
      label: "Awareness",
      clause: "7.3",
      present: model.competenceRegisters.length > 0,
      items: model.awareness
        .filter((a) => a.id)
        .map((a) =>
          item(a, a.title?.value, a.completed ? `completed ${a.completed.value}` : "not completed", [
            ["Audience", a.audience?.value],
            ["Completion rate", a.completionRate ? `${a.completionRate.value} %` : undefined],
          ]),
        ),
    },
    {
      key: "measures",
      label: "Measures",
      clause: "9.1",
      present: model.monitoringPlans.length > 0,
      items: model.measures
        .filter((m) => m.id)
        .map((m) => {
          const last = m.results.reduce<string | undefined>((latest, r) => (r.date && (!latest || compareDates(r.date.value, latest) > 0) ? r.date.value : latest), undefined);
          return item(m, m.what?.value, last ? `last result ${last}` : "no result", [
            ["Method", m.method?.value],
            ["Every", m.frequencyMonths ? `${m.frequencyMonths.value} months` : undefined],
            ["Measured by", m.measuredBy?.id],
            ["Evaluated by", m.evaluatedBy?.id],
            ["Objective", m.objective?.id],
          ]);
        }),
    },
    {
      key: "suppliers",
      label: "Suppliers",
      clause: "A.5.19-A.5.22",
      present: model.supplierRegisters.length > 0,
      items: model.suppliers
        .filter((s) => s.id)
        .map((s) =>
          item(s, s.name?.value, [s.criticality?.value, s.reviewed ? `reviewed ${s.reviewed.value}` : "never reviewed"].filter(Boolean).join(", "), [
            ["Services", s.services?.value],
            ["Owner", s.owner?.id],
            ["Assets", ids(s.assets)],
            ["Agreement", s.agreement ? [s.agreement.path?.value, s.agreement.date?.value].filter(Boolean).join(", ") : undefined],
          ]),
        ),
    },
    {
      key: "incidents",
      label: "Incidents",
      clause: "A.5.24-A.5.28",
      present: model.incidentLogs.length > 0,
      items: model.incidents
        .filter((i) => i.id)
        .map((i) =>
          item(i, i.title?.value, [i.severity?.value, i.status?.value === "closed" ? `closed${i.closed ? ` ${i.closed.value}` : ""}` : "open"].filter(Boolean).join(", "), [
            ["Reported", i.reported?.value],
            ["Lessons learned", i.lessonsLearned?.value],
            ["Nonconformity", i.nonconformity?.id],
            ["Risks", ids(i.risks)],
          ]),
        ),
    },
  ];
  return { groups };
}
