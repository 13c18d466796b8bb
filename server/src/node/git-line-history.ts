/**
 * Which commit last changed each line of a file, from `git blame`, for the rules that compare a record's
 * last change with its approval (risk/treatment-not-approved, 6.1.3 f). The core never runs git:
 * the command line and the language server read the dates here and pass them in.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { LineChange, LineHistory } from "../core";

/** The hash git gives lines that are not committed yet. */
const NOT_COMMITTED = /^0{40}(?:0{24})?$/;

/**
 * The commit that last changed each line of `file`: `git blame --line-porcelain -w` run in
 * `folder` on the file as it is on disk (a change of indentation alone does not count), with the
 * commit's author day (in the author's time zone) and committer time. Lines not committed yet are
 * `null`. The first commit counts as a change (`--root`); in a shallow clone, its oldest commit
 * stands for all history before it (a change after it still comes after every earlier record).
 * Resolves undefined, never rejects, when git is missing, the folder is not in a repository, the
 * file is not tracked, or git fails.
 *
 * @param folder  the folder git runs in (the checked folder or workspace folder)
 * @param file    the file's path relative to `folder`, '/'-separated
 */
export function gitLineHistory(folder: string, file: string): Promise<LineHistory | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn("git", ["-c", "core.quotepath=off", "blame", "--root", "--line-porcelain", "-w", "--", file], { cwd: folder, stdio: ["ignore", "pipe", "ignore"], windowsHide: true });
    } catch {
      resolve(undefined);
      return;
    }
    const history: (LineChange | null)[] = [];
    let commit = "";
    let authorTime = NaN;
    let zone = 0;
    let time = NaN;
    let boundary = false;
    let header = true;
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
    lines.on("line", (line) => {
      if (header) {
        commit = line.slice(0, line.indexOf(" "));
        authorTime = time = NaN;
        zone = 0;
        boundary = false;
        header = false;
      } else if (line.startsWith("\t")) {
        const known = !NOT_COMMITTED.test(commit) && !boundary && Number.isFinite(authorTime) && Number.isFinite(time);
        history.push(known ? { commit, day: dayOf(authorTime, zone), time } : null);
        header = true;
      } else if (line.startsWith("author-time ")) {
        authorTime = Number(line.slice(12));
      } else if (line.startsWith("author-tz ")) {
        zone = zoneMinutes(line.slice(10));
      } else if (line.startsWith("committer-time ")) {
        time = Number(line.slice(15));
      } else if (line === "boundary") {
        boundary = true;
      }
    });
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 ? history : undefined));
  });
}

/** `+hhmm` or `-hhmm` as minutes east of UTC (0 when malformed). */
function zoneMinutes(zone: string): number {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(zone.trim());
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The files whose history the rules read: those holding a risk register (the treatment and
 * approval of each risk). `files` are parsed files; returns their keys.
 */
export function filesWithHistory(files: readonly { file: string; documents: readonly { kind?: string }[] }[]): string[] {
  return files.filter((f) => f.documents.some((d) => d.kind === "RiskRegister")).map((f) => f.file);
}

/** The local day (YYYY-MM-DD) of a Unix time in seconds, at `zone` minutes east of UTC. */
function dayOf(seconds: number, zone: number): string {
  return new Date((seconds + zone * 60) * 1000).toISOString().slice(0, 10);
}
