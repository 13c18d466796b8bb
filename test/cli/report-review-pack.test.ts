import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { minimalIsms } from "../helpers/minimal-isms";
import { REPO, removeFixtures, runCli, writeFixture, type CliRun } from "./cli-helpers";

const ACME = path.join(REPO, "examples", "acme");

function assertUsageError(run: CliRun, text: RegExp): void {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}; stderr: ${run.stderr}`);
  assert.equal(run.stderr.trimEnd().split("\n").length, 1, run.stderr);
  assert.match(run.stderr, text);
  assert.equal(run.stdout, "");
}

describe("isms report review-pack", function () {
  this.timeout(120_000);
  after(() => removeFixtures());

  it("renders the pack since the last review as Markdown, each fact with its file:line", async () => {
    const run = await runCli(["report", "review-pack", ACME, "--today", "2026-11-30"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# Management review pack\n/);
    assert.match(run.stdout, /\*\*Period:\*\* Since the last management review held, MR-2026-1 of 2026-06-18, to 2026-11-30\./);
    assert.match(run.stdout, /\| actions\.yaml:30 \| ACT-004 \| .* \| in-progress, due 2026-10-15, 46 days overdue \| MR-2026-1 \|/);
    assert.match(run.stdout, /\| nonconformities\.yaml:69 \| NC-004 \|/);
    assert.equal(run.stdout.split("\n").filter((l) => /^\| [\w/.-]+\.yaml:\d+ \| /.test(l)).length > 100, true);
  });

  it("writes HTML and a Word document with --since", async () => {
    const dir = writeFixture(minimalIsms());
    const html = path.join(dir, "pack.html");
    const docx = path.join(dir, "pack.docx");
    assert.equal((await runCli(["report", "review-pack", ACME, "--today", "2026-11-30", "--since", "MR-2025-2", "-f", "html", "-o", html])).status, 0);
    assert.match(readFileSync(html, "utf8"), /Since management review MR-2025-2 of 2025-12-09, to 2026-11-30\./);
    const run = await runCli(["report", "review-pack", ACME, "--today", "2026-11-30", "--since", "2026-01-01", "--format", "docx", "--out", docx]);
    assert.equal(run.status, 0, run.stderr);
    const bytes = readFileSync(docx);
    assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "a .docx is a zip file");
    assert.ok(bytes.includes(Buffer.from("word/document.xml")));
  });

  it("covers everything recorded when no review was held yet", async () => {
    const files = minimalIsms();
    delete files["reviews.yaml"];
    const run = await runCli(["report", "review-pack", writeFixture(files), "--today", "2026-11-30"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /No management review has been held yet: the pack covers everything the ISMS records up to 2026-11-30\./);
  });

  describe("usage errors (exit 2, one line on stderr)", () => {
    it("--since an id that is not a review", async () =>
      assertUsageError(await runCli(["report", "review-pack", ACME, "--today", "2026-11-30", "--since", "NC-004"]), /--since NC-004 is a nonconformity, not a management review/));
    it("--since a date in the future", async () => assertUsageError(await runCli(["report", "review-pack", ACME, "--today", "2026-11-30", "--since", "2027-01-01"]), /after today \(2026-11-30\)/));
    it("--since on another report", async () => assertUsageError(await runCli(["report", "soa", ACME, "--since", "MR-2026-1"]), /--since applies to the review pack only/));
    it("csv for the pack", async () => assertUsageError(await runCli(["report", "review-pack", ACME, "-f", "csv"]), /no csv form/));
    it("docx without --out", async () => assertUsageError(await runCli(["report", "review-pack", ACME, "-f", "docx"]), /--out FILE/));
  });
});
