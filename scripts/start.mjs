// `npm start`: checks the bundled example ISMS with the `isms` CLI, then opens it in a real VS Code
// with the extension loaded: the desktop `code` when it is on PATH, otherwise a local code-server
// on 127.0.0.1 (installed under .tools/ on first use) whose URL is printed.
//
//   npm start                 check examples/acme, then open the editor
//   npm start -- --check-only check only (no editor), as in CI
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { setInterval } from "node:timers";

const root = resolve(import.meta.dirname, "..");
const example = join(root, "examples", "acme");
const checkOnly = process.argv.includes("--check-only") || process.env.CI === "true";

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...options }).status ?? 1;
}

if (run(process.execPath, ["esbuild.mjs"]) !== 0) process.exit(1);
console.log("\n$ isms check examples/acme --today 2026-11-30\n");
const checkStatus = run(process.execPath, ["dist/cli.js", "check", "examples/acme", "--today", "2026-11-30"]);
console.log(`(isms check exited ${checkStatus}${checkStatus === 1 ? ", as it does when it finds errors" : ""}: the example keeps eight gaps on purpose; see examples/acme/README.md)\n`);
if (checkOnly) process.exit(0);

// A copy to play with, so quick-fixes do not change the bundled example.
const playground = join(root, ".tools", "playground", "acme");
if (!existsSync(playground)) {
  cpSync(example, playground, { recursive: true });
  mkdirSync(join(playground, ".vscode"), { recursive: true });
  cpSync(join(root, "scripts", "playground-settings.json"), join(playground, ".vscode", "settings.json"));
}

const onPath = spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" }).stdout.trim();
if (onPath) {
  console.log(`Opening ${playground} in VS Code with the extension loaded (${onPath}).`);
  process.exit(run("code", ["--extensionDevelopmentPath", root, playground], { env: { ...process.env, ISMS_WORKBENCH_WALKTHROUGH: "1" } }));
}

console.log("Checking for code-server (a local VS Code): the first run installs it under .tools/, about 340 MB in a minute or two.");
if (run("bash", ["scripts/install-code-server.sh"]) !== 0) process.exit(1);
const toolDir = process.env.ISMS_CODE_SERVER_DIR ?? join(root, ".tools", "code-server");
const entry = join(toolDir, "node_modules", "code-server", "out", "node", "entry.js");
const state = join(root, ".tools", "start");
const extensions = join(state, "extensions");
rmSync(extensions, { recursive: true, force: true });
mkdirSync(extensions, { recursive: true });
// code-server loads every extension folder in --extensions-dir: link this repository in.
symlinkSync(root, join(extensions, "isms-workbench.isms-workbench-dev"), "dir");
// Open on the ISMS walkthrough (the extension opens it, see client/src/first-run.ts), not on
// VS Code's generic welcome page.
const userSettings = join(state, "user-data", "User");
mkdirSync(userSettings, { recursive: true });
const settingsFile = join(userSettings, "settings.json");
let settings = {};
try {
  settings = JSON.parse(readFileSync(settingsFile, "utf8"));
} catch {
  // first run, or settings that are not plain JSON: start afresh
}
writeFileSync(settingsFile, JSON.stringify({ ...settings, "workbench.startupEditor": "none" }, null, 2) + "\n");

const port = await new Promise((ok) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => ok(port));
  });
});
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(playground)}`;
const child = spawn(
  process.execPath,
  [
    entry,
    "--auth",
    "none",
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--user-data-dir",
    join(state, "user-data"),
    "--extensions-dir",
    extensions,
  ],
  { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, EXTENSIONS_GALLERY: "{}", ISMS_WORKBENCH_WALKTHROUGH: "1" } },
);
console.log(`VS Code (code-server) with ISMS Workbench is starting.\nOpen ${url}\nPress Ctrl-C to stop.`);
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("SIGHUP", stop);
// `kill <npm pid>` ends npm without passing the signal on: stop code-server when the parent is gone.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 1000).unref();
child.on("exit", (code) => process.exit(code ?? 0));
