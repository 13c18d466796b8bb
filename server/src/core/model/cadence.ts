import { addMonths, compareDates, daysBetween, type LocalDate } from "../dates";
import type { IsmsModel } from "./isms-model";
import type { Range } from "../text/range";
import type { IsmsKind } from "../parse/parsed-file";
import type { Audit, ManagementReview, Value } from "./types";

/** A management review with its date. */
export type HeldReview = ManagementReview & { date: Value<LocalDate> };

/** An internal audit with its performed date. */
export type PerformedAudit = Audit & { performed: Value<LocalDate> };

/**
 * The latest management review held on or before `today` (9.3.1): a review dated later is
 * planned, not held. `undefined` when none was held.
 */
export function lastHeldReview(model: IsmsModel, today: LocalDate): HeldReview | undefined {
  let latest: HeldReview | undefined;
  for (const review of model.reviews) {
    const date = review.date?.value;
    if (!date || compareDates(date, today) > 0) continue;
    if (!latest || compareDates(date, latest.date.value) > 0) latest = review as HeldReview;
  }
  return latest;
}

/**
 * The latest internal audit with `status: completed` and a `performed` date on or before `today`
 * (9.2.1). `undefined` when none was completed.
 */
export function lastCompletedAudit(model: IsmsModel, today: LocalDate): PerformedAudit | undefined {
  let latest: PerformedAudit | undefined;
  for (const audit of model.audits) {
    const performed = audit.performed?.value;
    if (audit.status?.value !== "completed" || !performed || compareDates(performed, today) > 0) continue;
    if (!latest || compareDates(performed, latest.performed.value) > 0) latest = audit as PerformedAudit;
  }
  return latest;
}

/** "every month" / "every 12 months", for messages about a cadence in months. */
export function everyMonths(months: number): string {
  return `every ${months === 1 ? "month" : `${months} months`}`;
}

/**
 * Where a finding about a recurring event (9.2, 9.3) is shown: the `kind` of the document of that
 * kind in the file of the last event, else the first such document, else `isms.yaml`'s. The range
 * is the `kind` value (or the document when it has none); `undefined` when the model has neither.
 */
export function cadenceAnchor(model: IsmsModel, kind: IsmsKind, lastFile: string | undefined): { file: string; range: Range } | undefined {
  const docs = model.documents.filter((d) => d.kind === kind);
  const doc = (lastFile !== undefined ? docs.find((d) => d.file === lastFile) : undefined) ?? docs[0] ?? model.documents.find((d) => d.kind === "ISMS");
  return doc ? { file: doc.file, range: doc.kindRange ?? doc.range } : undefined;
}

/** When a recurring event (a review, an audit, a risk or policy review) is next due, seen from today. */
export interface CadenceDue {
  /** The last event plus the cadence (clamped to the month's end, see `addMonths`). */
  due: LocalDate;
  /** True from the day after `due`. */
  overdue: boolean;
  /** Days from `due` to today: positive when overdue, 0 on the due day, negative before it. */
  daysOverdue: number;
}

/** When the next event is due after one held on `last`, with events every `months` months (9.2, 9.3, 8.2, 7.5.2). */
export function dueByCadence(last: LocalDate, months: number, today: LocalDate): CadenceDue {
  const due = addMonths(last, months);
  return { due, overdue: compareDates(today, due) > 0, daysOverdue: daysBetween(due, today) };
}
