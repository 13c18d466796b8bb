import { isLocalDate, type LocalDate } from "../core";

/** A date given for "today", and where it was given (for the message when it is not a date). */
export interface GivenToday {
  /** The text given; `undefined` or "" when not given. */
  given: string | undefined;
  /** Where it was given ("Setting isms.today", "--today", "Environment variable ISMS_TODAY"). */
  source: string;
}

/**
 * Today's local calendar date for a check run, for the CLI and the language server alike: the
 * first of `candidates` that is given (in order, e.g. `--today` or `isms.today`, then the
 * `ISMS_TODAY` environment variable), else the local date of `now`. A candidate that is given but
 * is not a real `YYYY-MM-DD` date goes to `onInvalid`, which may throw (the CLI stops) or return
 * (the server logs it and the next candidate is used).
 */
export function resolveToday(candidates: readonly GivenToday[], now: Date, onInvalid: (given: string, source: string) => void): LocalDate {
  for (const { given, source } of candidates) {
    if (given === undefined || given === "") continue;
    if (isLocalDate(given)) return given;
    onInvalid(given, source);
  }
  return localDate(now);
}

/** The local calendar date of `now` (`YYYY-MM-DD`, in the machine's time zone). */
export function localDate(now: Date): LocalDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
