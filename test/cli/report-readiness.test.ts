import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms } from "../helpers/minimal-isms";
import { REPO, removeFixtures, runCli, writeFixture } from "./cli-helpers";

describe("isms report readiness", function () {
  after(() => removeFixtures());

  it("renders the certification readiness report as Markdown by default", async () => {
    const run = await runCli(["report", "readiness", writeFixture(minimalIsms()), "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "");
    assert.ok(run.stdout.startsWith("# Certification readiness\n"));
    assert.match(run.stdout, /^- \*\*Overall:\*\* No gaps in the 27 clauses these files record; 3 clauses are not recorded here and need other evidence$/m);
    assert.ok(run.stdout.includes("\n## What this verdict does not cover\n"));
    assert.match(run.stdout, /^- \*\*PDCA loop running:\*\* Yes$/m);
    assert.equal(run.stdout.split("\n").filter((l) => /^\| \d+(\.\d+)+ \|/.test(l)).length, 30, "one row per sub-clause of 4 to 10");
  });

  it("the starter, copied as the README says, is not Ready and lists the checks it lowers", async () => {
    const copy = path.join(writeFixture({}), "my-isms");
    cpSync(path.join(REPO, "examples", "starter"), copy, { recursive: true });
    const run = await runCli(["report", "readiness", copy, "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /^- \*\*Overall:\*\* (Ready|No gaps)/m);
    assert.match(run.stdout, /\(rule set below its default severity\) audit\/overdue/);
  });

  it("lists the findings of the check under the clause their rule cites", async () => {
    const files = edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    likelihood: 3");
    const run = await runCli(["report", "readiness", writeFixture(files), "--format", "csv", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    const records = parse(run.stdout, { columns: true }) as Record<string, string>[];
    const row = records.find((r) => r.Id === "6.1.2");
    assert.equal(row?.Status, "Gaps");
    assert.match(row?.Findings ?? "", /^error risk\/no-owner: Risk R-001 /);
  });

  it("examples/acme as HTML to --out", async () => {
    const out = path.join(writeFixture({}), "readiness.html");
    const run = await runCli(["report", "readiness", path.join(REPO, "examples", "acme"), "--format", "html", "--out", out, "--today", "2026-11-30"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, "");
    const html = readFileSync(out, "utf8");
    assert.ok(html.includes("<title>Certification readiness — Acme Cloud Ltd</title>"));
    assert.ok(html.includes("Gaps to close before the audit"));
    assert.ok(!/<script/i.test(html));
  });

  it("names readiness among the reports when the report is unknown", async () => {
    const run = await runCli(["report", "heat", writeFixture(minimalIsms())]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /'heat' is invalid.*soa, risks, readiness/);
  });
});
