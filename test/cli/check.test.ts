import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";
import { removeFixtures, runCli, writeFixture, type CliRun } from "./cli-helpers";

/** The minimal ISMS with risk R-001 owned by "opps", which no person has: one `ref/unresolved` error. */
function withUnresolvedOwner(files: Files = minimalIsms()): Files {
  return edit(files, "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: opps\n    likelihood: 3");
}

/** Sets the severity of `ref/unresolved` in isms.yaml. */
function withSeverity(files: Files, severity: string): Files {
  return { ...files, "isms.yaml": files["isms.yaml"] + `rules:\n  ref/unresolved: ${severity}\n` };
}

/** Asserts a usage error: exit 2 and exactly one line on stderr, containing `text`. */
function assertUsageError(run: CliRun, text: string | RegExp): void {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}; stderr: ${run.stderr}`);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${run.stderr}`);
  if (typeof text === "string") assert.ok(lines[0].includes(text), `stderr "${lines[0]}" should contain "${text}"`);
  else assert.match(lines[0], text);
  assert.equal(run.stdout, "");
}

interface JsonOutput {
  version: number;
  today: string;
  findings: { rule: string; severity: string; message: string; file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  summary: { errors: number; warnings: number; infos: number; files: number };
}

describe("isms check", function () {
  after(() => removeFixtures());

  describe("exit codes", () => {
    it("exits 0 on a clean ISMS and says so", async () => {
      const run = await runCli(["check", writeFixture(minimalIsms()), "--today", FIXTURE_TODAY, "--no-color"]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /no findings/);
      assert.equal(run.stderr, "");
    });

    it("exits 1 when there is an error, and prints it with 1-based line:column", async () => {
      const run = await runCli(["check", writeFixture(withUnresolvedOwner()), "--today", FIXTURE_TODAY, "--no-color"]);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /risks\.yaml\n {2}6:12 +error +No person has the id "opps".*ref\/unresolved/);
    });

    it("exits 0 on warnings alone, and 1 when --max-warnings 0 is exceeded", async () => {
      const dir = writeFixture(withSeverity(withUnresolvedOwner(), "warning"));
      const lenient = await runCli(["check", dir, "--today", FIXTURE_TODAY, "--no-color"]);
      assert.equal(lenient.status, 0, lenient.stdout);
      assert.match(lenient.stdout, /warning/);
      const strict = await runCli(["check", dir, "--today", FIXTURE_TODAY, "--max-warnings", "0"]);
      assert.equal(strict.status, 1, strict.stdout);
      const allowed = await runCli(["check", dir, "--today", FIXTURE_TODAY, "--max-warnings", "1"]);
      assert.equal(allowed.status, 0, allowed.stdout);
    });

    it("never fails on infos", async () => {
      const run = await runCli(["check", writeFixture(withSeverity(withUnresolvedOwner(), "info")), "--today", FIXTURE_TODAY, "--max-warnings", "0"]);
      assert.equal(run.status, 0, run.stdout);
    });
  });

  describe("usage and I/O errors (exit 2, one line on stderr)", () => {
    it("rejects an unknown format", async () => {
      assertUsageError(await runCli(["check", writeFixture(minimalIsms()), "--format", "xml"]), /'xml' is invalid.*stylish, json, sarif, junit/);
    });

    it("rejects a --today that is not a real date", async () => {
      assertUsageError(await runCli(["check", writeFixture(minimalIsms()), "--today", "2026-02-30"]), `"2026-02-30" is not a date`);
    });

    it("rejects an ISMS_TODAY that is not a date", async () => {
      assertUsageError(await runCli(["check", writeFixture(minimalIsms())], { env: { ISMS_TODAY: "tomorrow" } }), `"tomorrow" is not a date`);
    });

    it("reports a missing folder", async () => {
      const missing = path.join(writeFixture({}), "nowhere");
      assertUsageError(await runCli(["check", missing]), `cannot read "${missing}"`);
    });

    it("reports a file given instead of a folder", async () => {
      const dir = writeFixture(minimalIsms());
      assertUsageError(await runCli(["check", path.join(dir, "isms.yaml")]), "is not a folder");
    });

    it("reports a folder without isms.yaml", async () => {
      const files = minimalIsms();
      delete files["isms.yaml"];
      assertUsageError(await runCli(["check", writeFixture(files)]), "no ISMS found under");
    });

    it("reports an output file that cannot be written", async () => {
      const dir = writeFixture(minimalIsms());
      mkdirSync(path.join(dir, "out"));
      assertUsageError(await runCli(["check", dir, "--today", FIXTURE_TODAY, "--output", path.join(dir, "out")]), `cannot write "${path.join(dir, "out")}"`);
    });
  });

  describe("evidence files (soa/evidence-missing)", () => {
    it("finds the cited files under the ISMS root, reports missing ones and paths out of it, never fetches URLs", async () => {
      let files = edit(
        minimalIsms(),
        "soa.yaml",
        /(- control: A\.5\.2\n(?: {4}.*\n)*? {4}evidence: )\[policies\/is\.md\]/,
        '$1[docs/gone.md, ../outside.md, "http://127.0.0.1:9/never-fetched", "docs/ünïcödé ✓.md"]',
      );
      files = { ...files, "docs/ünïcödé ✓.md": "found\n" };
      const dir = writeFixture(files);
      const run = await runCli(["check", dir, "--format", "json", "--today", FIXTURE_TODAY]);
      assert.equal(run.status, 1, run.stderr);
      const out = JSON.parse(run.stdout) as JsonOutput;
      assert.deepEqual(
        out.findings.map((f) => `${f.file} ${f.rule} ${f.severity} ${f.message.slice(0, 60)}`),
        [
          'soa.yaml soa/evidence-missing error The evidence of A.5.2 "docs/gone.md" names no file under the',
          'soa.yaml soa/evidence-missing error The evidence of A.5.2 "../outside.md" points outside the ISM',
        ],
      );
    });
  });

  describe("stylish output of a defect repeated many times", () => {
    /** The minimal ISMS with `n` more retained risks, each owned by the unknown person "nobody". */
    function ownerless(n: number): Files {
      const risks = Array.from({ length: n }, (_, i) => `  - { id: R-${100 + i}, title: Risk ${i}, owner: nobody, likelihood: 1, impact: 2, treatment: accept, reviewed: 2026-06-01 }\n`).join("");
      const files = minimalIsms();
      files["risks.yaml"] += risks;
      return files;
    }
    const listed = (run: CliRun) => run.stdout.split("\n").filter((line) => line.endsWith("ref/unresolved")).length;

    it("lists 50 findings of a rule, then counts the rest in one line; --max-per-rule changes or lifts the limit", async () => {
      const dir = writeFixture(ownerless(60));
      const run = await runCli(["check", dir, "--today", FIXTURE_TODAY, "--no-color"]);
      assert.equal(run.status, 1);
      assert.equal(listed(run), 50);
      assert.match(run.stdout, /^… 10 more ref\/unresolved findings not listed \(60 in all; --max-per-rule 0 lists every one\)$/m);
      assert.match(run.stdout, /^✖ 60 errors, 0 warnings, 0 info in \d+ ISMS files/m, "the summary counts every finding");
      assert.equal(listed(await runCli(["check", dir, "--today", FIXTURE_TODAY, "--max-per-rule", "0"])), 60);
      const five = await runCli(["check", dir, "--today", FIXTURE_TODAY, "--max-per-rule", "5"]);
      assert.equal(listed(five), 5);
      assert.match(five.stdout, /^… 55 more ref\/unresolved findings not listed/m);
      assert.equal((JSON.parse((await runCli(["check", dir, "--today", FIXTURE_TODAY, "--format", "json"])).stdout) as { findings: unknown[] }).findings.length, 60, "json lists all");
    });
  });

  describe("--format json", () => {
    it("has exactly the documented shape, with files relative to the given folder and 0-based ranges", async () => {
      const files = withUnresolvedOwner();
      files["risk/extra.yaml"] = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-009\n    title: Extra\n    owner: nobody\n";
      const dir = writeFixture(files);
      const run = await runCli(["check", dir, "--format", "json", "--today", FIXTURE_TODAY]);
      assert.equal(run.status, 1, run.stderr);
      const out = JSON.parse(run.stdout) as JsonOutput;
      assert.deepEqual(Object.keys(out), ["version", "today", "findings", "summary"]);
      assert.equal(out.version, 1);
      assert.equal(out.today, FIXTURE_TODAY);
      assert.deepEqual(Object.keys(out.summary), ["errors", "warnings", "infos", "files"]);
      assert.equal(out.summary.files, Object.keys(files).length);
      assert.equal(out.summary.errors, out.findings.filter((f) => f.severity === "error").length);
      for (const f of out.findings) {
        // `related` follows only when a rule gives related locations.
        assert.deepEqual(
          Object.keys(f).filter((k) => k !== "related"),
          ["rule", "severity", "message", "file", "range"],
        );
        assert.deepEqual(Object.keys(f.range), ["start", "end"]);
        assert.deepEqual(Object.keys(f.range.start), ["line", "character"]);
        assert.deepEqual(Object.keys(f.range.end), ["line", "character"]);
        assert.ok(!path.isAbsolute(f.file) && !f.file.includes("\\"), f.file);
      }
      const owners = out.findings.filter((f) => f.rule === "ref/unresolved");
      for (const f of owners) assert.deepEqual(Object.keys(f), ["rule", "severity", "message", "file", "range"]);
      assert.deepEqual(
        owners.map((f) => ({ file: f.file, range: f.range, severity: f.severity })),
        [
          { file: "risk/extra.yaml", range: { start: { line: 5, character: 11 }, end: { line: 5, character: 17 } }, severity: "error" },
          { file: "risks.yaml", range: { start: { line: 5, character: 11 }, end: { line: 5, character: 15 } }, severity: "error" },
        ],
      );
    });

    it("is relative to the folder given even when run from elsewhere", async () => {
      const dir = writeFixture(prefixed("isms/", withUnresolvedOwner()));
      const run = await runCli(["check", "isms", "--format", "json", "--today", FIXTURE_TODAY], { cwd: dir });
      const out = JSON.parse(run.stdout) as JsonOutput;
      assert.ok(
        out.findings.some((f) => f.file === "risks.yaml"),
        run.stdout,
      );
    });

    it("takes today from ISMS_TODAY, and --today wins over it", async () => {
      const dir = writeFixture(minimalIsms());
      const fromEnv = JSON.parse((await runCli(["check", dir, "--format", "json"], { env: { ISMS_TODAY: "2027-01-15" } })).stdout) as JsonOutput;
      assert.equal(fromEnv.today, "2027-01-15");
      const fromOption = JSON.parse((await runCli(["check", dir, "--format", "json", "--today", "2026-12-01"], { env: { ISMS_TODAY: "2027-01-15" } })).stdout) as JsonOutput;
      assert.equal(fromOption.today, "2026-12-01");
    });

    it("writes to --output instead of stdout", async () => {
      const dir = writeFixture(minimalIsms());
      const out = path.join(dir, "report.json");
      const run = await runCli(["check", dir, "--format", "json", "--today", FIXTURE_TODAY, "--output", out]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, "");
      assert.equal((JSON.parse(readFileSync(out, "utf8")) as JsonOutput).summary.errors, 0);
    });
  });
});

function prefixed(prefix: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}
