import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { LspClient } from "../test/lsp/lsp-client";
const DIR = "/tmp/isms-M";
const file = `${DIR}/risks/register-001.yaml`;
const uri = pathToFileURL(file).href;
async function main() {
  const c = await LspClient.start({ folders: [DIR], initializationOptions: { debounceMs: 0 }, settings: { today: "2026-11-30" }, nodeOptions: process.env.PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/s2/sprof"] : [] });
  await c.waitForDiagnostics(uri, (d) => d.length > 0, 600_000);
  const text = readFileSync(file, "utf8");
  await c.open(uri, text);
  const lines = text.split("\n");
  const owners = lines.flatMap((l, i) => (/^ {4}owner: [\w-]+$/.test(l) ? [i] : []));
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const line = owners[(i * 104729) % owners.length];
    const was = lines[line].slice(10);
    const now = was === "p-0001" ? "p-0002" : "p-0001";
    lines[line] = "    owner: " + now;
    const before = c.publications.length;
    const t0 = performance.now();
    const version = await c.edit(uri, { start: { line, character: 11 }, end: { line, character: 11 + was.length } }, now);
    await c.waitForDiagnostics(uri, (_d, p) => p !== undefined && c.publications.lastIndexOf(p) >= before && (p.version === undefined || p.version === version), 60_000);
    times.push(performance.now() - t0);
  }
  const s = times.slice(10).sort((a, b) => a - b);
  console.log("p50", s[Math.floor(s.length / 2)].toFixed(1), "p95", s[Math.floor(s.length * 0.95)].toFixed(1));
  await c.shutdown();
}
void main();
