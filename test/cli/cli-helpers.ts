import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildDist } from "../helpers/build-dist";
import { runIsms } from "../../server/src/cli/program";
import { withEvidenceFiles, type Files } from "../helpers/minimal-isms";

/** The repository root (tests run from it; `__dirname` is used when the module mode has it). */
export const REPO = typeof __dirname !== "undefined" ? path.resolve(__dirname, "../..") : path.resolve(".");

/** The built CLI. */
export const CLI = path.join(REPO, "dist", "cli.js");

/** Builds dist/ once per test process: see {@link buildDist}. */
export const buildCli = buildDist;

/** What a CLI run printed and its exit code. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a test's CLI run: this process's without `ISMS_TODAY`, then `env`. */
function cliEnv(env: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  delete merged.ISMS_TODAY;
  return Object.assign(merged, env);
}

/**
 * Runs `isms …args` in this process (the CLI's source, as `dist/cli.js` runs it) with `cwd`
 * (default: the repository) as the current folder and the output captured, so runs are fast and
 * reproducible. `ISMS_TODAY` from the test's environment is removed unless given in `env`. Runs
 * must not overlap (the current folder is the process's): await each.
 */
export async function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const decoder = new TextDecoder();
  const before = process.cwd();
  process.chdir(options.cwd ?? REPO);
  try {
    const status = await runIsms(["node", "isms", ...args], {
      stdout: { write: (text) => (stdout += typeof text === "string" ? text : decoder.decode(text)) },
      stderr: { write: (text) => (stderr += text) },
      env: cliEnv(options.env),
    });
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/** Runs the built `node dist/cli.js …args` in `cwd` (default: the repository); see {@link runCli}. */
export function runBuiltCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env: cliEnv(options.env), encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Temporary folders of fixture workspaces, removed by {@link removeFixtures}. */
const created: string[] = [];

/** Writes `files` (path → text), and the evidence file the minimal ISMS cites, to a new temporary folder and returns its path. */
export function writeFixture(files: Files): string {
  const dir = mkdtempSync(path.join(tmpdir(), "isms-cli-"));
  created.push(dir);
  for (const [file, text] of Object.entries(withEvidenceFiles(files))) {
    const full = path.join(dir, ...file.split("/"));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** Removes every fixture folder written so far. */
export function removeFixtures(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
