import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildCli, CLI, REPO, runBuiltCli, runCli } from "./cli-helpers";

/**
 * The bundled executable (`node dist/cli.js`), as users run it. Every other CLI test runs the same
 * program in-process ({@link runCli}); these check that the bundle behaves the same, and what only
 * a process has: its version, its exit code and a reader that stops early.
 */
describe("isms (the built executable)", function () {
  before(() => buildCli());
  const acme = path.join(REPO, "examples", "acme");

  it("prints the package's version", () => {
    const run = runBuiltCli(["--version"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version);
  });

  it("checks the example as the in-process run does: the same output and exit code", async () => {
    const args = ["check", acme, "--today", "2026-11-30", "--format", "json"];
    const built = runBuiltCli(args);
    assert.equal(built.status, 1, `acme has deliberate errors\n${built.stderr}`);
    assert.deepEqual(built, await runCli(args));
  });

  it("exits quietly when its reader stops early (isms check | head -1)", async () => {
    // The starter's SARIF log (about 0.5 MB) is larger than a pipe holds, so the write fails with EPIPE.
    const child = spawn(process.execPath, [CLI, "check", path.join(REPO, "examples", "starter"), "--today", "2026-11-30", "--format", "sarif"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    assert.equal(stderr, "");
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
  });
});
