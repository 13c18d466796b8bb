import * as assert from "node:assert/strict";
import { cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { URI } from "vscode-uri";
import { runCli } from "../cli/cli-helpers";
import { REPO_ROOT, textAt, useServerSuite, withCode, type LspClient } from "./lsp-client";

const ACME = join(REPO_ROOT, "examples", "acme");
const TODAY = "2026-11-30";
const SEVERITY: Record<number, string> = { 1: "error", 2: "warning", 3: "info" };
const CANNOT_READ = /^This file cannot be read: /;

/** One finding as a comparable line: file (relative, '/'), rule, severity, range, message. */
function line(file: string, rule: unknown, severity: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }, message: string): string {
  return `${file} ${String(rule)} ${severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${message}`;
}

/** What the server shows in the files under `dir` (last publication of each file), sorted. */
function serverFindings(c: LspClient, dir: string, skip: (file: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const [uri, params] of c.diagnostics) {
    const path = URI.parse(uri).fsPath;
    const file = relative(dir, path).split(sep).join("/");
    if (file.startsWith("..") || skip(file)) continue;
    for (const d of params.diagnostics) out.push(line(file, d.code, SEVERITY[d.severity ?? 0] ?? "?", d.range, d.message));
  }
  return out.sort();
}

/** What `isms check --format json` reports for `dir`, sorted; fails unless it ran (exit 0 or 1). */
async function cliFindings(dir: string): Promise<string[]> {
  const run = await runCli(["check", dir, "--today", TODAY, "--format", "json"]);
  assert.ok(run.status === 0 || run.status === 1, `isms check ran: ${run.status} ${run.stderr}`);
  const findings = JSON.parse(run.stdout).findings as { rule: string; severity: string; file: string; range: Parameters<typeof line>[3]; message: string }[];
  return findings.map((f) => line(f.file, f.rule, f.severity, f.range, f.message)).sort();
}

