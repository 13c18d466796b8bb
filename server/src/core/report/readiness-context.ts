import { lastCompletedAudit, lastHeldReview, type HeldReview, type PerformedAudit } from "../model/cadence";
import { compareDates, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";

/**
 * How ready one requirement is for the certification audit:
 * - `ready`: the ISMS files hold the evidence and no open error or warning cites it;
 * - `gaps`: evidence exists, but open findings (or the evidence itself) show gaps;
 * - `missing`: the evidence an auditor asks for first is not in the ISMS files;
 * - `not-tracked`: the format keeps no record of it (7.1 resources, 7.2 competence …): prepare
 *   that evidence outside the ISMS files.
 */
export type ReadinessStatus = "ready" | "gaps" | "missing" | "not-tracked";

/** What the model shows for one requirement: the status the evidence alone supports, and the facts. */
export interface EvidenceResult {
  status: ReadinessStatus;
  evidence: string[];
}

/** What the readiness evidence is read from: the model, today and the start of the last 12 months. */
export interface ReadinessContext {
  model: IsmsModel;
  today: LocalDate;
  /** `today` minus 12 months: "the last 12 months" are the days after it, up to today. */
  since: LocalDate;
  /** Evidence items not found (\`soa/evidence-missing\` findings on cited paths), by control id. */
  evidenceNotFound: ReadonlyMap<string, number>;
}

/** True when `date` lies in the 12 months up to today (after `since`, not after `today`). */
export function inLastYear(ctx: ReadinessContext, date: LocalDate | undefined): boolean {
  return date !== undefined && compareDates(date, ctx.since) > 0 && compareDates(date, ctx.today) <= 0;
}

/** The latest management review held up to today, as `review/overdue` reads it. */
export function lastReview(ctx: ReadinessContext): HeldReview | undefined {
  return lastHeldReview(ctx.model, ctx.today);
}

/** The latest completed internal audit with a performed date up to today, as `audit/overdue` reads it. */
export function lastAudit(ctx: ReadinessContext): PerformedAudit | undefined {
  return lastCompletedAudit(ctx.model, ctx.today);
}

/** "1 risk" / "3 risks". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The record's id, or a stand-in for a record without one. */
export function idOf(record: { id?: { value: string } }, fallback: string): string {
  return record.id?.value ?? fallback;
}
