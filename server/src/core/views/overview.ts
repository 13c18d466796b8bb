import { dueByCadence } from "../model/cadence";
import { addMonths, compareDates, type LocalDate } from "../dates";
import type { Finding } from "../findings";
import type { IsmsModel } from "../model/isms-model";
import { soaReport } from "../report/soa";
import { readinessReport } from "../report/readiness";
import type { MutedFinding } from "../check";
import type { Location } from "../text/range";
import { AREAS, areaOf, PHASES } from "./areas";
import { auditState } from "./timeline";
import { lastHeldReview } from "../model/cadence";
import type { Person } from "../model/types";
import type {
  AreaHealth,
  CadenceStatus,
  ControlImplementation,
  LeadershipFacts,
  DatedRecord,
  FindingCounts,
  ImprovementCounts,
  LevelCount,
  Locate,
  OverviewView,
  PhaseHealth,
  RiskLevelGroup,
} from "./types";

/**
 * The health of an ISMS around the Plan-Do-Check-Act cycle: findings by phase and area, when the
 * next management review (9.3) and internal audit (9.2) are due, the improvement loop of the last
 * 12 months (10.2), the share of applicable controls implemented (6.1.3 d) and the risks per level.
 *
 * @param findings  the findings shown for this ISMS (its files only)
 * @param risks     the risk groups of {@link riskView} (counted per level)
 * @param muted     what the check muted: the readiness verdict (the same as the readiness report's) counts it
 */
export function overviewView<L = Location>(
  model: IsmsModel,
  findings: readonly Finding[],
  risks: readonly RiskLevelGroup<L>[],
  today: LocalDate,
  locate: Locate<L>,
  muted: readonly MutedFinding[] = [],
): OverviewView<L> {
  const readiness = readinessReport(model, findings, today, { muted });
  return {
    readiness: { overall: readiness.overall, verdict: readiness.verdict, mutedFindings: readiness.notCovered.findings.length, clausesNotTracked: readiness.notCovered.notTracked.length },
    findings: findingHealth(findings, locate),
    managementReview: managementReviewStatus(model, today, locate),
    internalAudit: internalAuditStatus(model, today, locate),
    improvement: improvementCounts(model, today),
    controls: controlImplementation(model, findings, today),
    leadership: leadershipFacts(model, today),
    riskLevels: risks.map((g): LevelCount => ({ level: g.level, tone: g.tone, count: g.risks.length })),
  };
}

function findingHealth<L>(findings: readonly Finding[], locate: Locate<L>): FindingCounts & { phases: PhaseHealth<L>[] } {
  const areas = new Map<string, AreaHealth<L> & { phase: PhaseHealth["phase"] }>();
  for (const info of AREAS) areas.set(info.area, { ...info, errors: 0, warnings: 0, infos: 0, findings: [] });
  for (const finding of findings) {
    const info = areaOf(finding.rule);
    let area = areas.get(info.area);
    if (!area) {
      area = { ...info, errors: 0, warnings: 0, infos: 0, findings: [] };
      areas.set(info.area, area);
    }
    count(area, finding);
    area.findings.push({ rule: finding.rule, severity: finding.severity, message: finding.message, location: locate({ file: finding.file, range: finding.range }) });
  }
  const phases = PHASES.map((phase): PhaseHealth<L> => {
    const mine = [...areas.values()].filter((a) => a.phase === phase).map(({ phase: _phase, ...area }) => area);
    return { phase, ...sum(mine), areas: mine };
  });
  return { ...sum(phases), phases };
}

function count(counts: FindingCounts, finding: Finding): void {
  if (finding.severity === "error") counts.errors++;
  else if (finding.severity === "warning") counts.warnings++;
  else counts.infos++;
}

function sum(parts: readonly FindingCounts[]): FindingCounts {
  return parts.reduce((s, p) => ({ errors: s.errors + p.errors, warnings: s.warnings + p.warnings, infos: s.infos + p.infos }), { errors: 0, warnings: 0, infos: 0 });
}

/** Management reviews (9.3.1): the latest held on or before today, the next due, the next planned. */
function managementReviewStatus<L>(model: IsmsModel, today: LocalDate, locate: Locate<L>): CadenceStatus<L> {
  const dated = model.reviews.flatMap((r) => (r.date ? [{ id: r.id?.value ?? "", date: r.date.value, location: locate({ file: r.file, range: r.range }) }] : []));
  const held = dated.filter((r) => compareDates(r.date, today) <= 0);
  const planned = dated.filter((r) => compareDates(r.date, today) > 0);
  return cadenceStatus(model.isms?.cadence.managementReview ?? 12, latest(held), earliest(planned), today);
}

