import * as assert from "node:assert/strict";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

const APPROVED = "    approved: { by: ceo, date: 2026-02-01 }";
const approvedOn = (date: string, note = "") => edit(minimalIsms(), "policies.yaml", APPROVED, `    approved: { by: ceo, date: ${date} }${note}`);

describe("policy/review-overdue", () => {
  it("reports a policy one day past its 12-month review at the approval date", () => {
    const files = approvedOn(
      "2025-11-29",
      "\n    #                          ^^^^^^^^^^ policy/review-overdue POL-1 was approved on 2025-11-29 and was due for review on 2026-11-29 (every 12 months), 1 day ago",
    );
    const [finding] = expectFindings(files);
    assert.equal(finding.data?.daysOverdue, 1);
  });
  it("does not report a policy whose review is due today", () => {
    expectFindings(approvedOn("2025-11-30"), { rules: ["policy/review-overdue"] });
  });
  it("uses review_months, and 12 months when it is absent", () => {
    const six = edit(approvedOn("2026-05-29", "\n    #                          ^^^^^^^^^^ policy/review-overdue every 6 months"), "policies.yaml", "review_months: 12", "review_months: 6");
    expectFindings(six);
    expectFindings(edit(approvedOn("2026-05-30"), "policies.yaml", "review_months: 12", "review_months: 6"), { rules: ["policy/review-overdue"] });
    const absent = edit(approvedOn("2025-06-01", "\n    #                          ^^^^^^^^^^ policy/review-overdue every 12 months"), "policies.yaml", "    review_months: 12\n", "");
    expectFindings(absent);
  });
  it("reports a policy with no approval at its id", () => {
    let files = edit(minimalIsms(), "policies.yaml", `${APPROVED}\n`, "");
    files = edit(files, "policies.yaml", "  - id: POL-1", "  - id: POL-1\n    #   ^^^^^ policy/review-overdue POL-1 records no approval");
    const [finding] = expectFindings(files);
    assert.equal(finding.severity, "error", "no approval at all: 5.2, 7.5.2 c");
  });
  it("calibration: an overdue review is a warning citing A.5.1, a missing approval an error", () => {
    const [overdue] = checkFiles(approvedOn("2025-06-01")).filter((f) => f.rule === "policy/review-overdue");
    assert.equal(overdue.severity, "warning");
    assert.match(overdue.message, /\(A\.5\.1\)/);
    assert.deepEqual(
      checkFiles(minimalIsms()).filter((f) => f.rule === "policy/review-overdue"),
      [],
    );
  });
});
