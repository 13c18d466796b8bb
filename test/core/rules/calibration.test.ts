import * as assert from "node:assert/strict";
import { RULES, ruleById, type Finding } from "../../../server/src/core";
import { checkFiles, edit } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

/**
 * The severity calibration (docs/severity.md): error = a "shall" of ISO/IEC 27001:2022 not met,
 * warning = a finding an auditor would very likely raise, info = good practice. Each rule whose
 * severity or clause the calibration changed is checked on a passing fixture (the clean minimal
 * ISMS: no finding) and a failing one (exactly one finding, at the calibrated severity, and
 * nothing else changes on unrelated records).
 */
interface Calibrated {
  rule: string;
  severity: "error" | "warning" | "info";
  clause: string;
  /** The minimal ISMS with one defect of this rule. */
  failing: (files: Files) => Files;
}

const CALIBRATED: Calibrated[] = [
  {
    rule: "review/missing-input",
    severity: "error",
    clause: "9.3.2",
    failing: (f) => edit(f, "reviews.yaml", "      context_changes: New payment provider.\n", ""),
  },
  {
    rule: "review/no-decisions",
    severity: "error",
    clause: "9.3.3",
    failing: (f) => edit(f, "reviews.yaml", "    decisions:\n      - Approve ACT-3 to automate access reviews.\n", ""),
  },
  {
    rule: "isms/superseded-standard",
    severity: "error",
    clause: "4.4",
    failing: (f) => edit(f, "isms.yaml", "standard: ISO/IEC 27001:2022", "standard: ISO/IEC 27001:2013"),
  },
  {
    rule: "risk/residual-above-inherent",
    severity: "warning",
    clause: "6.1.2 b",
    failing: (f) => edit(f, "risks.yaml", "    residual: { likelihood: 2, impact: 3 }", "    residual: { likelihood: 1, impact: 5 }"),
  },
  {
    rule: "action/no-owner",
    severity: "warning",
    clause: "6.1.3 e",
    failing: (f) => edit(f, "actions.yaml", "    type: treatment\n    owner: ops\n", "    type: treatment\n"),
  },
  {
    rule: "action/no-due-date",
    severity: "warning",
    clause: "6.1.3 e",
    failing: (f) => edit(f, "actions.yaml", "    due: 2027-03-31\n", ""),
  },
  {
    rule: "policy/review-overdue",
    severity: "warning",
    clause: "A.5.1",
    failing: (f) => edit(f, "policies.yaml", "    approved: { by: ceo, date: 2026-02-01 }", "    approved: { by: ceo, date: 2025-06-01 }"),
  },
  {
    rule: "isms/placeholder-text",
    severity: "warning",
    clause: "7.5.2",
    failing: (f) => edit(f, "isms.yaml", "  internal_issues: [Small team]", "  internal_issues: [TBD]"),
  },
];

/** The findings of `files` as "rule severity file:line" (to compare what else is reported). */
function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.file}:${f.range.start.line}`);
}

describe("severity calibration", () => {
  const clean = checkFiles(minimalIsms());

  it("every rule's page quotes the text of the standard it enforces", () => {
    for (const rule of RULES) assert.match(rule.docs, /"[^"]*\bshall\b[^"]*"|\bshall "/, `${rule.id} quotes its clause`);
  });

  it("the minimal ISMS is clean under every calibrated rule (the passing fixture)", () => {
    assert.deepEqual(summary(clean), []);
  });

  for (const c of CALIBRATED) {
    it(`${c.rule}: ${c.severity}, clause ${c.clause}; one finding on the failing fixture, nothing else`, () => {
      const rule = ruleById(c.rule);
      assert.ok(rule);
      assert.equal(rule.severity, c.severity);
      assert.equal(rule.clause, c.clause);
      assert.match(rule.docs, /"[^"]*shall[^"]*"|reads/, "the page quotes the clause it enforces");
      const findings = checkFiles(c.failing(minimalIsms()));
      assert.deepEqual(
        summary(findings).map((s) => s.replace(/:\d+$/, "")),
        [`${c.rule} ${c.severity} ${findings[0]?.file}`],
      );
    });
  }
});
