import * as assert from "node:assert/strict";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

const NC_ID = "  - id: NC-1";
const reopen = (files: Record<string, string>) => edit(files, "nonconformities.yaml", "    status: closed\n    closed: 2026-06-01\n", "    status: open\n");

describe("nc/no-root-cause", () => {
  it("reports an open nonconformity without a root cause at its id", () => {
    let files = reopen(minimalIsms());
    files = edit(files, "nonconformities.yaml", NC_ID, `${NC_ID}\n    #   ^^^^ nc/no-root-cause NC-1 has no root cause`);
    files = edit(files, "nonconformities.yaml", "    root_cause: No owner for the audit calendar.\n", "");
    expectFindings(files);
  });
  it("leaves a closed nonconformity without a root cause to nc/closed-incomplete", () => {
    let files = edit(minimalIsms(), "nonconformities.yaml", "    root_cause: No owner for the audit calendar.\n", "");
    files = edit(files, "nonconformities.yaml", "    status: closed", "    status: closed\n    #       ^^^^^^ nc/closed-incomplete root_cause (10.2 b)");
    expectFindings(files, { rules: ["nc/no-root-cause", "nc/closed-incomplete"] });
  });
  it("is silent when the root cause is recorded", () => {
    expectFindings(reopen(minimalIsms()), { rules: ["nc/no-root-cause"] });
  });
});

describe("nc/no-corrective-action", () => {
  it("reports an open nonconformity with no actions", () => {
    let files = reopen(minimalIsms());
    files = edit(files, "nonconformities.yaml", NC_ID, `${NC_ID}\n    #   ^^^^ nc/no-corrective-action NC-1 has no corrective action`);
    files = edit(files, "nonconformities.yaml", "    actions: [ACT-2]\n", "");
    expectFindings(files);
  });
  it("reports an open nonconformity whose only action is a treatment action", () => {
    let files = reopen(minimalIsms());
    files = edit(files, "nonconformities.yaml", NC_ID, `${NC_ID}\n    #   ^^^^ nc/no-corrective-action only ACT-1 (treatment)`);
    files = edit(files, "nonconformities.yaml", "    actions: [ACT-2]", "    actions: [ACT-1]");
    const [finding] = expectFindings(files);
    assert.equal(finding.related?.[0].file, "actions.yaml");
  });
  it("accepts a corrective action that names the nonconformity as its source", () => {
    let files = reopen(minimalIsms());
    files = edit(files, "nonconformities.yaml", "    actions: [ACT-2]\n", "");
    files = edit(files, "actions.yaml", "    type: corrective", "    type: corrective\n    source: NC-1");
    expectFindings(files, { rules: ["nc/no-corrective-action"] });
  });
  it("leaves dangling action ids to ref/unresolved and closed nonconformities to nc/closed-incomplete", () => {
    let files = reopen(minimalIsms());
    files = edit(files, "nonconformities.yaml", "    actions: [ACT-2]", "    actions: [ACT-99]");
    expectFindings(files, { rules: ["nc/no-corrective-action"] });
    const closed = edit(minimalIsms(), "nonconformities.yaml", "    actions: [ACT-2]\n", "");
    expectFindings(closed, { rules: ["nc/no-corrective-action"] });
  });
});

