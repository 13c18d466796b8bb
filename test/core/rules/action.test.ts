import * as assert from "node:assert/strict";
import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

describe("action/overdue", () => {
  it("reports an open action past its due date, with the days overdue", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", "    due: 2026-10-15\n    #    ^^^^^^^^^^ action/overdue ACT-1 was due on 2026-10-15, 46 days ago, and is still open");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { id: "ACT-1", daysOverdue: 46 });
  });
  it("reports an in-progress action due yesterday as 1 day overdue", () => {
    let files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", "    due: 2026-11-29\n    #    ^^^^^^^^^^ action/overdue 1 day ago, and is still in progress");
    files = edit(files, "actions.yaml", "    status: open", "    status: in-progress");
    expectFindings(files);
  });
  it("does not report an action due today", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", "    due: 2026-11-30");
    expectFindings(files, { rules: ["action/overdue"] });
  });
  it("does not report done or cancelled actions past their due date", () => {
    let files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31\n    status: open", "    due: 2026-01-31\n    status: cancelled");
    files = edit(files, "actions.yaml", "    due: 2026-05-15", "    due: 2026-01-01"); // ACT-2, done
    expectFindings(files, { rules: ["action/overdue"] });
  });
});

describe("action/no-owner", () => {
  it("reports an action without an owner at its id", () => {
    let files = edit(minimalIsms(), "actions.yaml", "  - id: ACT-1", "  - id: ACT-1\n    #   ^^^^^ action/no-owner ACT-1 has no owner");
    files = edit(files, "actions.yaml", "    owner: ops\n    due: 2027-03-31", "    due: 2027-03-31");
    expectFindings(files);
  });
  it("does not report a cancelled action without an owner, or an owner that does not resolve", () => {
    let files = edit(minimalIsms(), "actions.yaml", "    owner: ops\n    due: 2027-03-31\n    status: open", "    due: 2027-03-31\n    status: cancelled");
    files = edit(files, "actions.yaml", "    owner: ciso\n    due: 2026-08-01", "    owner: nobody\n    due: 2026-08-01");
    expectFindings(files, { rules: ["action/no-owner"] });
  });
});

describe("action/no-due-date", () => {
  it("reports an open action without a due date", () => {
    let files = edit(minimalIsms(), "actions.yaml", "  - id: ACT-1", "  - id: ACT-1\n    #   ^^^^^ action/no-due-date ACT-1 is open but has no due date");
    files = edit(files, "actions.yaml", "    due: 2027-03-31\n", "");
    expectFindings(files);
  });
  it("reports an in-progress action, and one with no status, without a due date", () => {
    let files = edit(minimalIsms(), "actions.yaml", "  - id: ACT-1", "  - id: ACT-1\n    #   ^^^^^ action/no-due-date ACT-1 is in progress");
    files = edit(files, "actions.yaml", "    due: 2027-03-31\n    status: open\n", "    status: in-progress\n");
    files = edit(files, "actions.yaml", "  - id: ACT-3", "  - id: ACT-3\n    #   ^^^^^ action/no-due-date ACT-3 is open");
    files = edit(files, "actions.yaml", "    due: 2026-08-01\n    status: done\n    completed: 2026-07-01\n", "");
    expectFindings(files);
  });
  it("does not report done or cancelled actions without a due date", () => {
    let files = edit(minimalIsms(), "actions.yaml", "    due: 2026-08-01\n", ""); // ACT-3, done
    files = edit(files, "actions.yaml", "    due: 2027-03-31\n    status: open", "    status: cancelled");
    expectFindings(files, { rules: ["action/no-due-date"] });
  });
});

describe("action/unverified", () => {
  it("reports a done corrective action with no verification at its status", () => {
    const files = edit(
      minimalIsms(),
      "actions.yaml",
      "    status: done\n    completed: 2026-05-01\n    verification: { by: ciso, date: 2026-06-01, effective: true }\n",
      "    status: done\n    #       ^^^^ action/unverified ACT-2 is done but has no verification of its effectiveness\n    completed: 2026-05-01\n",
    );
    expectFindings(files);
  });
  it("names the missing parts of an incomplete verification and a missing completed date", () => {
    const files = edit(
      minimalIsms(),
      "actions.yaml",
      "    status: done\n    completed: 2026-05-01\n    verification: { by: ciso, date: 2026-06-01, effective: true }\n",
      "    status: done\n    #       ^^^^ action/unverified has no completed, verification.effective\n    verification: { by: ciso, date: 2026-06-01 }\n",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.missing, ["completed", "verification.effective"]);
  });
  it("reports a corrective action found not effective without a follow-up action", () => {
    const files = edit(
      minimalIsms(),
      "actions.yaml",
      "effective: true }",
      "effective: false }\n    #                                                      ^^^^^ action/unverified was found not effective on 2026-06-01 but names no follow_up",
    );
    expectFindings(files);
  });
  it("accepts an ineffective corrective action with a follow-up, and ignores other types", () => {
    let files = edit(minimalIsms(), "actions.yaml", "effective: true }", "effective: false }\n    follow_up: ACT-3");
    files = edit(files, "actions.yaml", "    type: improvement", "    type: treatment");
    expectFindings(files, { rules: ["action/unverified"] });
  });
  it("does not report a corrective action that is not done yet", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    status: done\n    completed: 2026-05-01\n    verification: { by: ciso, date: 2026-06-01, effective: true }\n", "    status: in-progress\n");
    expectFindings(files, { rules: ["action/unverified"] });
  });
});
