import { compareDates, isLocalDate, type LocalDate } from "../../dates";
import { lastHeldReview } from "../../model/cadence";
import type { IsmsModel } from "../../model/isms-model";
import type { IdentifiedRecord, ManagementReview } from "../../model/types";
import { RECORD_KIND_LABEL } from "../../model/types";
import { ReviewPackError, type PackPeriod, type RecordAt } from "./types";

/** Where a record is written: its id's position, else its mapping's. */
export function recordAt(record: IdentifiedRecord | { file: string; range: IdentifiedRecord["range"] }): RecordAt {
  const start = ("id" in record && record.id ? record.id.range : record.range).start;
  return { file: record.file, line: start.line, character: start.character };
}

/**
 * The period of the pack, up to `today`: after the management review `since` names (by id), from
 * the date `since` gives, or else after the last review held on or before today. With no review
 * held and no `since`, the period is open-ended: everything the ISMS records.
 *
 * @throws ReviewPackError when `since` is neither a review id nor a date, names another kind of
 * record, is an impossible date or lies after today, or names a review held after today.
 */
export function reviewPeriod(model: IsmsModel, today: LocalDate, since: string | undefined): PackPeriod {
  const given = since?.trim();
  if (given) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(given)) {
      if (!isLocalDate(given)) throw new ReviewPackError(`--since ${given} is not a calendar date`);
      if (compareDates(given, today) > 0) throw new ReviewPackError(`--since ${given} is after today (${today}): the pack covers what has happened`);
      const before = lastHeldReview(model, given);
      const previous = before?.id ? { id: before.id.value, date: before.date.value, at: recordAt(before) } : undefined;
      return { since: given, inclusive: true, to: today, description: `From ${given} (as asked) to ${today}.`, ...(previous ? { previous } : {}) };
    }
    const review = model.index.get<ManagementReview>("review", given);
    if (!review) {
      const other = model.index.find(["risk", "action", "audit", "finding", "nonconformity", "objective", "policy", "requirement", "interested-party", "person", "asset"], given);
      const what = other ? `is ${article(RECORD_KIND_LABEL[other.recordKind])}, not a management review` : "is neither a management review of this ISMS nor a date (YYYY-MM-DD)";
      const known = model.reviews.flatMap((r) => (r.id ? [r.id.value] : []));
      throw new ReviewPackError(`--since ${given} ${what}${known.length > 0 ? ` (reviews: ${known.join(", ")})` : " (the ISMS records no management review)"}`);
    }
    const date = review.date?.value;
    if (!date) throw new ReviewPackError(`--since ${given}: the management review has no valid date`);
    if (compareDates(date, today) > 0) throw new ReviewPackError(`--since ${given}: the review is dated ${date}, after today (${today}); it has not been held yet`);
    return { since: date, inclusive: false, review: { id: given, date, at: recordAt(review) }, to: today, description: `Since management review ${given} of ${date}, to ${today}.` };
  }
  const last = lastHeldReview(model, today);
  if (!last || !last.id) {
    return { inclusive: true, to: today, description: `No management review has been held yet: the pack covers everything the ISMS records up to ${today}.` };
  }
  return {
    since: last.date.value,
    inclusive: false,
    review: { id: last.id.value, date: last.date.value, at: recordAt(last) },
    to: today,
    description: `Since the last management review held, ${last.id.value} of ${last.date.value}, to ${today}.`,
  };
}

/** True when `date` falls in the period. */
export function inPeriod(period: PackPeriod, date: LocalDate | undefined): boolean {
  if (!date || compareDates(date, period.to) > 0) return false;
  if (period.since === undefined) return true;
  const c = compareDates(date, period.since);
  return period.inclusive ? c >= 0 : c > 0;
}

/** "since 2026-06-18" / "since the start" for sentences. */
export function sinceWords(period: PackPeriod): string {
  if (period.review) return `since ${period.review.id}`;
  return period.since ? `since ${period.since}` : "to date";
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
