import * as assert from "node:assert/strict";
import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

const due = (date: string, note = "") => edit(minimalIsms(), "objectives.yaml", "    due: 2027-06-30", `    due: ${date}${note}`);

describe("objective/overdue", () => {
  it("reports an objective still on track one day after its due date", () => {
    expectFindings(due("2026-11-29", "\n    #    ^^^^^^^^^^ objective/overdue OBJ-1 was due on 2026-11-29, 1 day ago, and is still on-track"));
  });
  it("reports an objective with no status after its due date", () => {
    const files = edit(due("2026-01-31", "\n    #    ^^^^^^^^^^ objective/overdue 303 days ago, and is not evaluated"), "objectives.yaml", "    status: on-track\n", "");
    expectFindings(files);
  });
  it("does not report an objective due today", () => {
    expectFindings(due("2026-11-30"), { rules: ["objective/overdue"] });
  });
  it("does not report achieved, missed or cancelled objectives past their due date", () => {
    for (const status of ["achieved", "missed", "cancelled"]) {
      expectFindings(edit(due("2026-01-31"), "objectives.yaml", "status: on-track", `status: ${status}`), { rules: ["objective/overdue"] });
    }
  });
});

describe("objective/unmeasured", () => {
  it("reports an objective no measure tracks, as information", () => {
    const files = edit(
      edit(minimalIsms(), "monitoring.yaml", "    objective: OBJ-1\n", ""),
      "objectives.yaml",
      "  - id: OBJ-1",
      "  - id: OBJ-1\n#       ^^^^^ objective/unmeasured Objective OBJ-1 is tracked by no measure",
    );
    const [finding] = expectFindings(files);
    assert.equal(finding.severity, "info");
  });
  it("leaves an ISMS without measures to measurement/none", () => {
    const files = minimalIsms();
    delete files["monitoring.yaml"];
    expectFindings(files, { rules: ["objective/unmeasured"] });
  });
});
