import * as assert from "node:assert/strict";
import { checkWorkspace, type CheckResult } from "../../../server/src/core";
import { addRecord, applyTextEdits, InvalidRecordError, type AddedRecord, type NewRecord } from "../../../server/src/core/edits";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

/** Checks `files`, adds `record` to the (only) ISMS, and returns the result with the workspace after the edit. */
function add(files: Files, record: NewRecord): AddedRecord & { after: Files; before: CheckResult } {
  const before = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
  const model = before.models[0];
  const added = addRecord({ model, files: (k) => before.files.find((f) => f.file === k), today: FIXTURE_TODAY }, record);
  const after = { ...files };
  for (const [key, edits] of Object.entries(added.edit.changes)) {
    after[key] = applyTextEdits(added.edit.createFiles?.includes(key) ? "" : (after[key] ?? assert.fail(`edit of unknown ${key}`)), edits);
  }
  return { ...added, after, before };
}

/** Rules that a well-formed new record must not trigger. */
const FORMAT_RULES = ["yaml/syntax", "schema/invalid", "ref/unresolved", "ref/duplicate-id", "risk/rating-out-of-scale"];

/** Findings of {@link FORMAT_RULES} in `after` that `before` did not have. */
function newFormatFindings(before: Files, after: Files): string[] {
  const findings = (files: Files) =>
    checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    )
      .findings.filter((f) => FORMAT_RULES.includes(f.rule))
      .map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`);
  const old = new Set(findings(before));
  return findings(after).filter((f) => !old.has(f));
}

const RISK: NewRecord = { kind: "risk", fields: { title: "Laptop stolen from a car", owner: "ciso", likelihood: 2, impact: 4, treatment: "mitigate" } };
const ACTION: NewRecord = { kind: "action", fields: { title: "Encrypt every laptop disk", type: "treatment", source: "R-001", owner: "ops", due: "2027-01-31" } };

describe("core/edits addRecord", () => {
  it("appends a risk after the last one of the register with the most risks, comments untouched", () => {
    const files = minimalIsms();
    files["risks.yaml"] = `apiVersion: isms/v1
kind: RiskRegister
# Corporate risks (owner: CISO)
risks:
  - id: R-001
    title: Unauthorised access to customer data
    owner: ops # the operations lead
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.5.15]
    actions: [ACT-1]
    residual: { likelihood: 2, impact: 3 }
    reviewed: 2026-06-01
  # R-002 was merged into R-001
  - id: R-003
    title: Office power cut
    owner: ops
    likelihood: 1
    impact: 2
    treatment: accept
    reviewed: 2026-06-01  # annual review
# end of the register
`;
    files["risks/small.yaml"] = `apiVersion: isms/v1
kind: RiskRegister
risks:
  - { id: R-009, title: Flood, owner: ops, likelihood: 1, impact: 2, treatment: accept, reviewed: 2026-06-01 }
`;
    const r = add(files, RISK);
    assert.equal(r.id, "R-010");
    assert.equal(r.file, "risks.yaml");
    assert.equal(r.edit.createFiles, undefined);
    assert.deepEqual(Object.keys(r.edit.changes), ["risks.yaml"]);
    assert.equal(
      r.after["risks.yaml"],
      `apiVersion: isms/v1
kind: RiskRegister
# Corporate risks (owner: CISO)
risks:
  - id: R-001
    title: Unauthorised access to customer data
    owner: ops # the operations lead
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.5.15]
    actions: [ACT-1]
    residual: { likelihood: 2, impact: 3 }
    reviewed: 2026-06-01
  # R-002 was merged into R-001
  - id: R-003
    title: Office power cut
    owner: ops
    likelihood: 1
    impact: 2
    treatment: accept
    reviewed: 2026-06-01  # annual review
  - id: R-010
    title: Laptop stolen from a car
    owner: ciso
    likelihood: 2
    impact: 4
    treatment: mitigate
    reviewed: 2026-11-30
