import type { LocalDate } from "../dates";
import type { Range } from "../text/range";

/** The commit that last changed a line. */
export interface LineChange {
  /** The commit's hash. */
  commit: string;
  /** The commit's author date, as a day in the author's time zone. */
  day: LocalDate;
  /** The commit's committer time (Unix seconds): the order in which changes were recorded. */
  time: number;
}

/**
 * When each line of a file last changed in version control: per 0-based line, the commit that
 * last changed it, or `null` when that is unknown (a line not committed yet, or one older than a
 * shallow clone's history). Read by `server/src/node/git-line-history.ts` (`git blame`) for the
 * text being checked; the core never runs git.
 */
export type LineHistory = readonly (LineChange | null)[];

/**
 * The latest committed change (by commit time) among the lines of `ranges`. Lines whose change is
 * unknown are not counted. Undefined when no line has a known change, or when `history` does not
 * cover a line of the ranges (a history of another text: no verdict rather than a wrong one).
 */
export function lastChange(history: LineHistory, ranges: readonly Range[]): LineChange | undefined {
  let latest: LineChange | undefined;
  for (const range of ranges) {
    if (range.end.line >= history.length) return undefined;
    for (let line = range.start.line; line <= range.end.line; line++) {
      const change = history[line];
      if (change && (latest === undefined || change.time > latest.time)) latest = change;
    }
  }
  return latest;
}
