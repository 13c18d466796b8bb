// Speed of the language server on examples/acme, measured the way an editor sees it.
// Usage: npm run bench [-- --edits N] [-- --cpu-prof DIR]   (builds dist/server.js first)
//
// Prints, for an edit in a risk register (risks/platform.yaml) and in the Statement of
// Applicability (soa.yaml, the largest file): the re-check after a one-line edit that changes an
// owner (didChange → diagnostics of that version; debounce set to 0 so the number is the work,
// not the wait), first the warm-up edits right after start, then p50/p95 over N more edits. Also
// the cold check (start → diagnostics of every file), hover and completion round trips (p95 over
// N), the server's resident memory, and the engine alone (in-process) for the same re-checks.
// `--cpu-prof DIR` has the server write a V8 CPU profile of the run into DIR.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkParsed, parseFile, reparseFile, type ParsedFile } from "../server/src/core";
import { LspClient, buildServer, fileUri } from "../test/lsp/lsp-client";

const EXAMPLE = join(__dirname, "..", "examples", "acme");
const EDITS = Number(option("--edits") ?? 100);
const WARM_UP = 20;
const PROFILE_DIR = option("--cpu-prof");
const TODAY = "2026-11-30";
/** The files edited: a risk register, and the SoA. */
const TARGETS = ["risks/platform.yaml", "soa.yaml"];
/** The edit: the first owner of the file names another (unknown) person, so every re-check publishes new diagnostics. */
const OWNER = /owner: [\w-]+/;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (label: string, value: string) => console.log(`${label.padEnd(66)}${value}`);
const spread = (times: number[]) => `p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}`;

/** The engine alone: re-parse the edited file from its previous parse, re-check the root with the other files cached. */
function engineRechecks(texts: Map<string, string>, target: string): number[] {
  const parsed = new Map([...texts].map(([k, t]) => [k, parseFile(k, t)]));
  checkParsed([...parsed.values()], { today: TODAY });
  const original = texts.get(target)!;
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + EDITS; i++) {
    const t0 = performance.now();
    parsed.set(target, reparseFile(parsed.get(target) as ParsedFile, original.replace(OWNER, `owner: nobody-${i}`)));
    checkParsed([...parsed.values()], { today: TODAY });
    times.push(performance.now() - t0);
  }
  return times.slice(WARM_UP);
}

async function main(): Promise<void> {
  await buildServer();
  const dir = mkdtempSync(join(tmpdir(), "isms-bench-"));
  cpSync(EXAMPLE, dir, { recursive: true });
  const files = yamlFiles(dir);
  const texts = new Map(files.map((f) => [relative(dir, f), readFileSync(f, "utf8")]));
  const lines = [...texts.values()].reduce((n, t) => n + t.split("\n").length, 0);
  console.log(`examples/acme: ${files.length} YAML files, ${lines} lines; node ${process.version}; ${EDITS} measured edits after ${WARM_UP} warm-up edits`);

  const engineCold = performance.now();
  checkParsed(
    [...texts].map(([k, t]) => parseFile(k, t)),
    { today: TODAY },
  );
  const engineColdMs = performance.now() - engineCold;
  const engine = new Map(TARGETS.map((target) => [target, engineRechecks(texts, target)]));

  // The server, over stdio, as an editor drives it.
  let t0 = performance.now();
  const client = await LspClient.start({
    folders: [dir],
    initializationOptions: { debounceMs: 0 },
    nodeOptions: PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  });
  await client.waitForNotification("isms/modelChanged", () => true, 30_000);
  const cold = performance.now() - t0;

  const server = new Map<string, { warmUp: number[]; measured: number[] }>();
  for (const target of TARGETS) {
    const uri = fileUri(join(dir, target));
    const original = texts.get(target)!;
    await client.open(uri, original);
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + EDITS; i++) {
      const start = performance.now();
      const version = await client.change(uri, original.replace(OWNER, `owner: nobody-${i}`));
      await client.waitForDiagnostics(uri, (_d, p) => p?.version === version, 10_000);
      times.push(performance.now() - start);
    }
    await client.change(uri, original);
    server.set(target, { warmUp: times.slice(0, WARM_UP), measured: times.slice(WARM_UP) });
  }

  const soaUri = fileUri(join(dir, "soa.yaml"));
  const soaText = texts.get("soa.yaml")!;
  const hoverLine = soaText.split("\n").findIndex((l) => l.includes("control: A.5.15"));
  const riskUri = fileUri(join(dir, "risks/platform.yaml"));
  const riskLines = texts.get("risks/platform.yaml")!.split("\n");
  const controlsLine = riskLines.findIndex((l) => l.includes("controls: ["));
  const hoverTimes: number[] = [];
  const completionTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    t0 = performance.now();
    await client.request("textDocument/hover", { textDocument: { uri: soaUri }, position: { line: hoverLine, character: 16 } });
    hoverTimes.push(performance.now() - t0);
    t0 = performance.now();
    await client.request("textDocument/completion", { textDocument: { uri: riskUri }, position: { line: controlsLine, character: riskLines[controlsLine].indexOf("[") + 1 } });
    completionTimes.push(performance.now() - t0);
  }
  const memory = rssMiB(client.process.pid!);
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });

  row("engine, cold check of every file:", ms(engineColdMs));
  for (const target of TARGETS) row(`engine, re-check after a one-line edit in ${target}:`, spread(engine.get(target)!));
  row("server, cold start to diagnostics of every file:", ms(cold));
  for (const target of TARGETS) {
    const { warmUp, measured } = server.get(target)!;
    row(`server, one-line edit in ${target} to its diagnostics:`, `${spread(measured)}  (warm-up: first ${ms(warmUp[0])}, max ${ms(Math.max(...warmUp))})`);
  }
  row("server, hover round trip:", spread(hoverTimes));
  row("server, completion round trip:", spread(completionTimes));
  row("server, resident memory after the run:", `${memory.toFixed(0)} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
