import { addMonths, compareDates } from "../dates";
import { count, type EvidenceResult, type ReadinessContext } from "./readiness-context";

/** Months within which an awareness activity is expected (as `awareness/overdue` reads 7.3). */
const AWARENESS_MONTHS = 12;

/**
 * 7.2 Competence: the roles of the CompetenceRegister, how many of the people in them have a
 * competence record for the role valid today. `missing` without roles; `gaps` when someone lacks one.
 */
export function competenceEvidence({ model, today }: ReadinessContext): EvidenceResult {
  if (model.roles.length === 0) return { status: "missing", evidence: ["No roles with their required competence in a CompetenceRegister (7.2 a)."] };
  const valid = new Set<string>();
  for (const r of model.competenceRecords) {
    if (!r.person || !r.role) continue;
    if (r.expires && compareDates(r.expires.value, today) < 0) continue;
    valid.add(`${r.person.id}\u0000${r.role.id}`);
  }
  let assignments = 0;
  let covered = 0;
  for (const role of model.roles) {
    for (const person of role.people) {
      assignments++;
      if (role.id && valid.has(`${person.id}\u0000${role.id.value}`)) covered++;
    }
  }
  return {
    status: covered < assignments ? "gaps" : "ready",
    evidence: [
      `${count(model.roles.length, "role")} with required competence; ${covered} of ${count(assignments, "person-role assignment")} backed by a valid competence record; ${count(model.competenceRecords.length, "record")} in all.`,
    ],
  };
}

/** 7.3 Awareness: the latest awareness activity completed on or before today. */
export function awarenessEvidence({ model, today }: ReadinessContext): EvidenceResult {
  const done = model.awareness.flatMap((a) => (a.completed && compareDates(a.completed.value, today) <= 0 ? [a.completed.value] : [])).sort();
  const last = done[done.length - 1];
  if (!last) return { status: "missing", evidence: ["No awareness activity recorded as completed (7.3)."] };
  const current = compareDates(addMonths(last, AWARENESS_MONTHS), today) >= 0;
  return {
    status: current ? "ready" : "gaps",
    evidence: [`${count(done.length, "awareness activity", "awareness activities")} completed; the last on ${last}${current ? "" : ", more than 12 months ago"}.`],
  };
}

/** 9.1 Monitoring and measurement: the measures of the MonitoringPlan and their results. */
export function monitoringEvidence({ model }: ReadinessContext): EvidenceResult {
  const measures = model.measures;
  if (measures.length === 0) return { status: "missing", evidence: ["No measure in a MonitoringPlan (9.1)."] };
  const withResults = measures.filter((m) => m.results.some((r) => r.date)).length;
  const tracking = new Set(measures.flatMap((m) => (m.objective?.resolved ? [m.objective.id] : []))).size;
  return {
    status: withResults < measures.length ? "gaps" : "ready",
    evidence: [`${count(measures.length, "measure")}, ${withResults} with recorded results; ${tracking} of ${count(model.objectives.length, "objective")} tracked by a measure.`],
  };
}

/** Facts of the registers behind the organizational controls (A.5.19-A.5.28) and of the control catalogs, for the A.5 theme. */
export function organizationalRegisterFacts({ model }: ReadinessContext): string[] {
  const facts: string[] = [];
  if (model.supplierRegisters.length > 0) {
    const agreed = model.suppliers.filter((s) => s.agreement?.path || s.agreement?.date).length;
    const reviewed = model.suppliers.filter((s) => s.reviewed).length;
    facts.push(`Suppliers (A.5.19-A.5.22): ${count(model.suppliers.length, "supplier")}, ${agreed} with an agreement, ${reviewed} reviewed.`);
  } else facts.push("Suppliers (A.5.19-A.5.22): no SupplierRegister.");
  if (model.incidentLogs.length > 0) {
    const closed = model.incidents.filter((i) => i.status?.value === "closed");
    const lessons = closed.filter((i) => i.lessonsLearned).length;
    facts.push(`Incidents (A.5.24-A.5.28): ${count(model.incidents.length, "incident")}, ${closed.length} closed, ${lessons} with lessons learned.`);
  } else facts.push("Incidents (A.5.24-A.5.28): no IncidentLog.");
  if (model.catalogControls.length > 0) {
    facts.push(`Other control catalogs: ${count(model.controlCatalogs.length, "catalog")} with ${count(model.catalogControls.length, "control")}.`);
  }
  return facts;
}