# end of the register
`,
    );
    assert.deepEqual(r.range, { start: { line: 22, character: 4 }, end: { line: 28, character: 24 } });
    assert.equal(r.after["risks/small.yaml"], files["risks/small.yaml"]);
    assert.deepEqual(newFormatFindings(files, r.after), []);
  });

  it("keeps CRLF line endings and the blank line between records", () => {
    const files = minimalIsms();
    files["actions.yaml"] = [
      "apiVersion: isms/v1",
      "kind: ActionPlan",
      "actions:",
      "    - id: ACT-007",
      "      title: Enforce SSO for the admin console",
      "      type: treatment",
      "      owner: ops",
      "      due: 2027-03-31",
      "      status: open",
      "",
      "    - id: ACT-008",
      "      title: Add the audit schedule to the ISMS calendar",
      "      owner: ops",
      "      status: open",
      "",
      "    - id: ACT-009",
      "      title: Automate access reviews",
      "      owner: ciso",
      "      status: open",
      "",
    ].join("\r\n");
    const r = add(files, ACTION);
    assert.equal(r.id, "ACT-010");
    assert.equal(
      r.after["actions.yaml"],
      [
        "apiVersion: isms/v1",
        "kind: ActionPlan",
        "actions:",
        "    - id: ACT-007",
        "      title: Enforce SSO for the admin console",
        "      type: treatment",
        "      owner: ops",
        "      due: 2027-03-31",
        "      status: open",
        "",
        "    - id: ACT-008",
        "      title: Add the audit schedule to the ISMS calendar",
        "      owner: ops",
        "      status: open",
        "",
        "    - id: ACT-009",
        "      title: Automate access reviews",
        "      owner: ciso",
        "      status: open",
        "",
        "    - id: ACT-010",
        "      title: Encrypt every laptop disk",
        "      type: treatment",
        "      source: R-001",
        "      owner: ops",
        "      due: 2027-01-31",
        "      status: open",
        "",
      ].join("\r\n"),
    );
    assert.ok(!/[^\r]\n/.test(r.after["actions.yaml"]), "every line break stays CRLF");
    assert.equal(r.range.start.line, 20);
    assert.deepEqual(newFormatFindings(files, r.after), []);
  });

  it("writes a flow-style record into a register of flow-style records, quoting text that needs it", () => {
    const files = minimalIsms();
    files["risks.yaml"] = `apiVersion: isms/v1
kind: RiskRegister
risks:
  - { id: R-001, title: Unauthorised access, owner: ops, likelihood: 3, impact: 4, treatment: mitigate, controls: [A.5.15], actions: [ACT-1], residual: { likelihood: 2, impact: 3 }, reviewed: 2026-06-01 }
  - { id: R-002, title: Office power cut, owner: ops, likelihood: 1, impact: 2, treatment: accept, reviewed: 2026-06-01 }
`;
    const r = add(files, { kind: "risk", fields: { title: "Supplier: outage, #1 cause", owner: "ops" } });
    assert.equal(r.id, "R-003");
    assert.equal(
      r.after["risks.yaml"],
      `apiVersion: isms/v1
kind: RiskRegister
risks:
  - { id: R-001, title: Unauthorised access, owner: ops, likelihood: 3, impact: 4, treatment: mitigate, controls: [A.5.15], actions: [ACT-1], residual: { likelihood: 2, impact: 3 }, reviewed: 2026-06-01 }
  - { id: R-002, title: Office power cut, owner: ops, likelihood: 1, impact: 2, treatment: accept, reviewed: 2026-06-01 }
  - { id: R-003, title: "Supplier: outage, #1 cause", owner: ops }
