// Runs the same integration tests in desktop VS Code downloaded by @vscode/test-electron
// (for machines that can reach the VS Code download servers). Usage: node test/integration/run-in-electron.mjs
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runTests } from "@vscode/test-electron";

const root = resolve(import.meta.dirname, "..", "..");
const build = spawnSync(process.execPath, ["esbuild.mjs", "--tests"], { stdio: "inherit", cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const workspace = mkdtempSync(join(tmpdir(), "isms-it-"));
cpSync(join(root, "examples", "acme"), workspace, { recursive: true });
try {
  await runTests({
    version: "1.100.3",
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(root, "dist/test/integration/index.js"),
    launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust"],
  });
} catch (error) {
  console.error("integration tests failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
