import assert from "node:assert/strict";
import { layoutDocument, readinessReport, renderMarkdown, type ReadinessItem, type ReadinessReport } from "../../../server/src/core";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";
import { checkFixture, starterFiles } from "./report-fixtures";

/** The readiness report of a fixture, with what its check muted. */
function readinessOf(files: Files, today = FIXTURE_TODAY): ReadinessReport {
  const { model, findings, muted } = checkFixture(files, today);
  return readinessReport(model, findings, today, { muted });
}

function item(report: ReadinessReport, id: string): ReadinessItem {
  const found = [...report.clauses.flatMap((g) => g.items), ...report.annexA].find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

/**
 * The starter as a lead auditor was shown it: placeholders replaced by "TBD", the `rules:`
 * downgrades removed, one audit and one management review added with every input "none".
 */
function hollowIsms(): Files {
  const files = starterFiles();
  for (const [name, text] of Object.entries(files)) files[name] = text.replace(/<[A-Za-z][^<>\n]*>/g, "TBD");
  files["isms.yaml"] = files["isms.yaml"].replace(/\nrules:\n(?: {2}.*\n)+/, "\n");
  files["audits.yaml"] = `apiVersion: isms/v1
kind: InternalAudit
audits:
  - id: AUD-1
    performed: 2026-10-01
    auditor: ceo
    scope: { clauses: ["4", "5", "6", "7", "8", "9", "10"], controls: [A.5, A.6, A.7, A.8] }
    status: completed
    reported: { to: MR-1, date: 2026-10-15 }
`;
  files["reviews.yaml"] = `apiVersion: isms/v1
kind: ManagementReview
reviews:
  - id: MR-1
    date: 2026-10-15
    attendees: [ceo]
    inputs:
      previous_actions: none
      context_changes: none
      interested_party_needs: none
      performance: { nonconformities: none, monitoring: none, audit_results: none, objectives: none }
      interested_party_feedback: none
      risk_assessment: none
      improvement_opportunities: none
    decisions: [none]
`;
  return files;
}

describe("readiness verdict", () => {
  it("the hollow ISMS (starter with TBD, no downgrades, an audit and a review of 'none') is not Ready", () => {
    const report = readinessOf(hollowIsms());
    assert.notEqual(report.overall, "ready");
    assert.notEqual(report.overall, "not-tracked");
    assert.doesNotMatch(report.verdict, /^Ready/);
    for (const theme of report.annexA) assert.equal(theme.status, "missing", `${theme.id}: 0 controls implemented is no evidence`);
    assert.match(item(report, "A.5").evidence.join(" "), /36 applicable controls are not yet implemented in full|37 applicable controls are not yet implemented in full/);
    assert.ok(["missing", "gaps"].includes(item(report, "7.5.2").status), "0 of 0 policies is not Ready");
    assert.ok(report.notCovered.notTracked.includes("7.1"));
    const md = renderMarkdown(report);
    assert.match(md, /^- \*\*Overall:\*\* Evidence missing$/m);
    assert.ok(md.includes("\n## What this verdict does not cover\n"));
  });

  it("the starter copied as the README says is not Ready, and says what its lowered rules hide", () => {
    const report = readinessOf(starterFiles());
    assert.notEqual(report.overall, "ready");
    assert.notEqual(report.overall, "not-tracked");
    assert.ok(report.notCovered.lowered >= 2, "audit/overdue and review/overdue are lowered to info in the starter");
    assert.deepEqual([...new Set(report.notCovered.findings.map((f) => f.rule))].sort(), ["audit/overdue", "awareness/overdue", "isms/no-improvement", "review/overdue"]);
    assert.ok(
      report.notCovered.findings.every((f) => f.severity !== "info"),
      "counted at their default severity",
    );
  });

  it("a rule turned off, or lowered, blocks Ready and is listed at its default severity", () => {
    const off = readinessOf(
      edit(
        edit(minimalIsms(), "isms.yaml", "people:", "rules:\n  risk/no-owner: off\npeople:"),
        "risks.yaml",
        "  - id: R-002\n    title: Office power cut\n    owner: ops\n",
        "  - id: R-002\n    title: Office power cut\n",
      ),
    );
    assert.equal(off.overall, "gaps");
    assert.equal(off.summary.errors, 0, "the check shows nothing");
    assert.deepEqual(
      off.notCovered.findings.map((f) => [f.rule, f.severity, f.muted]),
      [["risk/no-owner", "error", "off"]],
    );
    assert.equal(item(off, "6.1.2").status, "gaps");
    const md = renderMarkdown(off);
    assert.match(md, /error \(rule turned off\) risk\/no-owner: Risk R-002/);

    const lowered = readinessOf(
      edit(
        edit(minimalIsms(), "isms.yaml", "people:", "rules:\n  risk/no-owner: info\npeople:"),
        "risks.yaml",
        "  - id: R-002\n    title: Office power cut\n    owner: ops\n",
        "  - id: R-002\n    title: Office power cut\n",
      ),
    );
    assert.equal(lowered.overall, "gaps");
    assert.deepEqual([lowered.summary.infos, lowered.notCovered.lowered, lowered.notCovered.errors], [1, 1, 1]);
  });

  it("an inline suppression blocks Ready and is counted", () => {
    const files = edit(
      minimalIsms(),
      "risks.yaml",
      "  - id: R-002\n    title: Office power cut\n    owner: ops\n",
      "  # isms-disable-next-line risk/no-owner -- owner being recruited\n  - id: R-002\n    title: Office power cut\n",
    );
    const report = readinessOf(files);
    assert.equal(report.summary.errors, 0);
    assert.deepEqual(
      report.notCovered.findings.map((f) => [f.rule, f.muted]),
      [["risk/no-owner", "suppressed"]],
    );
    assert.equal(report.overall, "gaps");
  });

  it("info findings of rules whose default is info do not block", () => {
    const files = { ...minimalIsms(), "notes.yaml": "# nothing yet\n" };
    const report = readinessOf(files);
    assert.equal(report.summary.infos, 1);
    assert.equal(report.overall, "not-tracked");
  });

  it("no vacuous truth: no policy, or no applicable control implemented, is evidence missing; controls not implemented are gaps with their number", () => {
    const noPolicies = minimalIsms();
    delete noPolicies["policies.yaml"];
    assert.equal(item(readinessOf(noPolicies), "7.5.2").status, "missing");

    const a6 = edit(minimalIsms(), "soa.yaml", /(- control: A\.6\.\d\n(?: {4}.*\n)*? {4}status: )implemented/g, "$1planned");
    const report = readinessOf(a6);
    assert.equal(item(report, "A.6").status, "missing");
    assert.ok(item(report, "A.6").evidence.includes("8 applicable controls are not yet implemented in full."));

    const one = edit(minimalIsms(), "soa.yaml", /(- control: A\.7\.4\n(?: {4}.*\n)*? {4}status: )implemented/, "$1partially-implemented");
    const partly = readinessOf(one);
    assert.equal(item(partly, "A.7").status, "gaps");
    assert.ok(item(partly, "A.7").evidence.includes("1 applicable control is not yet implemented in full."));
    assert.notEqual(partly.overall, "ready");
  });

  it("the Overview view gives the same verdict", async () => {
    const { viewsOfCheck } = await import("../../../server/src/core/views");
    const result = checkFixture(hollowIsms());
    const [views] = viewsOfCheck(result, FIXTURE_TODAY);
    const report = readinessReport(result.model, result.findings, FIXTURE_TODAY, { muted: result.muted });
    assert.deepEqual(views.overview.readiness, {
      overall: report.overall,
      verdict: report.verdict,
      mutedFindings: report.notCovered.findings.length,
      clausesNotTracked: report.notCovered.notTracked.length,
    });
    assert.ok(layoutDocument(report).tables.some((t) => t.id === "readiness-not-covered"));
  });
});