`,
    );
    const model = checkWorkspace(
      Object.entries(r.after).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    ).models[0];
    assert.equal(model.risks.find((x) => x.id?.value === "R-003")?.title?.value, "Supplier: outage, #1 cause");
    assert.deepEqual(newFormatFindings(files, r.after), []);
  });

  it("creates actions.yaml in the root folder when the ISMS has no ActionPlan, with the line endings of isms.yaml", () => {
    const files = minimalIsms();
    delete files["actions.yaml"];
    const crlf: Files = {};
    for (const [k, v] of Object.entries(files)) crlf[`org/${k}`] = v.replace(/\n/g, "\r\n");
    const r = add(crlf, { kind: "action", fields: { title: "Write the first risk treatment plan", type: "improvement", owner: "ciso" } });
    assert.equal(r.id, "ACT-001");
    assert.equal(r.file, "org/actions.yaml");
    assert.deepEqual(r.edit.createFiles, ["org/actions.yaml"]);
    assert.equal(
      r.after["org/actions.yaml"],
      "apiVersion: isms/v1\r\nkind: ActionPlan\r\nactions:\r\n  - id: ACT-001\r\n    title: Write the first risk treatment plan\r\n    type: improvement\r\n    owner: ciso\r\n    status: open\r\n",
    );
    assert.deepEqual(r.range, { start: { line: 3, character: 4 }, end: { line: 7, character: 16 } });
  });

  it("appends to an empty `risks: []` list in block style", () => {
    const files = minimalIsms();
    files["risks.yaml"] = "apiVersion: isms/v1\nkind: RiskRegister\nrisks: []\n";
    // R-001 is referenced by the SoA: the new risk gets the first id all the same
    const r = add(files, { kind: "risk", fields: { title: "Power cut", likelihood: 1, impact: 2, treatment: "accept", owner: "ops" } });
    assert.equal(r.id, "R-001");
    assert.equal(
      r.after["risks.yaml"],
      "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-001\n    title: Power cut\n    owner: ops\n    likelihood: 1\n    impact: 2\n    treatment: accept\n    reviewed: 2026-11-30\n",
    );
  });

  it("follows the numbering of existing ids across every file (zero-padding, no reuse)", () => {
    const files = minimalIsms();
    files["more-actions.yaml"] = "apiVersion: isms/v1\nkind: ActionPlan\nactions:\n  - { id: ACT-12, title: Old, owner: ops, due: 2027-01-01, status: open }\n";
    assert.equal(add(files, ACTION).id, "ACT-13");
    assert.equal(add(files, ACTION).file, "actions.yaml", "the plan with the most actions receives it");
  });

  it("writes `reviewed` only for a rated risk, and `status: open` by default", () => {
    const r = add(minimalIsms(), { kind: "risk", fields: { title: "Unrated" } });
    assert.match(r.after["risks.yaml"], /- id: R-003\n {4}title: Unrated\n$/);
  });

  it("refuses fields that are not acceptable, naming the field", () => {
    const cases: [NewRecord, RegExp][] = [
      [{ kind: "risk", fields: { title: "  " } }, /^title:/],
      [{ kind: "risk", fields: { title: "X", likelihood: 9 } }, /^likelihood: 9 is not a level of the methodology's scale \(1, 2, 3, 4, 5\)/],
      [{ kind: "risk", fields: { title: "X", impact: 2.5 } }, /^impact:/],
      [{ kind: "risk", fields: { title: "X", treatment: "ignore" } }, /^treatment: "ignore" is not one of mitigate, accept/],
      [{ kind: "risk", fields: { title: "X", owner: "john smith" } }, /^owner: "john smith" is not an id/],
      [{ kind: "action", fields: { title: "X", due: "2027-02-30" } }, /^due: "2027-02-30" is not a date/],
      [{ kind: "action", fields: { title: "X", type: "urgent" } }, /^type:/],
      [{ kind: "action", fields: { title: "X", status: "later" } }, /^status:/],
    ];
    for (const [record, message] of cases) {
      assert.throws(
        () => add(minimalIsms(), record),
        (e: unknown) => e instanceof InvalidRecordError && message.test(e.message),
        JSON.stringify(record),
      );
    }
  });

  it("joins a multi-line title into one line", () => {
    const r = add(minimalIsms(), { kind: "action", fields: { title: "Fix\n  the   backup job" } });
    assert.match(r.after["actions.yaml"], /- id: ACT-4\n {4}title: Fix the backup job\n {4}status: open\n$/);
  });
});

describe("core/edits applyTextEdits", () => {
  it("applies edits back to front, keeping the order of insertions at one position", () => {
    const text = "a\r\nb\r\nc";
    const at = (line: number, character: number) => ({ line, character });
    const out = applyTextEdits(text, [
      { range: { start: at(1, 0), end: at(1, 1) }, newText: "B" },
      { range: { start: at(2, 1), end: at(2, 1) }, newText: "1" },
      { range: { start: at(2, 1), end: at(2, 1) }, newText: "2" },
      { range: { start: at(0, 0), end: at(0, 0) }, newText: ">" },
    ]);
    assert.equal(out, ">a\r\nB\r\nc12");
  });
});
