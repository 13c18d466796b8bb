import type { LocalDate } from "../core";
import { resolveToday as resolveTodayOf } from "../node/today";

/**
 * Today's local calendar date for a run: `--today`, else the `ISMS_TODAY` environment variable,
 * else the machine's local date. Throws a one-line message when the given date is not a real
 * `YYYY-MM-DD` date.
 */
export function resolveToday(option: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): LocalDate {
  const candidates = [
    { given: option, source: "--today" },
    { given: env.ISMS_TODAY, source: "ISMS_TODAY" },
  ];
  return resolveTodayOf(candidates, now, (given) => {
    throw new Error(`"${given}" is not a date: give today as YYYY-MM-DD`);
  });
}
