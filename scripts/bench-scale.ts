// Speed of the checker and the language server on a large ISMS, against the floor and a peer.
// Usage: npm run bench:scale -- DIR [--edits N] [--queries N] [--runs N] [--no-peer] [--json FILE]
//   DIR: an ISMS written by `npm run bench:gen` (checked with --today 2026-11-30).
//
// Measures in one run, on the same files:
// - floor: a Node.js process that reads every YAML file and parses it with `yaml` and a LineCounter,
//   nothing else; cold CLI: `isms check DIR --format json` (both: process wall time, min of --runs);
// - our server over stdio: start to the diagnostics of every file with findings; one-line edits in
//   the largest risk file (a rating change, an owner change, a new risk appended, in turn) from
//   didChange to that version's diagnostics (p50/p95 over --edits; debounce 0, so the work, not the
//   wait); hover, completion and code-action round trips (p95 over --queries); hovers in another
//   file sent while the server re-checks after each of up to 10 more edits; resident memory;
// - the peer, yaml-language-server 1.x, over stdio with our JSON Schemas mapped by file glob, on
//   the same files, all open: time to the diagnostics of every file, and the same edits.
// Prints a table, then the JSON of every number (also written to --json FILE).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { FULL_CAPABILITIES, LspClient, REPO_ROOT, buildServer, fileUri } from "../test/lsp/lsp-client";
import { BENCH_TODAY } from "./generate-isms";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const DIR = resolve(args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? fail("give the ISMS folder: npm run bench:scale -- DIR"));
const EDITS = Number(option("--edits") ?? 200);
const QUERIES = Number(option("--queries") ?? 50);
const RUNS = Number(option("--runs") ?? 1);
const PEER = !args.includes("--no-peer");
const JSON_OUT = option("--json");
/** Edits after start that warm the code paths up, not counted. */
const WARM_UP = Math.min(10, EDITS);
/** Any wait longer than this means a server hangs (ms): generous for a loaded machine and size L. */
const WAIT = 3_600_000;
const PEER_JS = join(REPO_ROOT, "node_modules", "yaml-language-server", "bin", "yaml-language-server");

function fail(message: string): never {
  console.error(`bench:scale: ${message}`);
  process.exit(2);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? (name === "node_modules" || name.startsWith(".") ? [] : yamlFiles(full)) : /\.ya?ml$/.test(name) ? [full] : [];
    });
}

function rssMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** Runs a Node.js process to its end: wall time (ms) and peak resident memory (MiB, from a preloaded exit hook). */
function timeProcess(argv: string[], hook: string): { ms: number; maxRssMiB: number; status: number | null; stdout: string } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--require", hook, ...argv], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const rss = /isms-bench-maxrss (\d+)/.exec(run.stderr ?? "");
  return { ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN, status: run.status, stdout: run.stdout };
}

/** The JSON Schemas of the repository, copied with `$id` set to the copy's file URI so the peer resolves `$ref`s locally. */
function localSchemas(into: string): Map<string, string> {
  const byName = new Map<string, string>();
  const dir = join(REPO_ROOT, "schemas");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(join(dir, name), "utf8")) as Record<string, unknown>;
    const target = join(into, name);
    schema.$id = fileUri(target);
    writeFileSync(target, JSON.stringify(schema));
    byName.set(name, fileUri(target));
  }
  return byName;
}

/** Which schema validates which files of a generated ISMS (by path glob, as yaml-language-server maps them). */
const SCHEMA_GLOBS: Record<string, string[]> = {
  "isms.schema.json": ["**/isms.yaml"],
  "risk-methodology.schema.json": ["**/risk/methodology.yaml"],
  "asset-inventory.schema.json": ["**/assets/*.yaml"],
  "risk-register.schema.json": ["**/risks/*.yaml"],
  "statement-of-applicability.schema.json": ["**/soa.yaml"],
  "action-plan.schema.json": ["**/actions/*.yaml"],
  "internal-audit.schema.json": ["**/audits/*.yaml"],
  "management-review.schema.json": ["**/reviews/*.yaml"],
  "nonconformity-log.schema.json": ["**/nonconformities/*.yaml"],
  "objectives.schema.json": ["**/objectives.yaml"],
  "policy-register.schema.json": ["**/policies.yaml"],
};

