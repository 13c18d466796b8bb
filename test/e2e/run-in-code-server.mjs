#!/usr/bin/env node
// Runs an extension's integration tests inside a REAL VS Code (code-server's
// VS Code server + web workbench in headless Debian Chromium), for machines
// that cannot download VS Code for @vscode/test-electron.
//
// Usage:
//   node test/e2e/run-in-code-server.mjs --extension <abs ext dir> --tests <abs tests index.js>
//        --workspace <abs folder> [--screenshots <dir>] [--timeout-ms N]
//        [--install-vsix <file.vsix>] [--keep] [--code-server-dir <dir>] [--ui <module.mjs>]
//
// --ui: an ES module exporting `async function ui(page, helpers)`, called with the playwright
// page of the workbench after the tests finished (while the extension host still runs), or
// instead of them when no --tests is given (the extension then runs as installed, or from
// --extension, without a test runner). See test/e2e/README.md.
//
// The tests module (CommonJS, exports run(): Promise<void>) runs in the remote
// extension host and writes its results to the file named by ISMS_E2E_RESULT
// (test/e2e/mocha-in-host.js does that). See test/e2e/README.md.
import { parseArgs as parseArgv } from "node:util";
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import util from "node:util";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "..", "..");
const T0 = Date.now();

// ------------------------------------------------------------------ arguments
function usage(msg) {
  if (msg) console.error(`run-in-code-server: ${msg}`);
  console.error(
    "usage: node test/e2e/run-in-code-server.mjs --extension <dir> --tests <index.js> --workspace <dir>\n" +
      "         [--screenshots <dir>] [--timeout-ms N] [--install-vsix <file>] [--keep] [--verbose]\n" +
      "         [--code-server-dir <dir>] [--ui <module.mjs>]",
  );
  process.exit(2);
}

