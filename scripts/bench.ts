// Speed of the language server on examples/acme, measured the way an editor sees it.
// Usage: npm run bench   (builds dist/server.js first)
//
// Prints: the cold check (start → diagnostics for every file), the re-check after a one-line
// edit that changes a risk owner (didChange → diagnostics of that version, p50/p95 over 100 edits; debounce set to 0 so
// the number is the work, not the wait), hover and completion round trips (p95 over 100), and
// the server's resident memory. Also the engine alone (in-process) for the same re-check.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkParsed, parseFile } from "../server/src/core";
import { LspClient, buildServer, fileUri } from "../test/server/lsp-client";

const EXAMPLE = join(__dirname, "..", "examples", "acme");
const EDITS = 100;

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

async function main(): Promise<void> {
  await buildServer();
  const dir = mkdtempSync(join(tmpdir(), "isms-bench-"));
  cpSync(EXAMPLE, dir, { recursive: true });
  const files = yamlFiles(dir);
  const lines = files.reduce((n, f) => n + readFileSync(f, "utf8").split("\n").length, 0);
  console.log(`examples/acme: ${files.length} YAML files, ${lines} lines; node ${process.version}`);

  // Engine alone: re-parse the edited file, re-check its root with the other files cached.
  const texts = new Map(files.map((f) => [relative(dir, f), readFileSync(f, "utf8")]));
  const parsed = new Map([...texts].map(([k, t]) => [k, parseFile(k, t)]));
  let t0 = performance.now();
  checkParsed([...parsed.values()], { today: "2026-11-30" });
  const engineCold = performance.now() - t0;
  const target = "risks/platform.yaml";
  const engineTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    t0 = performance.now();
    parsed.set(target, parseFile(target, texts.get(target)!.replace(/owner: [\w-]+/, `owner: nobody-${i}`)));
    checkParsed([...parsed.values()], { today: "2026-11-30" });
    engineTimes.push(performance.now() - t0);
  }

  // The server, over stdio, as an editor drives it.
  t0 = performance.now();
  const client = await LspClient.start({ folders: [dir], initializationOptions: { debounceMs: 0 } });
  while (!client.notifications.some((n) => n.method === "isms/modelChanged")) await new Promise((r) => setTimeout(r, 2));
  const cold = performance.now() - t0;

  const uri = fileUri(join(dir, target));
  const original = readFileSync(join(dir, target), "utf8");
  await client.open(uri, original);
  // Each edit names another (unknown) risk owner, so every re-check publishes new diagnostics.
  const ownerLine = /owner: [\w-]+/;
  const recheck: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    const version = await client.change(uri, original.replace(ownerLine, `owner: nobody-${i}`));
    await client.waitForDiagnostics(uri, (_d, p) => p?.version === version, 10_000);
    recheck.push(performance.now() - start);
  }

  const soaUri = fileUri(join(dir, "soa.yaml"));
  const soaText = readFileSync(join(dir, "soa.yaml"), "utf8");
  await client.open(soaUri, soaText);
  const at = soaText.split("\n").findIndex((l) => l.includes("control: A.5.15"));
  const hoverTimes: number[] = [];
  const completionTimes: number[] = [];
  const riskLine = original.split("\n").findIndex((l) => l.includes("controls: ["));
  for (let i = 0; i < EDITS; i++) {
    let start = performance.now();
    await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: soaUri }, position: { line: at, character: 16 } });
    hoverTimes.push(performance.now() - start);
    start = performance.now();
    await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: riskLine, character: original.split("\n")[riskLine].indexOf("[") + 1 } });
    completionTimes.push(performance.now() - start);
  }
  const memory = rssMiB(client.process.pid!);
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });

  console.log(`engine, cold check of every file:                 ${ms(engineCold)}`);
  console.log(`engine, re-check after a one-line edit:           p50 ${ms(percentile(engineTimes, 50))}  p95 ${ms(percentile(engineTimes, 95))}`);
  console.log(`server, cold start to diagnostics of every file:  ${ms(cold)}`);
  console.log(`server, one-line edit to its diagnostics:         p50 ${ms(percentile(recheck, 50))}  p95 ${ms(percentile(recheck, 95))}  (${EDITS} edits)`);
  console.log(`server, hover round trip:                         p50 ${ms(percentile(hoverTimes, 50))}  p95 ${ms(percentile(hoverTimes, 95))}`);
  console.log(`server, completion round trip:                    p50 ${ms(percentile(completionTimes, 50))}  p95 ${ms(percentile(completionTimes, 95))}`);
  console.log(`server, resident memory after the run:            ${memory.toFixed(0)} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
