// Runs Mocha inside the VS Code extension host and reports the results to the
// e2e launcher (test/e2e/run-in-code-server.mjs) through the JSON file named by
// process.env.ISMS_E2E_RESULT. Works unchanged under @vscode/test-electron
// (no ISMS_E2E_RESULT: nothing is written, run() just rejects on failures).
//
// Usage in a tests index.js (CommonJS, loaded by VS Code as extensionTestsPath):
//
//   const path = require('path');
//   const { runMocha } = require('<repo>/test/e2e/mocha-in-host.js');
//   exports.run = () => runMocha({ files: [path.join(__dirname, 'smoke.test.js')] });
//
// Inside a test, `await screenshot('problems-panel')` asks the launcher for a
// PNG of the workbench (written to --screenshots/<name>.png; no-op elsewhere).
"use strict";

const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

/** Resolve and load Mocha from the extension's node_modules (Mocha 12 is ESM). */
async function loadMocha(resolveFrom) {
  const paths = [resolveFrom, process.env.ISMS_E2E_EXTENSION_DIR, process.cwd(), path.resolve(__dirname, "..", ".."), __dirname].filter(Boolean);
  const resolved = require.resolve("mocha", { paths });
  let mod;
  try {
    mod = require(resolved); // CommonJS mocha (<=11) or require(esm) on Node >= 20.19
  } catch (err) {
    if (err && err.code !== "ERR_REQUIRE_ESM" && err.code !== "ERR_REQUIRE_ASYNC_MODULE") throw err;
    mod = await import(pathToFileURL(resolved).href);
  }
  const Mocha = (mod && (mod.Mocha || mod.default)) || mod;
  if (typeof Mocha !== "function") throw new Error(`could not load Mocha from ${resolved}`);
  return Mocha;
}

function writeJsonAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
  fs.renameSync(tmp, file);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Wait for `file` to exist (the launcher's acknowledgement), at most `ms`. */
async function waitFor(file, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (fs.existsSync(file)) return true;
    await sleep(100);
  }
  return false;
}

function errorInfo(err) {
  if (!err) return { message: "unknown error" };
  return {
    message: String(err.message || err),
    stack: err.stack ? String(err.stack) : undefined,
    actual: err.actual !== undefined ? safeString(err.actual) : undefined,
    expected: err.expected !== undefined ? safeString(err.expected) : undefined,
  };
}

function safeString(v) {
  try {
    return typeof v === "string" ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/**
 * Run the given Mocha test files in this extension host.
 * @param {object} options
 * @param {string[]} options.files      absolute paths of CommonJS test files
 * @param {string} [options.resolveFrom] folder to resolve `mocha` from (default: the extension dir)
 * @param {object} [options.mocha]      extra Mocha options (merged over the defaults)
 * @param {string} [options.resultFile] defaults to process.env.ISMS_E2E_RESULT
 * @returns {Promise<{passed:number, failed:number, pending:number}>} rejects when a test failed
 */
async function runMocha(options) {
  const opts = options || {};
  const resultFile = opts.resultFile || process.env.ISMS_E2E_RESULT;
  const started = Date.now();
  const result = { passed: 0, failed: 0, pending: 0, failures: [], tests: [], durationMs: 0 };
  let runError = null;

  try {
    const Mocha = await loadMocha(opts.resolveFrom);
    const mocha = new Mocha({
      ui: "bdd",
      timeout: 60000,
      color: false,
      reporter: "spec",
      ...(opts.mocha || {}),
    });
    for (const f of opts.files || []) mocha.addFile(path.resolve(f));

    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    await new Promise((resolve, reject) => {
      let runner;
      try {
        runner = mocha.run(() => resolve());
      } catch (err) {
        reject(err);
        return;
      }
      runner.on(EVENT_TEST_PASS, (test) => {
        result.passed++;
        result.tests.push({ fullTitle: test.fullTitle(), state: "passed", durationMs: test.duration });
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        result.pending++;
        result.tests.push({ fullTitle: test.fullTitle(), state: "pending" });
      });
      // also fires for failing hooks (before/after...), which count as failures
      runner.on(EVENT_TEST_FAIL, (test, err) => {
        result.failed++;
        const info = { title: test.title, fullTitle: test.fullTitle(), type: test.type, ...errorInfo(err) };
        result.failures.push(info);
        result.tests.push({ fullTitle: test.fullTitle(), state: "failed", durationMs: test.duration });
      });
    });
  } catch (err) {
    // Mocha could not load or a test file threw at require time
    runError = err;
    result.failed++;
    result.error = String((err && err.stack) || err);
    result.failures.push({ title: "mocha run", fullTitle: "mocha run", ...errorInfo(err) });
  }
  result.durationMs = Date.now() - started;

  if (resultFile) {
    writeJsonAtomic(resultFile, result);
    // Let the launcher take its final screenshot while this host still runs.
    if (process.env.ISMS_E2E_CONTROL_DIR) await waitFor(`${resultFile}.ack`, 30000);
  }
  if (runError) throw runError;
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed`);
  return { passed: result.passed, failed: result.failed, pending: result.pending };
}

/**
 * Ask the e2e launcher for a screenshot of the workbench, saved as
 * <--screenshots dir>/<name>.png. Resolves with the file path (or a note when
 * the launcher has no --screenshots dir, or when not run by the launcher).
 */
async function screenshot(name, timeoutMs = 30000) {
  const dir = process.env.ISMS_E2E_CONTROL_DIR;
  if (!dir) return "skipped (not running under run-in-code-server.mjs)";
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, "_");
  const done = path.join(dir, `${safe}.shot-done`);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(dir, `${safe}.shot-request`), "");
  if (!(await waitFor(done, timeoutMs))) throw new Error(`screenshot ${safe}: no answer from the launcher`);
  const msg = fs.readFileSync(done, "utf8");
  fs.rmSync(done, { force: true });
  if (msg.startsWith("error:")) throw new Error(`screenshot ${safe}: ${msg}`);
  return msg;
}

module.exports = { runMocha, screenshot, loadMocha };
