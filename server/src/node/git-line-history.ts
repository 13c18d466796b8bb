/**
 * Which commit last changed each line of a file, from `git blame`, for the rules that compare a record's
 * last change with its approval (risk/treatment-not-approved, 6.1.3 f). The core never runs git:
 * the command line and the language server read the dates here and pass them in.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve as resolvePath } from "node:path";
import { createInterface } from "node:readline";
import type { LineChange, LineHistory } from "../core";
import { decodeText, MAX_FILE_BYTES } from "./isms-files";

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
 * @param text    the text being checked: the history is given only when git blamed exactly these
 *                lines (else undefined: a file changed since it was read, or a UTF-16 file whose
 *                line ends git does not see)
 */
export function gitLineHistory(folder: string, file: string, text: string): Promise<LineHistory | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      // The user's blame settings are overridden: an ignore-revs file would hide changes (or fail
      // the run where it does not exist).
      child = spawn("git", ["-c", "core.quotepath=off", "blame", "--no-ignore-revs-file", "--root", "--line-porcelain", "-w", "--", file], {
        cwd: folder,
        stdio: ["ignore", "pipe", "ignore"],
        windowsHide: true,
      });
    } catch {
      resolve(undefined);
      return;
    }
    const expected = linesOf(text);
    const history: (LineChange | null)[] = [];
    let matches = true;
    let commit = "";
    let authorTime = NaN;
    let zone = 0;
    let time = NaN;
    let path = "";
    const paths = new Map<string, string>();
    const changes = new Map<string, LineChange>();
    let header = true;
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
    lines.on("line", (line) => {
      if (header) {
        commit = line.slice(0, line.indexOf(" "));
        authorTime = time = NaN;
        zone = 0;
        header = false;
      } else if (line.startsWith("\t")) {
        // The history is of this text only: git read the same lines (not another version, nor
        // another encoding's idea of where lines end).
        const content = line.slice(1).replace(/\r$/, "");
        if (content !== (history.length === 0 ? expected[0]?.replace(/^\uFEFF/, "") : expected[history.length])) matches = false;
        const day = NOT_COMMITTED.test(commit) || !Number.isFinite(time) ? undefined : dayOf(authorTime, zone);
        // One object per commit and path, shared by its lines: memory grows with commits, not lines.
        const key = `${commit}\0${path}`;
        let change = day ? changes.get(key) : undefined;
        if (day && !change) {
          change = { commit, day, time, path };
          changes.set(key, change);
        }
        history.push(change ?? null);
        header = true;
      } else if (line.startsWith("author-time ")) {
        authorTime = Number(line.slice(12));
      } else if (line.startsWith("author-tz ")) {
        zone = zoneMinutes(line.slice(10));
      } else if (line.startsWith("committer-time ")) {
        time = Number(line.slice(15));
      } else if (line.startsWith("filename ")) {
        // A name git had to quote (control characters) is not looked up: "" finds no earlier text.
        const name = line.slice(9);
        path = name.startsWith('"') ? "" : (paths.get(name) ?? (paths.set(name, name), name));
      }
    });
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 && matches && history.length === expected.length - (expected[expected.length - 1] === "" ? 1 : 0) ? history : undefined));
  });
}

/** The lines of `text` as git counts them, without a byte-order mark or line-end CR. */
function linesOf(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .map((line) => line.replace(/\r$/, ""));
}

/** `+hhmm` or `-hhmm` as minutes east of UTC (0 when malformed). */
function zoneMinutes(zone: string): number {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(zone.trim());
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * True when `folder` is inside a git work tree: a `.git` folder or file in it or above it, or else
 * `git rev-parse --is-inside-work-tree` says so (GIT_DIR set in the environment …). Outside one,
 * no file has a history to ask git for. Never rejects.
 */
export async function insideGitWorkTree(folder: string): Promise<boolean> {
  for (let dir = resolvePath(folder); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return true;
    if (dirname(dir) === dir) break;
  }
  return new Promise((resolve) => {
    try {
      execFile("git", ["rev-parse", "--is-inside-work-tree"], { cwd: folder, windowsHide: true }, (error, stdout) => resolve(!error && stdout.trim() === "true"));
    } catch {
      resolve(false);
    }
  });
}

/** The files whose history the rules read: those holding a risk register (the treatment and approval of each risk). */
export function filesWithHistory<F extends { documents: readonly { kind?: string }[] }>(files: readonly F[]): F[] {
  return files.filter((f) => f.documents.some((d) => d.kind === "RiskRegister"));
}

/** The local day (YYYY-MM-DD) of a Unix time in seconds, at `zone` minutes east of UTC; undefined outside the years 1970 to 9999. */
function dayOf(seconds: number, zone: number): string | undefined {
  const date = new Date((seconds + zone * 60) * 1000);
  const year = date.getUTCFullYear();
  return Number.isFinite(year) && year >= 1970 && year <= 9999 ? date.toISOString().slice(0, 10) : undefined;
}

/** At most this many earlier texts are read for one check. */
export const MAX_PRIOR_TEXTS = 100;

/**
 * The texts of files at earlier commits (`git show <commit>:<path>` run in `folder`), for the
 * keys a rule asked for (`<commit>:<path>`, see `priorKey`; at most {@link MAX_PRIOR_TEXTS}).
 * A key git cannot show is left out. Never rejects.
 */
export async function gitPriorTexts(folder: string, keys: Iterable<string>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const key of [...new Set(keys)].slice(0, MAX_PRIOR_TEXTS)) {
    if (!/^[0-9a-f]{40,64}:[^\0]+$/.test(key)) continue;
    const text = await gitShow(folder, key);
    if (text !== undefined) texts.set(key, text);
  }
  return texts;
}

function gitShow(folder: string, key: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn("git", ["show", "--no-textconv", key], { cwd: folder, stdio: ["ignore", "pipe", "ignore"], windowsHide: true });
    } catch {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_FILE_BYTES)
        child.kill(); // larger than any file the check reads
      else chunks.push(chunk);
    });
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 && bytes <= MAX_FILE_BYTES ? decodeText(Buffer.concat(chunks)) : undefined));
  });
}
