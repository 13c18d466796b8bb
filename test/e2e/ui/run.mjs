#!/usr/bin/env node
// `npm run test:e2e`: the packaged extension, end to end through the real UI.
// 1. installs code-server + Chromium when missing (scripts/install-code-server.sh);
// 2. packages the .vsix (scripts/package-vsix.mjs);
// 3. copies examples/acme to a temp folder with .vscode/settings.json { "isms.today": "2026-11-30" };
// 4. runs test/e2e/run-in-code-server.mjs --install-vsix <vsix> --ui test/e2e/ui/checks.mjs:
//    code-server installs the vsix, headless Chromium opens the copy, and the checks read the
//    status bar, the Problems panel, a hover, the ISMS tree views and the SoA webview, and fill in
//    the Add Risk form;
// 5. with --update-screenshots (`npm run screenshots`) only, copies the screenshots the README
//    uses (problems, tree-views, soa-preview, hover) from .e2e/ui/ to docs/screenshots/ (only
//    those that were taken); a plain test run leaves every tracked file as it is.
// The last line is the launcher's `N passed, M failed`; the exit code is the launcher's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const shots = path.join(root, ".e2e", "ui");
const docs = path.join(root, "docs", "screenshots");
const README_SHOTS = ["problems", "tree-views", "soa-preview", "hover"];
const T0 = Date.now();
const timings = [];

function step(name, cmd, args, { capture = false } = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  timings.push([name, Date.now() - started]);
  if (capture) process.stdout.write(r.stdout ?? "");
  return r;
}

const install = step("install code-server", "bash", ["scripts/install-code-server.sh"]);
if (install.status !== 0) process.exit(install.status ?? 1);

const pack = step("package .vsix", process.execPath, ["scripts/package-vsix.mjs"], { capture: true });
if (pack.status !== 0) process.exit(pack.status ?? 1);
const vsix = pack.stdout.trim().split("\n").pop();
if (!vsix?.endsWith(".vsix") || !fs.existsSync(vsix)) {
  console.error(`test:e2e: package-vsix.mjs did not name a .vsix (last line: ${vsix})`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isms-e2e-ui-"));
const workspace = path.join(tmp, "acme");
fs.cpSync(path.join(root, "examples", "acme"), workspace, { recursive: true });
fs.mkdirSync(path.join(workspace, ".vscode"), { recursive: true });
fs.writeFileSync(path.join(workspace, ".vscode", "settings.json"), `${JSON.stringify({ "isms.today": "2026-11-30" }, null, 2)}\n`);

fs.rmSync(shots, { recursive: true, force: true });
const run = step(
  "code-server + UI checks",
  process.execPath,
  ["test/e2e/run-in-code-server.mjs", "--install-vsix", vsix, "--workspace", workspace, "--ui", path.join(root, "test", "e2e", "ui", "checks.mjs"), "--screenshots", shots, "--timeout-ms", "420000"],
  { capture: true },
);
fs.rmSync(tmp, { recursive: true, force: true });

const copied = [];
if (process.argv.includes("--update-screenshots")) fs.mkdirSync(docs, { recursive: true });
for (const name of process.argv.includes("--update-screenshots") ? README_SHOTS : []) {
  const from = path.join(shots, `${name}.png`);
  if (!fs.existsSync(from)) continue;
  fs.copyFileSync(from, path.join(docs, `${name}.png`));
  copied.push(`docs/screenshots/${name}.png`);
}
console.error(`\ntest:e2e: screenshots in ${path.relative(root, shots)}/${copied.length ? `; README's updated: ${copied.join(", ")}` : ""}`);
for (const [name, ms] of timings) console.error(`test:e2e: ${name.padEnd(26)} ${(ms / 1000).toFixed(1)} s`);
console.error(`test:e2e: total ${((Date.now() - T0) / 1000).toFixed(1)} s`);
// the launcher's closing line ("N passed, M failed") stays the last line of stdout
const summary = (run.stdout ?? "").trim().split("\n").pop();
if (!/^\d+ passed, \d+ failed/.test(summary ?? "")) console.log("0 passed, 1 failed");
process.exit(run.status ?? 1);
