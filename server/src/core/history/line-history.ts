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
  /** The file's path in that commit, relative to the repository's top level ('/'-separated). */
  path: string;
}

/**
 * Texts of files as git holds them at earlier commits, by {@link priorKey}: read by the command
 * line and the server for the commits a rule asks about (a finding's `data.prior`), and given to
 * the next check.
 */
export type PriorTexts = ReadonlyMap<string, string>;

/** The key of a file's text at a commit in {@link PriorTexts}: `<commit>:<path>`, as `git show` takes it. */
export function priorKey(change: Pick<LineChange, "commit" | "path">): string {
  return `${change.commit}:${change.path}`;
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
  for (const change of changesOf(history, ranges) ?? []) if (latest === undefined || change.time > latest.time) latest = change;
  return latest;
}

/**
 * The distinct committed changes (one per commit) among the lines of `ranges`, in line order.
 * Undefined when `history` does not cover a line of the ranges (see {@link lastChange}).
 */
export function changesOf(history: LineHistory, ranges: readonly Range[]): LineChange[] | undefined {
  const byCommit = new Map<string, LineChange>();
  for (const range of ranges) {
    if (range.end.line >= history.length) return undefined;
    for (let line = range.start.line; line <= range.end.line; line++) {
      const change = history[line];
      if (change && !byCommit.has(change.commit)) byCommit.set(change.commit, change);
    }
  }
  return [...byCommit.values()];
}
