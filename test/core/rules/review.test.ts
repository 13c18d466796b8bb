import * as assert from "node:assert/strict";
import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

const KIND = "kind: ManagementReview";
const annotateKind = (files: Files, rule: string) => edit(files, "reviews.yaml", KIND, `${KIND}\n#     ^^^^^^^^^^^^^^^^ ${rule}`);
const held = (files: Files, date: string) => edit(files, "reviews.yaml", "    date: 2026-05-01", `    date: ${date}`);
const MR_ID = "  - id: MR-1";

describe("review/overdue", () => {
  it("reports the management review one day after the cadence ran out", () => {
    const files = annotateKind(held(minimalIsms(), "2025-11-29"), "review/overdue 1 day overdue: the last one, MR-1, was held on 2025-11-29");
    const [finding] = expectFindings(files);
    assert.equal(finding.data?.lastDate, "2025-11-29");
  });
  it("does not report a review held exactly one cadence ago", () => {
    expectFindings(held(minimalIsms(), "2025-11-30"), { rules: ["review/overdue"] });
  });
  it("uses cadence.management_review from isms.yaml", () => {
    const six = (files: Files) => edit(files, "isms.yaml", "people:", "cadence: { management_review: 6 }\npeople:");
    expectFindings(annotateKind(six(held(minimalIsms(), "2026-05-29")), "review/overdue with reviews every 6 months the next was due on 2026-11-29"));
    expectFindings(six(held(minimalIsms(), "2026-05-30")), { rules: ["review/overdue"] });
  });
  it("ignores a review dated after today (planned, not held)", () => {
    const files = edit(held(minimalIsms(), "2025-06-01"), "reviews.yaml", "reviews:\n", "reviews:\n  - id: MR-2\n    date: 2026-12-15\n");
    expectFindings(annotateKind(files, "review/overdue last one, MR-1, was held on 2025-06-01"));
  });
  it("reports at isms.yaml when no management review exists", () => {
    const files = minimalIsms();
    delete files["reviews.yaml"];
    const [finding] = expectFindings(edit(files, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ review/overdue No management review is recorded"));
    assert.equal(finding.data?.lastDate, null);
  });
});

describe("review/missing-input", () => {
  it("names each missing 9.3.2 input at the inputs key", () => {
    let files = edit(minimalIsms(), "reviews.yaml", "      context_changes: New payment provider.\n", "");
    files = edit(files, "reviews.yaml", "        audit_results: AUD-1 found one minor nonconformity.\n", "");
    files = edit(
      files,
      "reviews.yaml",
      "    inputs:",
      "    inputs:\n   #^^^^^^ review/missing-input MR-1 does not record context_changes (9.3.2 b: changes in external and internal issues); performance.audit_results (9.3.2 d 3: audit results)",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.missing, ["context_changes", "performance.audit_results"]);
  });
  it("treats an empty input as missing", () => {
    let files = edit(minimalIsms(), "reviews.yaml", "      risk_assessment: R-001 remains High until ACT-1 is done.", "      risk_assessment:");
    files = edit(
      files,
      "reviews.yaml",
      "    inputs:",
      "    inputs:\n   #^^^^^^ review/missing-input MR-1 does not record risk_assessment (9.3.2 f: results of risk assessment and status of risk treatment plan)",
    );
    expectFindings(files);
  });
  it("reports a review with no inputs at its id", () => {
    let files = edit(minimalIsms(), "reviews.yaml", / {4}inputs:\n( {6}.*\n)+/, "");
    files = edit(files, "reviews.yaml", MR_ID, `${MR_ID}\n    #   ^^^^ review/missing-input MR-1 records none of the management review inputs of 9.3.2: previous_actions (a`);
    const [finding] = expectFindings(files);
    assert.equal((finding.data?.missing as string[]).length, 10);
  });
  it("reports a review without resources (5.1 c, 7.1) in its own finding, at warning", () => {
    let files = edit(minimalIsms(), "reviews.yaml", "      resources: Adequate; a second engineer joins in June.\n", "");
    files = edit(files, "reviews.yaml", "    inputs:", "    inputs:\n   #^^^^^^ review/missing-input MR-1 does not record resources (adequacy of resources for the ISMS, 5.1 c, 7.1)");
    const [finding] = expectFindings(files);
    assert.equal(finding.severity, "warning");
    assert.deepEqual(finding.data?.missing, ["resources"]);
  });
  it("keeps resources apart from the 9.3.2 inputs: two findings when both are missing", () => {
    let files = edit(minimalIsms(), "reviews.yaml", "      resources: Adequate; a second engineer joins in June.\n", "");
    files = edit(files, "reviews.yaml", "      risk_assessment: R-001 remains High until ACT-1 is done.\n", "");
    files = edit(
      files,
      "reviews.yaml",
      "    inputs:",
      "    inputs:\n   #^^^^^^ review/missing-input MR-1 does not record resources\n   #^^^^^^ review/missing-input MR-1 does not record risk_assessment",
    );
    const findings = expectFindings(files);
    assert.deepEqual(
      findings.map((f) => f.data?.missing),
      [["resources"], ["risk_assessment"]],
    );
  });
  it("does not check a review dated after today", () => {
    const files = edit(minimalIsms(), "reviews.yaml", "reviews:\n", "reviews:\n  - id: MR-2\n    date: 2026-12-01\n");
    expectFindings(files, { rules: ["review/missing-input", "review/no-decisions"] });
  });
});

describe("review/no-decisions", () => {
  it("reports a review without decisions at its id", () => {
    let files = edit(minimalIsms(), "reviews.yaml", "    decisions:\n      - Approve ACT-3 to automate access reviews.\n", "");
    files = edit(files, "reviews.yaml", MR_ID, `${MR_ID}\n    #   ^^^^ review/no-decisions MR-1 records no decisions`);
    expectFindings(files);
  });
  it("reports an empty decisions list at the list", () => {
    const files = edit(minimalIsms(), "reviews.yaml", "    decisions:\n      - Approve ACT-3 to automate access reviews.", "    decisions: []\n    #          ^^ review/no-decisions");
    expectFindings(files);
  });
  it("is silent when decisions are recorded", () => {
    expectFindings(minimalIsms(), { rules: ["review/no-decisions"] });
  });
});
