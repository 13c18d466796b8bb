import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkWorkspace, type CheckResult, type Finding } from "../../../server/src/core";
import { codeActionsFor, type QuickFix } from "../../../server/src/core/fixes";
import { FIXTURE_TODAY } from "../../helpers/minimal-isms";
import { applyFix } from "./apply-edits";

/**
 * Golden-file tests of the quick-fixes. Each folder of `test/fixtures/fixes/` is a case:
 *
 * - `input/`: a small ISMS workspace (with its `isms.yaml`);
 * - `case.json`: `{ rule, title, today?, file?, message?, description? }`: the finding to fix
 *   (first finding of `rule`, optionally in `file` and with `message` in its text) and the fix to
 *   apply (the first whose title contains `title`);
 * - `expected/`: every file the fix changes or creates, byte for byte. Files not listed there must
 *   stay byte-identical.
 *
 * After applying the fix the workspace is checked again: the finding must be gone, and applying
 * the same fix to whatever findings of the rule remain must change nothing.
 */
interface Case {
  rule: string;
  title: string;
  today?: string;
  file?: string;
  message?: string;
  description?: string;
}

const FIXTURES = typeof __dirname !== "undefined" ? path.resolve(__dirname, "../../fixtures/fixes") : path.resolve("test/fixtures/fixes");

/** Every file under `dir`, by '/'-separated key relative to it. */
function readTree(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const key = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) Object.assign(out, readTree(full, key));
    else out[key] = readFileSync(full, "utf8");
  }
  return out;
}

function check(files: Record<string, string>, today: string): CheckResult {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today },
  );
}

function fixesOf(result: CheckResult, finding: Finding, today: string): QuickFix[] {
  const model = result.models.find((m) => m.files.some((f) => f.file === finding.file));
  assert.ok(model, `no ISMS model holds ${finding.file}`);
  return codeActionsFor(finding, { model, files: (key) => result.files.find((f) => f.file === key), today });
}

/** What identifies the record a finding is about: its `data.id` or `data.control`, else its message. */
const recordKey = (f: Finding) => String(f.data?.id ?? f.data?.control ?? f.message);

const show = (f: Finding) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.message}`;

describe("quick-fixes (golden files)", () => {
  const cases = existsSync(FIXTURES)
    ? readdirSync(FIXTURES)
        .filter((d) => existsSync(path.join(FIXTURES, d, "case.json")))
        .sort()
    : [];

  it("has golden cases", () => assert.ok(cases.length > 0, `no cases under ${FIXTURES}`));

  for (const name of cases) {
    const dir = path.join(FIXTURES, name);
    const spec = JSON.parse(readFileSync(path.join(dir, "case.json"), "utf8")) as Case;
    it(`${name}: ${spec.description ?? spec.title}`, () => {
      const today = spec.today ?? FIXTURE_TODAY;
      const input = readTree(path.join(dir, "input"));
      const expected = readTree(path.join(dir, "expected"));
      assert.ok("isms.yaml" in input || Object.keys(input).some((k) => k.endsWith("/isms.yaml")), "the input needs an isms.yaml root");

      const before = check(input, today);
      const matches = (f: Finding) => f.rule === spec.rule && (!spec.file || f.file === spec.file) && (!spec.message || f.message.includes(spec.message));
      const finding = before.findings.find(matches);
      assert.ok(finding, `no ${spec.rule} finding; found:\n  ${before.findings.map(show).join("\n  ")}`);

      const fixes = fixesOf(before, finding, today);
      const fix = fixes.find((f) => f.title.includes(spec.title));
      assert.ok(fix, `no fix titled "${spec.title}"; offered: ${JSON.stringify(fixes.map((f) => f.title))}`);
      assert.equal(fix.ruleId, spec.rule);

      const output = applyFix(input, fix);
      for (const key of Object.keys(output)) {
        if (key in expected) assert.equal(output[key], expected[key], `${key} differs from expected/${key}`);
        else assert.equal(output[key], input[key], `${key} changed but has no expected/${key}`);
      }
      for (const key of Object.keys(expected)) assert.ok(key in output, `expected/${key} was not produced`);
      for (const key of fix.edit.createFiles ?? []) assert.ok(!(key in input), `the fix creates ${key}, which exists`);

      const after = check(output, today);
      for (const rule of ["yaml/syntax", "schema/invalid", "ref/duplicate-id"]) {
        const count = (r: CheckResult) => r.findings.filter((f) => f.rule === rule).length;
        assert.ok(
          count(after) <= count(before),
          `the fix introduces ${rule} findings:\n  ${after.findings
            .filter((f) => f.rule === rule)
            .map(show)
            .join("\n  ")}`,
        );
      }
      const sameRecord = (f: Finding) => f.rule === spec.rule && recordKey(f) === recordKey(finding);
      assert.deepEqual(after.findings.filter(sameRecord).map(show), [], "the finding is still reported after the fix");
      const title = fix.title;
      for (const f of after.findings.filter((g) => g.rule === spec.rule && g.file === finding.file)) {
        const repeated: QuickFix[] = fixesOf(after, f, today).filter((g) => g.title === title);
        for (const second of repeated) assert.deepEqual(applyFix(output, second), output, `applying "${title}" again changes the files`);
      }
    });
  }
});