describe("language server: reads the workspace from disk as the command line does", function () {
  const server = useServerSuite();

  /** A temporary copy of examples/acme (plus a sibling folder for link targets outside it). */
  function acmeCopy(): { dir: string; outside: string; uri(path: string): string } {
    const ws = server.workspace({});
    const outside = server.workspace({}).dir;
    cpSync(ACME, ws.dir, { recursive: true });
    return { dir: ws.dir, outside, uri: ws.uri };
  }

  /** Starts the server on `dir` and waits until its first check is done and a full re-read answered. */
  async function startOn(dir: string): Promise<LspClient> {
    const c = await server.start({ folders: [dir], settings: { today: TODAY } });
    await c.waitForNotification("isms/modelChanged");
    await c.request("isms/checkWorkspace", {});
    return c;
  }

  it("follows a symbolic link to a file elsewhere (and survives a link loop): the same findings as the CLI without the link", async () => {
    const plain = acmeCopy();
    const expected = await cliFindings(plain.dir);
    assert.ok(
      expected.some((f) => f.startsWith("risks/corporate.yaml ")),
      "corporate.yaml has findings of its own",
    );
    assert.ok(!expected.some((f) => f.startsWith("soa.yaml ref/unresolved")), "no unresolved references in the SoA of the example");

    const linked = acmeCopy();
    const target = join(linked.outside, "corporate-risks.yaml");
    renameSync(join(linked.dir, "risks", "corporate.yaml"), target);
    symlinkSync(target, join(linked.dir, "risks", "corporate.yaml"));
    symlinkSync(linked.dir, join(linked.dir, "loop")); // a folder link back to the root
    assert.deepEqual(await cliFindings(linked.dir), expected, "the CLI follows the link");

    const c = await startOn(linked.dir);
    assert.deepEqual(serverFindings(c, linked.dir), expected);
    assert.ok(c.alive);
  });

  it("decodes a UTF-16LE file with a byte-order mark and checks it", async () => {
    const ws = acmeCopy();
    const file = join(ws.dir, "risks", "platform.yaml");
    const text = readFileSync(file, "utf8").replace("    owner: cto\n    likelihood: 3\n    impact: 5", "    owner: zürich-ops\n    likelihood: 3\n    impact: 5");
    assert.ok(text.includes("zürich-ops"), "the fixture edit applies");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));

    const c = await startOn(ws.dir);
    const shown = c.diagnosticsOf(ws.uri("risks/platform.yaml"));
    assert.deepEqual(withCode(shown, "yaml/syntax"), [], "no 'not text' or encoding problem");
    const unresolved = withCode(shown, "ref/unresolved");
    assert.equal(unresolved.length, 1, JSON.stringify(shown.map((d) => d.message)));
    assert.equal(textAt(text, unresolved[0].range), "zürich-ops", "ranges refer to the decoded text");
    // The records of the file are in the model: everything else is as the CLI sees it.
    assert.deepEqual(serverFindings(c, ws.dir), await cliFindings(ws.dir));
  });

  it("shows an error in a dangling link and in a file over 10 MB, keeps checking the other files, logs each once", async () => {
    const ws = acmeCopy();
    const expectedOthers = await cliFindings(ws.dir);
    const target = join(ws.outside, "x-target.yaml");
    symlinkSync(target, join(ws.dir, "x.yaml"));
    const big = "apiVersion: isms/v1\nkind: Objectives\n" + `# ${"x".repeat(1000)}\n`.repeat(11 * 1024);
    assert.ok(Buffer.byteLength(big) > 10 * 1024 * 1024);
    writeFileSync(join(ws.dir, "big.yaml"), big);
    const cli = await runCli(["check", ws.dir, "--today", TODAY]);
    assert.equal(cli.status, 2, "the CLI stops on them");

    const c = await startOn(ws.dir);
    const dangling = c.diagnosticsOf(ws.uri("x.yaml"));
    assert.equal(dangling.length, 1, JSON.stringify(dangling));
    assert.equal(dangling[0].severity, 1);
    assert.equal(dangling[0].code, "yaml/syntax");
    assert.deepEqual(dangling[0].range.start, { line: 0, character: 0 });
    assert.match(dangling[0].message, CANNOT_READ);
    assert.match(dangling[0].message, /broken symbolic link \(the file it points to does not exist\)/);

    const large = c.diagnosticsOf(ws.uri("big.yaml"));
    assert.equal(large.length, 1, JSON.stringify(large));
    assert.equal(large[0].severity, 1);
    assert.deepEqual(large[0].range.start, { line: 0, character: 0 });
    assert.match(large[0].message, CANNOT_READ);
    assert.match(large[0].message, /^This file cannot be read: 1\d\.\d MB, larger than the 10 MB an ISMS file can be\./);

    assert.deepEqual(
      serverFindings(c, ws.dir, (f) => f === "x.yaml" || f === "big.yaml"),
      expectedOthers,
      "the other files are checked as before",
    );
    const summary = await c.request<{ errors: number }>("isms/checkWorkspace", {});
    assert.equal(summary.errors, expectedOthers.filter((f) => / error /.test(f)).length + 2, "the two unreadable files count as errors");
    for (const name of ["x.yaml", "big.yaml"]) {
      const lines = c.logs.filter((l) => l.includes(`Cannot read ${join(ws.dir, name)}:`));
      assert.equal(lines.length, 1, `one log line for ${name} after two reads:\n${c.logs.join("\n")}`);
    }

    // The link target appears: the file is read and checked, the error goes.
    writeFileSync(target, "apiVersion: isms/v1\nkind: Objectives\nobjectives:\n  - id: OBJ-X\n    title: Linked objective\n    owner: nobody-here\n");
    await c.filesChanged([{ uri: ws.uri("x.yaml"), type: 2 }]);
    const fixed = await c.waitForDiagnostics(ws.uri("x.yaml"), (d) => !d.some((x) => CANNOT_READ.test(x.message)) && d.length > 0);
    assert.ok(withCode(fixed, "ref/unresolved").length >= 1, `the linked file is checked: ${JSON.stringify(fixed.map((d) => d.message))}`);
    // The big file shrinks to an empty file: read (and reported as empty), no read error any more.
    writeFileSync(join(ws.dir, "big.yaml"), "");
    await c.filesChanged([{ uri: ws.uri("big.yaml"), type: 2 }]);
    const emptied = await c.waitForDiagnostics(ws.uri("big.yaml"), (d) => d.length > 0 && !d.some((x) => CANNOT_READ.test(x.message)));
    assert.deepEqual(
      emptied.map((d) => d.code),
      ["isms/empty-file"],
    );
    rmSync(join(ws.dir, "big.yaml"));
    assert.ok(c.alive);
  });

  it("shows a cited evidence file as missing until it is created, and again when it is deleted; a link out of the root is no file of it", async () => {
    const ws = acmeCopy();
    const evidence = (d: { code?: unknown; message: string }[]) => d.filter((x) => x.code === "soa/evidence-missing").map((x) => x.message);
    // The policy file becomes a symbolic link to a copy outside the root: not a file of the ISMS.
    renameSync(join(ws.dir, "policies", "cryptography.md"), join(ws.outside, "cryptography.md"));
    symlinkSync(join(ws.outside, "cryptography.md"), join(ws.dir, "policies", "cryptography.md"));
    const c = await startOn(ws.dir);
    assert.deepEqual(serverFindings(c, ws.dir), await cliFindings(ws.dir), "the same findings as the CLI");
    const before = evidence(c.diagnosticsOf(ws.uri("soa.yaml")));
    assert.ok(
      before.some((m) => m.includes('"docs/restore-test-2026-q3.md" names no file')),
      before.join("\n"),
    );
    assert.ok(
      before.some((m) => m.includes('"policies/cryptography.md" names no file')),
      "the link out of the root does not count",
    );

    writeFileSync(join(ws.dir, "docs", "restore-test-2026-q3.md"), "# Restore test, 2026 Q3\n");
    await c.filesChanged([{ uri: ws.uri("docs/restore-test-2026-q3.md"), type: 1 }]);
    const created = await c.waitForDiagnostics(ws.uri("soa.yaml"), (d) => !evidence(d).some((m) => m.includes("restore-test")));
    assert.ok(evidence(created).some((m) => m.includes("cryptography")));

    rmSync(join(ws.dir, "docs", "restore-test-2026-q3.md"));
    await c.filesChanged([{ uri: ws.uri("docs/restore-test-2026-q3.md"), type: 3 }]);
    await c.waitForDiagnostics(ws.uri("soa.yaml"), (d) => evidence(d).some((m) => m.includes("restore-test")));
    assert.ok(c.alive);
  });
});
