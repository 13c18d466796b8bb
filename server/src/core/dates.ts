/**
 * Calendar dates as used throughout the ISMS: ISO 8601 `YYYY-MM-DD` strings naming a local
 * calendar day, with no time and no time zone. All arithmetic is on whole days.
 */

/** A valid ISO 8601 calendar date string, `YYYY-MM-DD`. */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid date, or `undefined` when `text` is not a real calendar date (e.g. `2026-02-30`). */
export function dayNumber(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round(ms / 86_400_000);
}

/** True when `text` is a real calendar date in `YYYY-MM-DD` form. */
export function isLocalDate(text: string): text is LocalDate {
  return dayNumber(text) !== undefined;
}

/** Whole days from `from` to `to` (positive when `to` is later). Both must be valid dates. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return (dayNumber(to) as number) - (dayNumber(from) as number);
}

/**
 * The date `months` calendar months after `date`, clamped to the end of the month
 * (2026-01-31 + 1 month = 2026-02-28). Used for cadences (9.2, 9.3, 8.2) and review periods.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatDate(year, month, Math.min(d, lastDay));
}

/** Formats a year, month (1-12) and day as `YYYY-MM-DD`. */
export function formatDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Compares two valid dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "1 day" / "12 days". */
export function pluralDays(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}