type Position = { line: number; character: number };
type Edit = { range: { start: Position; end: Position }; text: string };

/**
 * The edits of the run, on the largest risk file: in turn a rating change (`likelihood: N` to another
 * level), an owner change (to another person of the ISMS), and a new risk appended at the end.
 * Each keeps the text valid; the file grows by one risk every third edit.
 */
function editPlan(text: string, count: number): Edit[] {
  const lines = text.split("\n");
  const ratings = lines.flatMap((l, i) => (/^ {4}likelihood: [1-5]$/.test(l) ? [i] : []));
  const owners = lines.flatMap((l, i) => (/^ {4}owner: [\w-]+$/.test(l) ? [i] : []));
  const people = [...new Set(owners.map((i) => lines[i].slice("    owner: ".length)))];
  const current = new Map<number, string>();
  let end = lines.length - 1; // the last line (empty after the final newline)
  const edits: Edit[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0 && ratings.length > 0) {
      const line = ratings[(i * 7919) % ratings.length];
      const was = current.get(line) ?? lines[line].slice(-1);
      const now = String((Number(was) % 5) + 1);
      current.set(line, now);
      edits.push({ range: { start: { line, character: lines[line].length - 1 }, end: { line, character: lines[line].length } }, text: now });
    } else if (kind === 1 && owners.length > 0) {
      const line = owners[(i * 104729) % owners.length];
      const was = current.get(line) ?? lines[line].slice("    owner: ".length);
      const now = people[(people.indexOf(was) + 1) % people.length];
      current.set(line, now);
      edits.push({ range: { start: { line, character: "    owner: ".length }, end: { line, character: "    owner: ".length + was.length } }, text: now });
    } else {
      const risk = [
        `  - id: R-BENCH-${i}`,
        "    title: Risk added during the benchmark",
        `    owner: ${people[i % Math.max(1, people.length)] ?? "ceo"}`,
        "    likelihood: 2",
        "    impact: 2",
        "    treatment: accept",
        `    reviewed: ${BENCH_TODAY}`,
        "",
      ];
      edits.push({ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: risk.join("\n") + "\n" });
      end += risk.length;
    }
  }
  return edits;
}

/** Applies the edits one by one, each timed from didChange to the next diagnostics of that file (of that version when the server says). */
async function timeEdits(client: LspClient, uri: string, edits: Edit[]): Promise<number[]> {
  const times: number[] = [];
  for (const edit of edits) {
    const before = client.publications.length;
    const t0 = performance.now();
    const version = await client.edit(uri, edit.range, edit.text);
    await client.waitForDiagnostics(uri, (_d, p) => p !== undefined && client.publications.lastIndexOf(p) >= before && (p.version === undefined || p.version === version), WAIT);
    times.push(performance.now() - t0);
  }
  return times;
}

/** After each edit, hovers at `hoverAt` one after another until that edit's diagnostics arrive: their round trips. */
async function hoversDuringChecks(client: LspClient, uri: string, edits: Edit[], hoverAt: unknown): Promise<number[]> {
  const times: number[] = [];
  for (const edit of edits) {
    const before = client.publications.length;
    const version = await client.edit(uri, edit.range, edit.text);
    let checked = false;
    const diagnostics = client
      .waitForDiagnostics(uri, (_d, p) => p !== undefined && client.publications.lastIndexOf(p) >= before && (p.version === undefined || p.version === version), WAIT)
      .then(() => (checked = true));
    do {
      const t0 = performance.now();
      await client.request("textDocument/hover", hoverAt, WAIT);
      times.push(performance.now() - t0);
    } while (!checked);
    await diagnostics;
  }
  return times;
}

async function timeRequests(client: LspClient, method: string, params: unknown, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await client.request(method, params, WAIT);
    times.push(performance.now() - t0);
  }
  return times;
}

