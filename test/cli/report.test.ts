import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";
import { removeFixtures, runCli, writeFixture, type CliRun } from "./cli-helpers";

function assertUsageError(run: CliRun, text: string | RegExp): void {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}; stderr: ${run.stderr}`);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${run.stderr}`);
  if (typeof text === "string") assert.ok(lines[0].includes(text), `stderr "${lines[0]}" should contain "${text}"`);
  else assert.match(lines[0], text);
  assert.equal(run.stdout, "");
}

function prefixed(prefix: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}

describe("isms report", function () {
  after(() => removeFixtures());

  it("renders the SoA as Markdown by default, one row per control", async () => {
    const run = await runCli(["report", "soa", writeFixture(minimalIsms()), "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "");
    assert.ok(run.stdout.startsWith("# Statement of Applicability\n"));
    assert.match(run.stdout, /as of 2026-11-30/);
    assert.equal(run.stdout.split("\n").filter((l) => /^\| A\.[5-8]\.\d+ \|/.test(l)).length, 93);
  });

  it("renders the SoA as CSV that parses back", async () => {
    const run = await runCli(["report", "soa", writeFixture(minimalIsms()), "--format", "csv", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    const records = parse(run.stdout, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 93);
    assert.equal(records[14].Control, "A.5.15");
  });

  it("writes HTML to --out and nothing to stdout", async () => {
    const dir = writeFixture(
      edit(minimalIsms(), "soa.yaml", /justification: Needed to meet the certification requirement for policies for information security\./, `justification: '<script>alert(1)</script> "quotes"'`),
    );
    const out = path.join(dir, "soa.html");
    const run = await runCli(["report", "soa", dir, "--format", "html", "--out", out, "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, "");
    const html = readFileSync(out, "utf8");
    assert.ok(html.includes(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`));
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot;"));
  });

  it("renders the risk register, taking today from ISMS_TODAY", async () => {
    const run = await runCli(["report", "risks", writeFixture(minimalIsms())], { env: { ISMS_TODAY: "2027-01-15" } });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith("# Risk register\n"));
    assert.match(run.stdout, /as of 2027-01-15/);
    const rows = run.stdout.split("\n").filter((l) => /^\| R-\d+ \|/.test(l));
    assert.deepEqual(
      rows.map((r) => r.slice(2, 7)),
      ["R-001", "R-002"],
    );
  });

  it("exits 0 even when the ISMS has errors", async () => {
    const files = edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: opps\n    likelihood: 3");
    const run = await runCli(["report", "risks", writeFixture(files), "--format", "csv", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\r\nR-001,Unauthorised access to customer data,opps,/);
  });

  it("reports on the ISMS at the folder itself when there are several, and names the others", async () => {
    const files: Files = { ...minimalIsms(), ...prefixed("branch/", edit(minimalIsms(), "isms.yaml", "organization: Fixture Ltd", "organization: Branch GmbH")) };
    const run = await runCli(["report", "soa", writeFixture(files), "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Fixture Ltd · /m);
    assert.match(run.stderr, /^isms: note: .* holds 2 ISMS roots; reporting on \. \(not on branch\)\n$/);
  });

  it("reports on the first ISMS when none is at the folder itself", async () => {
    const files: Files = {
      ...prefixed("a/", edit(minimalIsms(), "isms.yaml", "organization: Fixture Ltd", "organization: Alpha Ltd")),
      ...prefixed("b/", edit(minimalIsms(), "isms.yaml", "organization: Fixture Ltd", "organization: Beta Ltd")),
    };
    const run = await runCli(["report", "risks", writeFixture(files), "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Alpha Ltd · /m);
    assert.match(run.stderr, /reporting on a \(not on b\)/);
  });

  describe("usage and I/O errors (exit 2, one line on stderr)", () => {
    it("rejects an unknown report", async () => {
      assertUsageError(await runCli(["report", "audits", writeFixture(minimalIsms())]), /'audits' is invalid.*soa, risks/);
    });
    it("rejects an unknown format", async () => {
      assertUsageError(await runCli(["report", "soa", writeFixture(minimalIsms()), "--format", "pdf"]), /'pdf' is invalid.*html, md, csv/);
    });
    it("rejects a bad --today", async () => {
      assertUsageError(await runCli(["report", "soa", writeFixture(minimalIsms()), "--today", "30/11/2026"]), `"30/11/2026" is not a date`);
    });
    it("reports a missing folder", async () => {
      const missing = path.join(writeFixture({}), "gone");
      assertUsageError(await runCli(["report", "soa", missing]), `cannot read "${missing}"`);
    });
    it("reports a folder without isms.yaml", async () => {
      assertUsageError(await runCli(["report", "risks", writeFixture({ "notes.yaml": "a: 1\n" })]), "no ISMS found under");
    });
    it("reports an --out that cannot be written", async () => {
      const dir = writeFixture(minimalIsms());
      mkdirSync(path.join(dir, "taken"));
      assertUsageError(await runCli(["report", "soa", dir, "--out", path.join(dir, "taken"), "--today", FIXTURE_TODAY]), `cannot write "${path.join(dir, "taken")}"`);
    });
  });
});
