import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { LspClient } from "../test/lsp/lsp-client";
const DIR = process.argv[2] ?? "/tmp/isms-Lbad";
const broken = `${DIR}/risks/register-001.yaml`;
const other = `${DIR}/risks/register-002.yaml`;
const pct = (a: number[], p: number) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))].toFixed(1); };
async function main() {
  const t0 = performance.now();
  const c = await LspClient.start({ folders: [DIR], initializationOptions: { debounceMs: 0 }, settings: { today: "2026-11-30" } });
  await c.waitForDiagnostics(pathToFileURL(other).href, (d) => d.length > 0, 900_000);
  console.log("first diagnostics (register-002)", ((performance.now() - t0) / 1000).toFixed(1), "s");
  const text = readFileSync(broken, "utf8");
  const uri = pathToFileURL(broken).href;
  await c.open(uri, text);
  const lines = text.split("\n");
  const ownerLine = lines.findIndex((l) => /^ {4}owner: /.test(l));
  const hovers: number[] = [];
  const edits: number[] = [];
  for (let i = 0; i < 8; i++) {
    const line = lines.findIndex((l, k) => k > ownerLine + i * 500 && /^ {4}likelihood: [1-5]$/.test(l));
    const was = lines[line].slice(-1);
    const now = was === "1" ? "2" : "1";
    lines[line] = lines[line].slice(0, -1) + now;
    const before = c.publications.length;
    const e0 = performance.now();
    const version = await c.edit(uri, { start: { line, character: lines[line].length - 1 }, end: { line, character: lines[line].length } }, now);
    const done = c.waitForDiagnostics(uri, (_d, p) => p !== undefined && c.publications.lastIndexOf(p) >= before && (p.version === undefined || p.version === version), 900_000).then(() => edits.push(performance.now() - e0));
    let finished = false;
    void done.then(() => (finished = true));
    // Hovers while the server re-checks: one after another until the diagnostics come.
    while (!finished) {
      const h0 = performance.now();
      await c.request("textDocument/hover", { textDocument: { uri }, position: { line: ownerLine, character: 13 } }, 900_000);
      hovers.push(performance.now() - h0);
    }
    await done;
  }
  console.log("edits (syntax error in the file)", edits.length, "p50", pct(edits, 50), "p95", pct(edits, 95), "ms");
  console.log("hovers during re-checks", hovers.length, "p50", pct(hovers, 50), "p95", pct(hovers, 95), "max", pct(hovers, 100), "ms");
  let diagnostics = 0;
  for (const p of c.diagnostics.values()) diagnostics += p.diagnostics.length;
  console.log("diagnostics held by the client", diagnostics, "in", c.diagnostics.size, "files");
  await c.shutdown();
}
void main();
