import { compareDates, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { Audit, ManagementReview } from "../model/types";

/** What the readiness evidence is read from: the model, today and the start of the last 12 months. */
export interface ReadinessContext {
  model: IsmsModel;
  today: LocalDate;
  /** `today` minus 12 months: "the last 12 months" are the days after it, up to today. */
  since: LocalDate;
}

/** True when `date` lies in the 12 months up to today (after `since`, not after `today`). */
export function inLastYear(ctx: ReadinessContext, date: LocalDate | undefined): boolean {
  return date !== undefined && compareDates(date, ctx.since) > 0 && compareDates(date, ctx.today) <= 0;
}

/** The latest management review held (dated today or earlier), as `review/overdue` reads it. */
export function lastReview(ctx: ReadinessContext): (ManagementReview & { date: { value: LocalDate } }) | undefined {
  let latest: (ManagementReview & { date: { value: LocalDate } }) | undefined;
  for (const review of ctx.model.reviews) {
    const date = review.date?.value;
    if (!date || compareDates(date, ctx.today) > 0) continue;
    if (!latest || compareDates(date, latest.date.value) > 0) latest = review as ManagementReview & { date: { value: LocalDate } };
  }
  return latest;
}

/** The latest completed internal audit with a performed date up to today, as `audit/overdue` reads it. */
export function lastAudit(ctx: ReadinessContext): (Audit & { performed: { value: LocalDate } }) | undefined {
  let latest: (Audit & { performed: { value: LocalDate } }) | undefined;
  for (const audit of ctx.model.audits) {
    const performed = audit.performed?.value;
    if (audit.status?.value !== "completed" || !performed || compareDates(performed, ctx.today) > 0) continue;
    if (!latest || compareDates(performed, latest.performed.value) > 0) latest = audit as Audit & { performed: { value: LocalDate } };
  }
  return latest;
}

/** "1 risk" / "3 risks". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The record's id, or a stand-in for a record without one. */
export function idOf(record: { id?: { value: string } }, fallback: string): string {
  return record.id?.value ?? fallback;
}