const stats = (times: number[]) => ({ p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), n: times.length });
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  await buildServer();
  const files = yamlFiles(DIR);
  if (files.length === 0) fail(`no YAML files under ${DIR}`);
  const texts = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
  const lineCount = (t: string) => t.split("\n").length - (t.endsWith("\n") ? 1 : 0);
  const totalLines = [...texts.values()].reduce((n, t) => n + lineCount(t), 0);
  const riskFiles = files.filter((f) => /(^|\/)risks?\//.test(relative(DIR, f)) && /kind: RiskRegister/.test(texts.get(f)!));
  const target = (riskFiles.length > 0 ? riskFiles : files).reduce((a, b) => (texts.get(b)!.length > texts.get(a)!.length ? b : a));
  const targetText = texts.get(target)!;
  const targetUri = fileUri(target);
  const work = mkdtempSync(join(tmpdir(), "isms-bench-scale-"));
  const machine = {
    node: process.version,
    cpus: (await import("node:os")).cpus().length,
    memGiB: Math.round((await import("node:os")).totalmem() / 2 ** 30),
    load: (await import("node:os")).loadavg().map(round),
  };
  console.log(`${DIR}: ${files.length} YAML files, ${totalLines.toLocaleString("en")} lines; edited: ${relative(DIR, target)} (${lineCount(targetText).toLocaleString("en")} lines)`);
  console.log(
    `node ${machine.node}, ${machine.cpus} cores, ${machine.memGiB} GiB, load average ${machine.load.join(" ")}; ${EDITS} edits (+${WARM_UP} warm-up), ${QUERIES} queries, ${RUNS} run(s) of the processes${PEER ? "" : "; no peer"}`,
  );

  // --- floor and cold CLI, interleaved, min of RUNS
  const hook = join(work, "maxrss.cjs");
  writeFileSync(hook, `process.on("exit", () => require("fs").writeSync(2, "\\nisms-bench-maxrss " + process.resourceUsage().maxRSS + "\\n"));\n`);
  const list = join(work, "files.json");
  writeFileSync(list, JSON.stringify(files));
  const floorScript = join(work, "floor.cjs");
  writeFileSync(
    floorScript,
    `const { readFileSync } = require("fs"); const { parseAllDocuments, LineCounter } = require(${JSON.stringify(join(REPO_ROOT, "node_modules", "yaml"))});\n` +
      `let docs = 0; for (const f of JSON.parse(readFileSync(process.argv[2], "utf8"))) { const lineCounter = new LineCounter(); docs += parseAllDocuments(readFileSync(f, "utf8"), { lineCounter }).length; }\n` +
      `console.log(docs);\n`,
  );
  const floorRuns: ReturnType<typeof timeProcess>[] = [];
  const cliRuns: ReturnType<typeof timeProcess>[] = [];
  let findingFiles = new Set<string>();
  for (let r = 0; r < RUNS; r++) {
    floorRuns.push(timeProcess([floorScript, list], hook));
    const cli = timeProcess([join(REPO_ROOT, "dist", "cli.js"), "check", DIR, "--today", BENCH_TODAY, "--format", "json"], hook);
    cliRuns.push(cli);
    if (r === 0) {
      const report = JSON.parse(cli.stdout) as { findings: { file: string }[] };
      findingFiles = new Set(report.findings.map((f) => resolve(DIR, f.file)));
    }
  }
  const best = (runs: ReturnType<typeof timeProcess>[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const floor = best(floorRuns);
  const cli = best(cliRuns);

  // --- our server
  let t0 = performance.now();
  const capabilities = { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } } } };
  const ours = await LspClient.start({ folders: [DIR], initializationOptions: { debounceMs: 0 }, settings: { today: BENCH_TODAY }, capabilities });
  for (const file of findingFiles) await ours.waitForDiagnostics(fileUri(file), (d) => d.length > 0, WAIT);
  const oursFirst = performance.now() - t0;
  const oursDiagnostics = [...ours.diagnostics.values()].reduce((n, p) => n + p.diagnostics.length, 0);
  const oursRssAfterIndex = rssMiB(ours.process.pid!);
  await ours.open(targetUri, targetText);
  const during = Math.min(10, EDITS);
  const plan = editPlan(targetText, WARM_UP + EDITS + during);
  const oursEdits = await timeEdits(ours, targetUri, plan.slice(0, WARM_UP + EDITS));
  const editedLines = targetText.split("\n");
  const ownerLine = editedLines.findIndex((l) => /^ {4}owner: /.test(l));
  const controlsLine = editedLines.findIndex((l) => /^ {4}controls: \[/.test(l));
  const hoverAt = { textDocument: { uri: targetUri }, position: { line: ownerLine, character: 13 } };
  const completionAt = { textDocument: { uri: targetUri }, position: { line: controlsLine, character: editedLines[controlsLine].indexOf("[") + 1 } };
  const diagnostic = ours.diagnosticsOf(targetUri)[0];
  const actionAt = {
    textDocument: { uri: targetUri },
    range: diagnostic?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: diagnostic ? [diagnostic] : [] },
  };
  const oursHover = await timeRequests(ours, "textDocument/hover", hoverAt, QUERIES);
  const oursCompletion = await timeRequests(ours, "textDocument/completion", completionAt, QUERIES);
  const oursAction = await timeRequests(ours, "textDocument/codeAction", actionAt, QUERIES);
  // Hovers in another file, one after another, while the server re-checks after each of a few
  // more edits: whether it answers during a check (the last check read that file).
  const other = riskFiles.find((f) => f !== target) ?? files.find((f) => f !== target) ?? target;
  const otherLines = texts.get(other)!.split("\n");
  const otherOwner = Math.max(
    0,
    otherLines.findIndex((l) => /^ {4}owner: /.test(l)),
  );
  const otherAt = { textDocument: { uri: fileUri(other) }, position: { line: otherOwner, character: Math.min(13, otherLines[otherOwner].length) } };
  const oursHoverDuring = await hoversDuringChecks(ours, targetUri, plan.slice(WARM_UP + EDITS), otherAt);
  const oursRss = rssMiB(ours.process.pid!);
  await ours.shutdown();

  // --- the peer
  let peer: Record<string, unknown> | undefined;
  if (PEER) {
    const schemaDir = join(work, "schemas");
    mkdirSync(schemaDir);
    const schemaUris = localSchemas(schemaDir);
    const schemas = Object.fromEntries(Object.entries(SCHEMA_GLOBS).map(([name, globs]) => [schemaUris.get(name)!, globs]));
    const yaml = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas, maxItemsComputed: 5000 };
    t0 = performance.now();
    const client = await LspClient.start({
      folders: [DIR],
      serverArgs: [PEER_JS, "--stdio"],
      sections: { yaml, "[yaml]": {}, editor: {}, http: {}, files: {} },
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true, workspaceFolders: true } },
    });
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { yaml } });
    for (const file of files) await client.open(fileUri(file), texts.get(file)!);
    for (const file of files) await client.waitForDiagnostics(fileUri(file), () => true, WAIT);
    const peerFirst = performance.now() - t0;
    const peerDiagnostics = [...client.diagnostics.values()].reduce((n, p) => n + p.diagnostics.length, 0);
    const peerEdits = await timeEdits(client, targetUri, plan);
    const peerHover = await timeRequests(client, "textDocument/hover", hoverAt, QUERIES);
    const peerCompletion = await timeRequests(client, "textDocument/completion", completionAt, QUERIES);
    const peerRss = rssMiB(client.process.pid!);
    await client.shutdown();
    peer = {
      firstDiagnosticsMs: round(peerFirst),
      diagnostics: peerDiagnostics,
      edit: stats(peerEdits.slice(WARM_UP)),
      hover: stats(peerHover),
      completion: stats(peerCompletion),
      rssMiB: Math.round(peerRss),
    };
  }
  rmSync(work, { recursive: true, force: true });

  const result = {
    dir: DIR,
    files: files.length,
    lines: totalLines,
    edited: { file: relative(DIR, target), lines: lineCount(targetText) },
    machine,
    floorMs: round(floor.ms),
    floorMaxRssMiB: Math.round(floor.maxRssMiB),
    cli: { ms: round(cli.ms), maxRssMiB: Math.round(cli.maxRssMiB), exit: cli.status },
    ours: {
      firstDiagnosticsMs: round(oursFirst),
      diagnostics: oursDiagnostics,
      rssAfterIndexMiB: Math.round(oursRssAfterIndex),
      edit: stats(oursEdits.slice(WARM_UP)),
      editByKind: Object.fromEntries(["rating", "owner", "append"].map((k, i) => [k, stats(oursEdits.slice(WARM_UP).filter((_, j) => (j + WARM_UP) % 3 === i))])),
      warmUp: { first: round(oursEdits[0]), max: round(Math.max(...oursEdits.slice(0, WARM_UP))) },
      hover: stats(oursHover),
      hoverDuringChecks: stats(oursHoverDuring),
      completion: stats(oursCompletion),
      codeAction: stats(oursAction),
      rssMiB: Math.round(oursRss),
    },
    peer,
    ratios: {
      coldOverFloor: round(cli.ms / floor.ms),
      firstDiagnosticsOursOverPeer: peer ? round(oursFirst / (peer.firstDiagnosticsMs as number)) : undefined,
      editP50OursOverPeer: peer ? round(percentile(oursEdits.slice(WARM_UP), 50) / (peer.edit as { p50: number }).p50) : undefined,
      editP95OursOverPeer: peer ? round(percentile(oursEdits.slice(WARM_UP), 95) / (peer.edit as { p95: number }).p95) : undefined,
      memoryOursOverPeer: peer ? round(oursRss / (peer.rssMiB as number)) : undefined,
    },
  };

  const row = (label: string, value: string, peerValue = "") => console.log(`| ${label.padEnd(52)} | ${value.padEnd(26)} | ${peerValue.padEnd(26)} |`);
  const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`);
  const spread = (s: { p50: number; p95: number }) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`;
  const p = peer as { firstDiagnosticsMs: number; edit: { p50: number; p95: number }; hover: { p50: number; p95: number }; completion: { p50: number; p95: number }; rssMiB: number } | undefined;
  console.log("");
  row("Measurement", "ISMS Workbench", "yaml-language-server (peer)");
  console.log(`| ${"-".repeat(52)} | ${"-".repeat(26)} | ${"-".repeat(26)} |`);
  row("Floor: yaml parse of every file (process)", ms(result.floorMs));
  row("Cold CLI check (process)", `${ms(result.cli.ms)} (${result.ratios.coldOverFloor}x floor)`);
  row("CLI peak memory", `${result.cli.maxRssMiB} MiB`);
  row("Server: start to all diagnostics", ms(result.ours.firstDiagnosticsMs), p ? `${ms(p.firstDiagnosticsMs)} (all files open)` : "");
  row(`Edit in ${result.edited.file} to its diagnostics`, spread(result.ours.edit), p ? spread(p.edit) : "");
  for (const [kind, s] of Object.entries(result.ours.editByKind)) row(`  ${kind}`, spread(s));
  row("Hover round trip", spread(result.ours.hover), p ? spread(p.hover) : "");
  row("Hover in another file while it re-checks", `${spread(result.ours.hoverDuringChecks)} (${result.ours.hoverDuringChecks.n})`);
  row("Completion round trip", spread(result.ours.completion), p ? spread(p.completion) : "");
  row("Code action round trip", spread(result.ours.codeAction));
  row("Server resident memory (after indexing / after run)", `${result.ours.rssAfterIndexMiB} / ${result.ours.rssMiB} MiB`, p ? `${p.rssMiB} MiB` : "");
  if (p) row("Ratios ours/peer: first diagnostics, edit p50, p95", `${result.ratios.firstDiagnosticsOursOverPeer}, ${result.ratios.editP50OursOverPeer}, ${result.ratios.editP95OursOverPeer}`);
  console.log("");
  console.log(JSON.stringify(result, null, 2));
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
