import { isLocalDate, type LocalDate } from "../core";

/**
 * Today's local calendar date for a run: `--today`, else the `ISMS_TODAY` environment variable,
 * else the machine's local date. Throws a one-line message when the given date is not a real
 * `YYYY-MM-DD` date.
 */
export function resolveToday(option: string | undefined, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): LocalDate {
  const given = option || env.ISMS_TODAY;
  if (given !== undefined && given !== "") {
    if (!isLocalDate(given)) throw new Error(`"${given}" is not a date: give today as YYYY-MM-DD`);
    return given;
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
