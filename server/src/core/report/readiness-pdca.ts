import { dueByCadence } from "../model/cadence";
import { compareDates, type LocalDate } from "../dates";
import type { Action } from "../model/types";
import { count, idOf, inLastYear, lastAudit, lastReview, type ReadinessContext } from "./readiness-context";

/** A dated record the PDCA loop points at (the last review, the last audit). */
export interface DatedRecord {
  id: string;
  date: LocalDate;
  /** When the next one is due under the cadence of isms.yaml. */
  due: LocalDate;
  file: string;
  line: number;
}

/** One question of "is the PDCA loop running?", answered from the model. */
export interface PdcaCheck {
  id: "management-review" | "internal-audit" | "nonconformities" | "corrective-actions";
  /** The question's label ("Management review within its cadence (9.3)"). */
  label: string;
  ok: boolean;
  /** The facts behind the answer. */
  detail: string;
}

/**
 * Whether the ISMS is being operated, not only documented: a management review and an internal
 * audit within their cadences, and nonconformities raised or corrective and improvement actions
 * taken in the last 12 months.
 */
export interface PdcaLoop {
  running: boolean;
  /** Start of the 12 months looked at (exclusive). */
  since: LocalDate;
  lastReview?: DatedRecord;
  lastAudit?: DatedRecord;
  /** Nonconformities raised in the last 12 months. */
  nonconformities: number;
  /** Corrective actions (type corrective, or answering a nonconformity) completed in the last 12 months. */
  correctiveActions: number;
  /** Improvement actions completed in the last 12 months. */
  improvementActions: number;
  checks: PdcaCheck[];
}

/** Answers "is the PDCA loop running?" from the model (9.2, 9.3, 10.1, 10.2). */
export function pdcaLoop(ctx: ReadinessContext): PdcaLoop {
  const { model, today } = ctx;
  const cadence = model.isms?.cadence ?? { managementReview: 12, internalAudit: 12, riskReview: 12 };
  const review = lastReview(ctx);
  const audit = lastAudit(ctx);
  const reviewRecord = review
    ? { id: idOf(review, "(no id)"), date: review.date.value, due: dueByCadence(review.date.value, cadence.managementReview, today).due, file: review.file, line: review.range.start.line }
    : undefined;
  const auditRecord = audit
    ? { id: idOf(audit, "(no id)"), date: audit.performed.value, due: dueByCadence(audit.performed.value, cadence.internalAudit, today).due, file: audit.file, line: audit.range.start.line }
    : undefined;

  const ncs = model.nonconformities.filter((nc) => inLastYear(ctx, nc.raised?.value)).length;
  const completed = (a: Action) => a.status?.value === "done" && inLastYear(ctx, a.completed?.value);
  const corrective = model.actions.filter((a) => completed(a) && (a.type?.value === "corrective" || a.source?.resolved?.recordKind === "nonconformity"));
  const improvement = model.actions.filter((a) => completed(a) && a.type?.value === "improvement").length;
  const verified = corrective.filter((a) => a.verification?.effective?.value === true).length;

  const onTime = (r: DatedRecord | undefined) => r !== undefined && compareDates(today, r.due) <= 0;
  const checks: PdcaCheck[] = [
    {
      id: "management-review",
      label: `Management review within its cadence of ${cadence.managementReview} months (9.3)`,
      ok: onTime(reviewRecord),
      detail: reviewRecord ? `Last held: ${reviewRecord.id} on ${reviewRecord.date}; next due ${reviewRecord.due}.` : "No management review is recorded as held.",
    },
    {
      id: "internal-audit",
      label: `Internal audit within its cadence of ${cadence.internalAudit} months (9.2)`,
      ok: onTime(auditRecord),
      detail: auditRecord ? `Last completed: ${auditRecord.id} on ${auditRecord.date}; next due ${auditRecord.due}.` : "No internal audit is recorded as completed.",
    },
    {
      id: "nonconformities",
      label: "Nonconformities raised in the last 12 months (10.2)",
      ok: ncs > 0,
      detail: `${count(ncs, "nonconformity", "nonconformities")} raised after ${ctx.since}.`,
    },
    {
      id: "corrective-actions",
      label: "Corrective and improvement actions completed in the last 12 months (10.1, 10.2)",
      ok: corrective.length + improvement > 0,
      detail: `${count(corrective.length, "corrective action")} (${verified} verified effective) and ${count(improvement, "improvement action")} completed after ${ctx.since}.`,
    },
  ];
  return {
    running: checks[0].ok && checks[1].ok && (checks[2].ok || checks[3].ok),
    since: ctx.since,
    lastReview: reviewRecord,
    lastAudit: auditRecord,
    nonconformities: ncs,
    correctiveActions: corrective.length,
    improvementActions: improvement,
    checks,
  };
}