function parseArgs(argv) {
  let values;
  try {
    ({ values } = parseArgv({
      args: argv,
      options: {
        extension: { type: "string" },
        tests: { type: "string" },
        workspace: { type: "string" },
        screenshots: { type: "string" },
        "timeout-ms": { type: "string" },
        "install-vsix": { type: "string", multiple: true },
        "code-server-dir": { type: "string" },
        ui: { type: "string" },
        keep: { type: "boolean" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    usage(error.message);
  }
  if (values.help) usage();
  const resolved = (v) => (v === undefined ? undefined : path.resolve(v));
  const opts = {
    extension: resolved(values.extension),
    tests: resolved(values.tests),
    workspace: resolved(values.workspace),
    screenshots: resolved(values.screenshots),
    timeoutMs: values["timeout-ms"] === undefined ? 300_000 : Number(values["timeout-ms"]),
    installVsix: (values["install-vsix"] ?? []).map((v) => path.resolve(v)),
    codeServerDir: resolved(values["code-server-dir"]),
    ui: resolved(values.ui),
    keep: values.keep ?? false,
    verbose: values.verbose ?? false,
  };
  if (process.env.ISMS_E2E_KEEP === "1") opts.keep = true;
  if (process.env.ISMS_E2E_VERBOSE === "1") opts.verbose = true;
  if (!opts.tests && !opts.ui) usage("--tests or --ui is required");
  if (!opts.workspace) usage("--workspace is required");
  if (!opts.extension && opts.installVsix.length === 0) usage("--extension or --install-vsix is required");
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage("--timeout-ms must be a positive number");
  if (opts.extension && !fs.existsSync(path.join(opts.extension, "package.json"))) {
    usage(`--extension ${opts.extension} has no package.json`);
  }
  if (opts.tests && !fs.existsSync(opts.tests)) usage(`--tests ${opts.tests} does not exist`);
  if (opts.ui && !fs.existsSync(opts.ui)) usage(`--ui ${opts.ui} does not exist`);
  if (!fs.statSync(opts.workspace, { throwIfNoEntry: false })?.isDirectory()) {
    usage(`--workspace ${opts.workspace} is not a folder`);
  }
  for (const f of opts.installVsix) if (!fs.existsSync(f)) usage(`--install-vsix ${f} does not exist`);
  opts.codeServerDir ??= process.env.ISMS_CODE_SERVER_DIR ? path.resolve(process.env.ISMS_CODE_SERVER_DIR) : path.join(REPO_ROOT, ".tools", "code-server");
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const log = (...a) => console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

const entryJs = path.join(opts.codeServerDir, "node_modules", "code-server", "out", "node", "entry.js");
if (!fs.existsSync(entryJs)) {
  console.error(`run-in-code-server: code-server not found at ${entryJs}\n  run: bash scripts/install-code-server.sh`);
  process.exit(2);
}
const toolRequire = createRequire(path.join(opts.codeServerDir, "package.json"));
const { chromium } = toolRequire("playwright-core");
const CHROMIUM = process.env.ISMS_E2E_CHROMIUM || "/usr/bin/chromium";

// ---------------------------------------------------------------- temp layout
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isms-e2e-"));
const runId = crypto.randomBytes(8).toString("hex");
const dirs = {
  userData: path.join(tmp, "user-data"),
  extensions: path.join(tmp, "extensions"),
  control: path.join(tmp, "control"),
  xdg: path.join(tmp, "xdg"),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
const workspace = path.join(tmp, "workspace", path.basename(opts.workspace) || "workspace");
const resultFile = path.join(tmp, "result.json");
const serverLog = path.join(tmp, "code-server.log");
const browserLog = path.join(tmp, "browser-console.log");

// ------------------------------------------------------------------- cleanup
let server = null; // ChildProcess of code-server (own process group)
let browser = null;
let cleaning = null;
let keepTmp = opts.keep;

function pidsWithRunId() {
  // Any process that inherited our environment marker (robust against
  // children that left the process group).
  const out = [];
  let entries = [];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return out;
  }
  const marker = `ISMS_E2E_RUN_ID=${runId}`;
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${e}/environ`, "latin1");
      if (env.split("\0").includes(marker)) out.push(Number(e));
    } catch {
      /* gone or not ours */
    }
  }
  return out;
}

function killGroup(sig) {
  if (server?.pid) {
    try {
      process.kill(-server.pid, sig);
    } catch {
      /* already gone */
    }
  }
  for (const pid of pidsWithRunId()) {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (browser) {
      // playwright kills Chromium's whole process group on close (and on process exit)
      await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
      browser = null;
    }
    killGroup("SIGTERM");
    for (let i = 0; i < 30 && pidsWithRunId().length > 0; i++) await sleep(100);
    killGroup("SIGKILL");
    for (let i = 0; i < 20 && pidsWithRunId().length > 0; i++) await sleep(100);
    const left = pidsWithRunId();
    if (left.length) console.error(`run-in-code-server: processes still alive after SIGKILL: ${left.join(" ")}`);
    try {
      reaper.kill("SIGKILL");
    } catch {
      /* gone */
    }
    if (keepTmp) console.log(`kept temp dir: ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}

// Watchdog for the case where this launcher itself is SIGKILLed (e.g. a CI
// job timeout): a detached process that, once our pid is gone, kills every
// process carrying our ISMS_E2E_RUN_ID marker (code-server and its children,
// Chromium) and removes the temp dir.
const REAPER_SRC = `
const fs = require('fs');
const [parentPid, runId, tmp, keep] = process.argv.slice(1);
const marker = 'ISMS_E2E_RUN_ID=' + runId;
const marked = () => fs.readdirSync('/proc').filter((e) => /^\\d+$/.test(e) && +e !== process.pid).filter((e) => {
  try { return fs.readFileSync('/proc/' + e + '/environ', 'latin1').split('\\0').includes(marker); } catch { return false; }
}).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const killAll = (sig) => { for (const p of marked()) { try { process.kill(p, sig); } catch {} } };
setInterval(() => {
  if (alive(+parentPid)) return;
  killAll('SIGTERM');
  setTimeout(() => {
    killAll('SIGKILL');
    if (keep !== '1') { try { fs.rmSync(tmp, { recursive: true, force: true }); } catch {} }
    process.exit(0);
  }, 2000);
}, 1000);
`;
const reaper = spawn(process.execPath, ["-e", REAPER_SRC, String(process.pid), runId, tmp, opts.keep ? "1" : "0"], {
  detached: true,
  stdio: "ignore",
});
reaper.unref();

// last resort if something calls process.exit before cleanup finished
process.on("exit", () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
});
for (const [sig, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.on(sig, () => {
    console.error(`\nrun-in-code-server: ${sig}, stopping code-server and Chromium`);
    cleanup().finally(() => process.exit(code));
  });
}

// ------------------------------------------------------------------- helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => {
      req.destroy();
      resolve(0);
    });
  });
}

function tail(file, lines = 60) {
  try {
    const text = fs.readFileSync(file, "utf8").split("\n");
    return text.slice(-lines).join("\n");
  } catch (e) {
    return `(cannot read ${file}: ${e.message})`;
  }
}

function findFiles(dir, re) {
  const out = [];
  const walk = (d) => {
    let entries = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function serverEnv() {
  const env = { ...process.env };
  // When started from a VS Code terminal these make code-server talk to that instance.
  for (const k of Object.keys(env)) {
    if (k.startsWith("VSCODE_") || k === "ELECTRON_RUN_AS_NODE") delete env[k];
  }
  Object.assign(env, {
    ISMS_E2E_RUN_ID: runId,
    ISMS_E2E_RESULT: resultFile,
    ISMS_E2E_CONTROL_DIR: dirs.control,
    ISMS_E2E_WORKSPACE: workspace,
    XDG_CONFIG_HOME: path.join(dirs.xdg, "config"),
    XDG_DATA_HOME: path.join(dirs.xdg, "data"),
    XDG_CACHE_HOME: path.join(dirs.xdg, "cache"),
    // no extension gallery (open-vsx.org): offline, and tests must not depend on it
    EXTENSIONS_GALLERY: "{}",
  });
  if (opts.extension) env.ISMS_E2E_EXTENSION_DIR = opts.extension;
  if (opts.screenshots) env.ISMS_E2E_SCREENSHOTS = opts.screenshots;
  return env;
}

function baseServerArgs() {
  return ["--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
}

async function waitForFile(file, deadline, isAlive) {
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return true;
    if (!isAlive()) return false;
    await serviceScreenshotRequests();
    await sleep(200);
  }
  return false;
}

// Tests may ask for screenshots: mocha-in-host.js's screenshot(name) writes
// <control>/<name>.shot-request and waits for <control>/<name>.shot-done.
let page = null;
const consoleErrors = [];
async function serviceScreenshotRequests() {
  let entries = [];
  try {
    entries = fs.readdirSync(dirs.control);
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.endsWith(".shot-request")) continue;
    const name = e.slice(0, -".shot-request".length);
    const reqPath = path.join(dirs.control, e);
    let message = "ok";
    try {
      if (opts.screenshots && page) {
        const out = path.join(opts.screenshots, `${name}.png`);
        await page.screenshot({ path: out });
        message = out;
        log(`screenshot ${out}`);
      } else {
        message = "skipped (no --screenshots)";
      }
    } catch (err) {
      message = `error: ${err.message}`;
    }
    fs.rmSync(reqPath, { force: true });
    fs.writeFileSync(path.join(dirs.control, `${name}.shot-done`), message);
  }
}

// ------------------------------------------------------------------ --ui module
// `ui(page, helpers)` drives the workbench like a user. helpers:
//   test(title, fn): runs one check, records it as passed or failed (an error fails it; a
//                    failing check saves <screenshots>/failure-<n>.png), never throws;
//   screenshot(name): saves <screenshots>/<name>.png (nothing without --screenshots);
//   log(...args), workspace (the open folder), deadline (ms since epoch).
// An error thrown by ui() itself counts as one more failed test.
async function runUi(deadline) {
  const tests = [];
  const failures = [];
  const helpers = {
    workspace,
    deadline,
    log: (...a) => log("[ui]", ...a),
    async screenshot(name) {
      if (!opts.screenshots || !page) return undefined;
      const out = path.join(opts.screenshots, `${name}.png`);
      await page.screenshot({ path: out });
      log(`screenshot ${out}`);
      return out;
    },
    async test(title, fn) {
      const started = Date.now();
      try {
        await fn();
        tests.push({ fullTitle: `ui: ${title}`, state: "passed", durationMs: Date.now() - started });
        log(`[ui] ok   ${title}`);
        return true;
      } catch (err) {
        tests.push({ fullTitle: `ui: ${title}`, state: "failed", durationMs: Date.now() - started });
        failures.push({ fullTitle: `ui: ${title}`, message: err?.message ?? String(err), stack: err?.stack ?? String(err) });
        log(`[ui] FAIL ${title}: ${err?.message ?? err}`);
        if (opts.screenshots && page) {
          const out = path.join(opts.screenshots, `failure-${failures.length}.png`);
          try {
            await page.screenshot({ path: out, timeout: 5000 });
            log(`screenshot ${out}`);
          } catch {
            /* ignore */
          }
        }
        return false;
      }
    },
  };
  try {
    const mod = await import(pathToFileURL(opts.ui).href);
    if (typeof mod.ui !== "function") throw new Error(`${opts.ui} does not export a function ui(page, helpers)`);
    log(`running UI checks from ${opts.ui}`);
    await mod.ui(page, helpers);
  } catch (err) {
    tests.push({ fullTitle: "ui: (module)", state: "failed" });
    failures.push({ fullTitle: "ui: (module)", message: err?.message ?? String(err), stack: err?.stack ?? String(err) });
  }
  const passed = tests.filter((t) => t.state === "passed").length;
  return { passed, failed: failures.length, pending: 0, tests, failures };
}

function mergeResults(a, b) {
  return {
    ...a,
    passed: (Number(a.passed) || 0) + b.passed,
    failed: (Number(a.failed) || 0) + b.failed,
    tests: [...(a.tests || []), ...b.tests],
    failures: [...(a.failures || []), ...b.failures],
  };
}

// ---------------------------------------------------------------------- main
async function main() {
  const deadline = T0 + opts.timeoutMs;
  log(`temp dir ${tmp}`);

  fs.cpSync(opts.workspace, workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "extensions.ignoreRecommendations": true,
        "security.workspace.trust.enabled": false,
        "git.enabled": false,
        "chat.disableAIFeatures": true,
      },
      null,
      2,
    ),
  );
  if (opts.screenshots) fs.mkdirSync(opts.screenshots, { recursive: true });

  for (const vsix of opts.installVsix) {
    log(`installing ${vsix}`);
    const r = spawnSync(process.execPath, [entryJs, ...baseServerArgs(), "--install-extension", vsix], {
      env: serverEnv(),
      encoding: "utf8",
      timeout: 120_000,
    });
    process.stdout.write(r.stdout || "");
    process.stderr.write(r.stderr || "");
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ""})`);
  }

  const port = await freePort();
  const logFd = fs.openSync(serverLog, "a");
  server = spawn(process.execPath, [entryJs, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, ...baseServerArgs(), workspace], {
    env: serverEnv(),
    detached: true,
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  let serverExit = null;
  server.on("exit", (code, signal) => {
    serverExit = { code, signal };
  });
  log(`code-server pid ${server.pid} on 127.0.0.1:${port}, log ${serverLog}`);

  const base = `http://127.0.0.1:${port}`;
  while ((await httpStatus(`${base}/healthz`)) !== 200) {
    if (serverExit) throw new Error(`code-server exited early (${JSON.stringify(serverExit)}):\n${tail(serverLog)}`);
    if (Date.now() > deadline) throw Object.assign(new Error("timed out waiting for code-server to answer HTTP"), { timeout: true });
    await sleep(250);
  }
  log("code-server answers HTTP");

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (opts.tests) {
    // VS Code only runs extensionTestsPath in an extension development window, so
    // without --extension an empty placeholder folder is the development path and
    // the extension under test is the one installed from the vsix.
    let devPath = opts.extension;
    if (!devPath) {
      devPath = path.join(tmp, "no-development-extension");
      fs.mkdirSync(devPath, { recursive: true });
    }
    payload.push(["extensionDevelopmentPath", remote(devPath)]);
    payload.push(["extensionTestsPath", remote(opts.tests)]);
  } else if (opts.extension) {
    // --ui without --tests: the development copy runs as a user would run it
    payload.push(["extensionDevelopmentPath", remote(opts.extension)]);
  }
  const url = `${base}/?folder=${encodeURIComponent(workspace)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ""}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false, // we clean up ourselves
    env: {
      ...process.env,
      ISMS_E2E_RUN_ID: runId, // lets cleanup() find any survivor
      // keep Chromium's crash-report/config/cache dirs out of $HOME
      XDG_CONFIG_HOME: path.join(dirs.xdg, "chromium-config"),
      XDG_CACHE_HOME: path.join(dirs.xdg, "chromium-cache"),
    },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();
  const consoleOut = fs.createWriteStream(browserLog);
  // The workbench's console also carries the extension host's console output
  // and errors (forwarded in extension development mode).
  let consoleChain = Promise.resolve();
  const writeConsole = (type, text) => {
    const line = `[${type}] ${text}`;
    consoleOut.write(`${line}\n`);
    if (type === "error" || type === "pageerror") consoleErrors.push(line);
    if (opts.verbose && type !== "debug") process.stderr.write(`[browser] ${line}\n`);
  };
  page.on("console", (m) => {
    consoleChain = consoleChain.then(async () => {
      let text;
      try {
        const values = await Promise.race([Promise.all(m.args().map((a) => a.jsonValue())), sleep(1000).then(() => null)]);
        if (values && values.length) {
          // VS Code logs as console.log('%c INFO', 'color: …', format, ...args)
          let prefix = "";
          let vals = values;
          if (typeof vals[0] === "string" && vals[0].startsWith("%c") && typeof vals[1] === "string") {
            prefix = `${vals[0].slice(2).trim()} `;
            vals = vals.slice(2);
          }
          text = prefix + util.format(...vals);
        } else text = m.text();
      } catch {
        text = m.text();
      }
      writeConsole(m.type(), text);
    });
  });
  page.on("pageerror", (e) => writeConsole("pageerror", e.stack || e.message));
  // The workbench calls this when the extension host ends after the tests.
  let automationExit = null;
  await page.exposeFunction("codeAutomationExit", (code) => {
    automationExit = { code };
  });
  // Nothing but this code-server may be contacted (no network here; no traffic leaves the machine).
  await context.route(/.*/, (route) => {
    const u = route.request().url();
    if (u.startsWith(`${base}/`) || u === base || /^(data|blob):/.test(u)) return route.continue();
    consoleOut.write(`[blocked] ${route.request().method()} ${u}\n`);
    return route.abort("blockedbyclient");
  });
  log(`opening ${url}`);
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: Math.max(1000, deadline - Date.now()) });

  if (!opts.tests) {
    // --ui only: no test runner in the extension host; the UI checks are the tests.
    await page.waitForSelector(".monaco-workbench", { timeout: Math.max(1000, deadline - Date.now()) });
    log("workbench loaded");
    const result = await runUi(deadline);
    if (opts.screenshots) {
      const out = path.join(opts.screenshots, "workbench.png");
      try {
        await page.screenshot({ path: out });
        log(`screenshot ${out}`);
      } catch (e) {
        log(`screenshot failed: ${e.message}`);
      }
    }
    return result;
  }

  // Wait for the results file (or for the extension host to end without one).
  const got = await waitForFile(resultFile, deadline, () => !serverExit && automationExit === null);
  if (!got && automationExit !== null) {
    // run() may have finished writing just now
    for (let i = 0; i < 10 && !fs.existsSync(resultFile); i++) await sleep(200);
  }
  if (!fs.existsSync(resultFile)) {
    const why = serverExit
      ? `code-server exited (${JSON.stringify(serverExit)})`
      : automationExit !== null
        ? `the extension host finished the tests with exit code ${automationExit.code} but wrote no ${path.basename(resultFile)} (tests module failed to load, or does not use mocha-in-host.js?)`
        : `timed out after ${opts.timeoutMs} ms waiting for the test results`;
    throw Object.assign(new Error(why), { timeout: true });
  }

  let result;
  for (let i = 0; ; i++) {
    try {
      result = JSON.parse(fs.readFileSync(resultFile, "utf8"));
      break;
    } catch (e) {
      if (i >= 10) throw new Error(`cannot parse ${resultFile}: ${e.message}`);
      await sleep(200);
    }
  }

  // Final screenshot while the extension host is still alive (mocha-in-host.js
  // waits for result.json.ack before run() returns).
  await serviceScreenshotRequests();
  if (opts.ui) {
    // The UI checks run while the extension host still runs (before the ack).
    const ui = await runUi(deadline);
    result = mergeResults(result, ui);
  }
  if (opts.screenshots) {
    const out = path.join(opts.screenshots, "workbench.png");
    try {
      await page.screenshot({ path: out });
      log(`screenshot ${out}`);
    } catch (e) {
      log(`screenshot failed: ${e.message}`);
    }
  }
  fs.writeFileSync(`${resultFile}.ack`, "ok");
  return result;
}

function printResult(result) {
  const passed = Number(result.passed) || 0;
  const failed = Number(result.failed) || 0;
  console.log("");
  for (const t of result.tests || []) {
    const mark = t.state === "passed" ? "ok  " : t.state === "failed" ? "FAIL" : "skip";
    console.log(`  ${mark} ${t.fullTitle}${t.durationMs != null ? ` (${t.durationMs} ms)` : ""}`);
  }
  for (const [i, f] of (result.failures || []).entries()) {
    console.log(`\n  ${i + 1}) ${f.fullTitle || f.title}`);
    console.log(
      `     ${String(f.stack || f.message || "")
        .split("\n")
        .join("\n     ")}`,
    );
  }
  if (result.error) console.log(`\n  error: ${result.error}`);
  console.log("");
  return { passed, failed, pending: Number(result.pending) || 0 };
}

let exitCode = 1;
let summary = "0 passed, 1 failed";
try {
  const result = await main();
  const { passed, failed, pending } = printResult(result);
  // e.g. "[/abs/ext]: Extension is not compatible with Code 1.100.3. Extension requires: ^1.105.0."
  const warnings = tail(serverLog, 100000)
    .split("\n")
    .filter((l) => /is not compatible with Code|Cannot read the extension|Error loading extension/i.test(l));
  for (const w of warnings) console.log(`warning (code-server log): ${w}`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
  if (passed === 0 && failed === 0) console.error("run-in-code-server: no test ran");
  summary = `${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ""}`;
} catch (err) {
  exitCode = 1;
  keepTmp = true;
  console.error(`\nrun-in-code-server: ${err.message}`);
  console.error(`\n--- tail of code-server log (${serverLog}) ---\n${tail(serverLog)}`);
  const errs = consoleErrors.filter((l) => !/Failed to load resource: the server responded with a status of 404/.test(l));
  if (errs.length) console.error(`\n--- errors in the workbench console (extension host errors included) ---\n${errs.slice(-10).join("\n")}`);
  const hostLogs = findFiles(dirs.userData, /exthost|remoteagent/i);
  console.error("\n--- extension host logs ---");
  for (const f of hostLogs) console.error(`  ${f}`);
  if (hostLogs.length === 0) console.error(`  (none under ${dirs.userData})`);
  console.error(`  browser console: ${browserLog}`);
  for (const f of hostLogs.filter((x) => /remoteexthost\.log$/.test(x))) {
    console.error(`\n--- tail of ${f} ---\n${tail(f, 40)}`);
  }
  if (opts.screenshots && page) {
    const out = path.join(opts.screenshots, "failure.png");
    try {
      await page.screenshot({ path: out, timeout: 5000 });
      console.error(`screenshot ${out}`);
    } catch {
      /* ignore */
    }
  }
}
await cleanup();
log(`wall time ${((Date.now() - T0) / 1000).toFixed(1)}s`);
console.log(summary);
process.exit(exitCode);
