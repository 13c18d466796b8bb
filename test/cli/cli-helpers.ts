import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withEvidenceFiles, type Files } from "../helpers/minimal-isms";

/** The repository root (tests run from it; `__dirname` is used when the module mode has it). */
export const REPO = typeof __dirname !== "undefined" ? path.resolve(__dirname, "../..") : path.resolve(".");

/** The built CLI. */
export const CLI = path.join(REPO, "dist", "cli.js");

let built = false;

/** Builds `dist/` with `node esbuild.mjs`, once per test run. */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, ["esbuild.mjs"], { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] });
  built = true;
}

/** What a CLI run printed and its exit code. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js …args` in `cwd` (default: the repository). `ISMS_TODAY` and `NO_COLOR`
 * from the test's environment are removed unless given in `env`, so runs are reproducible.
 */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ISMS_TODAY;
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env, encoding: "utf8" });
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
