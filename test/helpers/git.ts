import { execFileSync } from "node:child_process";

/** Runs git in `dir` with a fixed identity and author and committer date (`at`: ISO 8601 with zone); returns its output. */
export function git(dir: string, args: string[], at = "2026-01-01T12:00:00+00:00"): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org", GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
  return execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], { cwd: dir, env, encoding: "utf8" });
}

/** Commits every change in the repository at `dir` (initialised when `init`) as of noon UTC on `date` (YYYY-MM-DD). */
export function commitAll(dir: string, date: string, init = false): void {
  if (init) git(dir, ["init", "-q"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-qm", date], `${date}T12:00:00+00:00`);
}