describe("nc/closed-incomplete", () => {
  it("lists everything a closed nonconformity lacks in one finding on its status", () => {
    let files = edit(minimalIsms(), "nonconformities.yaml", "    correction: Audit scheduled.\n", "");
    files = edit(files, "nonconformities.yaml", "    similar_elsewhere: Checked the review calendar; it has an owner.\n", "");
    files = edit(
      files,
      "nonconformities.yaml",
      "    status: closed\n    closed: 2026-06-01\n",
      "    status: closed\n    #       ^^^^^^ nc/closed-incomplete correction (10.2 a); similar_elsewhere (10.2 b 3). Complete\n    #       ^^^^^^ nc/closed-incomplete records no closed date\n",
    );
    const [incomplete, undated] = expectFindings(files)
      .sort((a, b) => a.message.length - b.message.length)
      .reverse();
    assert.deepEqual(incomplete.data?.missing, ["correction", "similar_elsewhere"]);
    assert.equal(incomplete.severity, "error");
    assert.deepEqual(undated.data?.missing, ["closed"]);
    assert.equal(undated.severity, "info", "no shall asks for the closed date");
  });
  it("calibration: a missing closed date alone is info, not an error", () => {
    const files = edit(minimalIsms(), "nonconformities.yaml", "    closed: 2026-06-01\n", "");
    assert.deepEqual(
      checkFiles(files)
        .filter((f) => f.rule === "nc/closed-incomplete")
        .map((f) => f.severity),
      ["info"],
    );
    assert.deepEqual(
      checkFiles(minimalIsms()).filter((f) => f.rule === "nc/closed-incomplete"),
      [],
    );
  });
  it("accepts a nonconformity closed with a recorded decision that no corrective action is needed (10.2 b, c)", () => {
    const files = edit(minimalIsms(), "nonconformities.yaml", / {4}actions: \[.*\]\n/, "    no_corrective_action: A one-off typo in the agenda; the cause cannot recur.\n");
    expectFindings(files, { rules: ["nc/closed-incomplete", "nc/no-corrective-action"] });
    const open = edit(edit(files, "nonconformities.yaml", "    status: closed", "    status: open"), "nonconformities.yaml", "    closed: 2026-06-01\n", "");
    expectFindings(open, { rules: ["nc/closed-incomplete", "nc/no-corrective-action"] });
  });
  it("reports a closed nonconformity whose corrective action is not done", () => {
    let files = edit(minimalIsms(), "nonconformities.yaml", "    status: closed", "    status: closed\n    #       ^^^^^^ nc/closed-incomplete ACT-2 is in-progress");
    files = edit(files, "actions.yaml", "    status: done\n    completed: 2026-05-01\n    verification: { by: ciso, date: 2026-06-01, effective: true }", "    status: in-progress");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.unfinishedActions, ["ACT-2"]);
    assert.equal(finding.related?.[0].file, "actions.yaml");
  });
  it("reports a closed nonconformity without any action, and one whose corrective action was not verified", () => {
    const none = edit(minimalIsms(), "nonconformities.yaml", "    actions: [ACT-2]\n", "");
    expectFindings(edit(none, "nonconformities.yaml", "    status: closed", "    status: closed\n    #       ^^^^^^ nc/closed-incomplete a corrective action under actions (10.2 c)"));
    let files = edit(minimalIsms(), "actions.yaml", "    verification: { by: ciso, date: 2026-06-01, effective: true }\n", "");
    files = edit(files, "nonconformities.yaml", "    status: closed", "    status: closed\n    #       ^^^^^^ nc/closed-incomplete ACT-2 has no effectiveness review");
    expectFindings(files);
  });
  it("follows an ineffective corrective action to its follow-up", () => {
    let files = edit(minimalIsms(), "actions.yaml", "effective: true }", "effective: false }\n    follow_up: ACT-3");
    const open = edit(
      files,
      "nonconformities.yaml",
      "    status: closed",
      "    status: closed\n    #       ^^^^^^ nc/closed-incomplete ACT-2 was found not effective and its follow-up is not done and effective",
    );
    expectFindings(open);
    files = edit(files, "actions.yaml", "    completed: 2026-07-01", "    completed: 2026-07-01\n    verification: { by: ciso, date: 2026-08-01, effective: true }");
    expectFindings(files, { rules: ["nc/closed-incomplete"] });
  });
  it("is silent for a complete closed nonconformity and for open ones", () => {
    expectFindings(minimalIsms(), { rules: ["nc/closed-incomplete"] });
    expectFindings(edit(reopen(minimalIsms()), "nonconformities.yaml", "    correction: Audit scheduled.\n", ""), { rules: ["nc/closed-incomplete"] });
  });
});
