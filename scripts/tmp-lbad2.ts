import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { LspClient } from "../test/lsp/lsp-client";
const DIR = "/tmp/isms-Lbad";
const broken = `${DIR}/risks/register-001.yaml`;
async function main() {
  const c = await LspClient.start({ folders: [DIR], initializationOptions: { debounceMs: 0 }, settings: { today: "2026-11-30" }, nodeOptions: ["--cpu-prof", "--cpu-prof-dir=/tmp/s2/lprof"] });
  await c.waitForDiagnostics(pathToFileURL(`${DIR}/risks/register-002.yaml`).href, (d) => d.length > 0, 900_000);
  const text = readFileSync(broken, "utf8");
  const uri = pathToFileURL(broken).href;
  await c.open(uri, text);
  const lines = text.split("\n");
  for (let i = 0; i < 4; i++) {
    const line = lines.findIndex((l, k) => k > 100 + i * 500 && /^ {4}likelihood: [1-5]$/.test(l));
    const now = lines[line].endsWith("1") ? "2" : "1";
    lines[line] = lines[line].slice(0, -1) + now;
    const before = c.publications.length;
    const t = performance.now();
    const version = await c.edit(uri, { start: { line, character: lines[line].length - 1 }, end: { line, character: lines[line].length } }, now);
    await c.waitForDiagnostics(uri, (_d, p) => p !== undefined && c.publications.lastIndexOf(p) >= before && (p.version === undefined || p.version === version), 900_000);
    console.log("edit", (performance.now() - t).toFixed(0));
  }
  await c.shutdown();
}
void main();