/** Internal audits (9.2.1): the latest completed on or before today, the next due, the next planned. */
function internalAuditStatus<L>(model: IsmsModel, today: LocalDate, locate: Locate<L>): CadenceStatus<L> {
  const performed: DatedRecord<L>[] = [];
  const planned: DatedRecord<L>[] = [];
  for (const audit of model.audits) {
    const location = locate({ file: audit.file, range: audit.range });
    const id = audit.id?.value ?? "";
    const state = auditState(audit);
    if (state === "completed" && audit.performed && compareDates(audit.performed.value, today) <= 0) performed.push({ id, date: audit.performed.value, location });
    else if (state === "planned" && audit.planned) planned.push({ id, date: audit.planned.value, location });
  }
  return cadenceStatus(model.isms?.cadence.internalAudit ?? 12, latest(performed), earliest(planned), today);
}

function cadenceStatus<L>(cadenceMonths: number, last: DatedRecord<L> | undefined, nextPlanned: DatedRecord<L> | undefined, today: LocalDate): CadenceStatus<L> {
  const next = last ? dueByCadence(last.date, cadenceMonths, today) : undefined;
  return { cadenceMonths, last, nextDue: next?.due, daysUntilDue: next ? 0 - next.daysOverdue : undefined, overdue: next?.overdue ?? true, nextPlanned };
}

function latest<T extends { date: LocalDate }>(records: T[]): T | undefined {
  return records.reduce<T | undefined>((best, r) => (!best || compareDates(r.date, best.date) > 0 ? r : best), undefined);
}

function earliest<T extends { date: LocalDate }>(records: T[]): T | undefined {
  return records.reduce<T | undefined>((best, r) => (!best || compareDates(r.date, best.date) < 0 ? r : best), undefined);
}

/** Nonconformities raised and corrective actions completed after today minus 12 months, up to today. */
function improvementCounts(model: IsmsModel, today: LocalDate): ImprovementCounts {
  const since = addMonths(today, -12);
  const inPeriod = (date: LocalDate | undefined) => date !== undefined && compareDates(date, since) > 0 && compareDates(date, today) <= 0;
  return {
    since,
    nonconformitiesRaised: model.nonconformities.filter((nc) => inPeriod(nc.raised?.value)).length,
    correctiveActionsCompleted: model.actions.filter((a) => a.type?.value === "corrective" && a.status?.value === "done" && inPeriod(a.completed?.value)).length,
  };
}

/** The implementation counts of the applicable SoA entries, as the SoA report counts them. */
function controlImplementation(model: IsmsModel, findings: readonly Finding[], today: LocalDate): ControlImplementation {
  const s = soaReport(model, today).summary;
  const implemented = model.soaEntries.filter((e) => e.applicable?.value === true && e.status?.value === "implemented");
  return {
    applicable: s.applicable,
    implemented: s.implemented,
    partiallyImplemented: s.partiallyImplemented,
    planned: s.planned,
    notImplemented: s.notImplemented,
    implementedShare: s.applicable > 0 ? s.implemented / s.applicable : undefined,
    implementedWithEvidence: implemented.filter((e) => e.evidence.length > 0).length,
    evidenceNotFound: findings.filter((f) => f.rule === "soa/evidence-missing" && f.data?.reason !== "none").length,
  };
}

/** Top management, the 5.3 responsibilities, top management at the last review, approved treatment plans. */
function leadershipFacts(model: IsmsModel, today: LocalDate): LeadershipFacts {
  const duties = model.isms?.responsibilities;
  const last = lastHeldReview(model, today);
  const plans = model.risks.filter((r) => r.treatment && r.treatment.value !== "accept");
  return {
    topManagement: model.people.filter((p) => p.topManagement && p.id).map((p) => p.id?.value ?? ""),
    conformance: duties?.conformance?.resolved ? duties.conformance.id : undefined,
    reporting: duties?.reporting?.resolved ? duties.reporting.id : undefined,
    lastReviewWithTopManagement: last ? last.attendees.some((a) => (a.resolved as Person | undefined)?.topManagement === true) : undefined,
    treatmentPlans: plans.length,
    treatmentPlansApproved: plans.filter((r) => r.treatmentApproval?.date && r.treatmentApproval.by?.resolved && r.treatmentApproval.by.id === r.owner?.id).length,
  };
}
