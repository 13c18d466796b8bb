import * as assert from "node:assert/strict";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

const KIND = "kind: InternalAudit";
const annotateKind = (files: Files, rule: string) => edit(files, "audits.yaml", KIND, `${KIND}\n#     ^^^^^^^^^^^^^ ${rule}`);
const performed = (files: Files, date: string) => edit(files, "audits.yaml", "    performed: 2026-04-02", `    performed: ${date}`);

describe("audit/overdue", () => {
  it("reports the audit programme one day after the cadence ran out", () => {
    const files = annotateKind(performed(minimalIsms(), "2025-11-29"), "audit/overdue 1 day overdue: the last completed internal audit, AUD-1, was performed on 2025-11-29");
    const [finding] = expectFindings(files);
    assert.equal(finding.data?.lastPerformed, "2025-11-29");
  });
  it("does not report an audit performed exactly one cadence ago (the next one is due today)", () => {
    expectFindings(performed(minimalIsms(), "2025-11-30"), { rules: ["audit/overdue"] });
  });
  it("uses cadence.internal_audit from isms.yaml", () => {
    const six = (files: Files) => edit(files, "isms.yaml", "people:", "cadence: { internal_audit: 6 }\npeople:");
    expectFindings(annotateKind(six(performed(minimalIsms(), "2026-05-29")), "audit/overdue with audits every 6 months the next was due on 2026-11-29"));
    expectFindings(six(performed(minimalIsms(), "2026-05-30")), { rules: ["audit/overdue"] });
  });
  it("reports when no audit is completed, ignoring audits dated after today", () => {
    expectFindings(annotateKind(edit(minimalIsms(), "audits.yaml", "    status: completed", "    status: planned"), "audit/overdue There is no completed internal audit"));
    expectFindings(annotateKind(performed(minimalIsms(), "2026-12-01"), "audit/overdue no completed internal audit"));
  });
  it("reports at isms.yaml when there is no InternalAudit document", () => {
    const files = minimalIsms();
    delete files["audits.yaml"];
    const [finding] = expectFindings(edit(files, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ audit/overdue no completed internal audit"));
    assert.equal(finding.data?.lastPerformed, null);
  });
});

describe("audit/coverage-gap", () => {
  it("lists the clauses and applicable controls no audit of the cycle covered", () => {
    let files = edit(minimalIsms(), "audits.yaml", `clauses: ["4", "5", "6", "7", "8", "9", "10"]`, `clauses: ["4", "5", "6", "7", "9", "10"]`);
    files = edit(files, "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.5, A.6, A.8, A.7.4]");
    files = annotateKind(
      files,
      "audit/coverage-gap do not cover requirement clauses 8.1, 8.2, 8.3; the audit programme of the last 36 months (AUD-1) does not cover 13 applicable Annex A controls (A.7.1, A.7.2, A.7.3, A.7.5",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.clauses, ["8.1", "8.2", "8.3"]);
    assert.equal((finding.data?.controls as string[]).length, 13);
    assert.match(finding.message, /A\.7\.11, and 3 more/);
  });
  it('counts at the level of the requirement clauses: 7.1 does not cover 7.5, "7.5" covers 7.5.1 to 7.5.3', () => {
    const scope = (clauses: string) => edit(minimalIsms(), "audits.yaml", `clauses: ["4", "5", "6", "7", "8", "9", "10"]`, `clauses: [${clauses}]`);
    const data = (clauses: string) => checkFiles(scope(clauses)).find((f) => f.rule === "audit/coverage-gap")?.data?.clauses;
    assert.deepEqual(data(`"4", "5", "6", "7.1", "7.2", "7.3", "7.4", "8", "9", "10"`), ["7.5.1", "7.5.2", "7.5.3"]);
    assert.equal(data(`"4", "5", "6", "7.1", "7.2", "7.3", "7.4", "7.5", "8", "9", "10"`), undefined);
    assert.deepEqual(data(`"4", "5", "6.1.2", "6.1.3", "6.2", "6.3", "7", "8", "9", "10"`), ["6.1.1"]);
  });
  it("gives the Annex A controls cadence.audit_programme months (default 36), the clauses cadence.internal_audit", () => {
    const second = `  - id: AUD-0
    performed: %DATE%
    auditor: auditor
    scope: { clauses: ["4"], controls: [A.7] }
    status: completed
    reported: { to: MR-1, date: 2026-05-01 }
`;
    let files = edit(minimalIsms(), "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.5, A.6, A.8]");
    files = edit(files, "audits.yaml", "audits:\n", `audits:\n${second}`);
    expectFindings(edit(files, "audits.yaml", "%DATE%", "2023-11-30"), { rules: ["audit/coverage-gap"] });
    const old = annotateKind(edit(files, "audits.yaml", "%DATE%", "2023-11-29"), "audit/coverage-gap audit programme of the last 36 months (AUD-1) does not cover 14 applicable");
    expectFindings(old);
    const shorter = edit(edit(files, "audits.yaml", "%DATE%", "2024-11-29"), "isms.yaml", "people:", "cadence: { audit_programme: 24 }\npeople:");
    expectFindings(annotateKind(shorter, "audit/coverage-gap audit programme of the last 24 months (AUD-1) does not cover 14"));
  });
  it("ignores controls that are not applicable in the SoA", () => {
    let files = edit(minimalIsms(), "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.5, A.6, A.8]");
    files = edit(files, "soa.yaml", /(control: A\.7\.\d+\n {4}applicable: )true/g, "$1false");
    expectFindings(files, { rules: ["audit/coverage-gap"] });
  });
  it("combines the audits of the cycle and ignores an audit older than the cadence", () => {
    const second = `  - id: AUD-2
    performed: %DATE%
    auditor: auditor
    scope: { clauses: ["8"], controls: [A.7] }
    status: completed
    reported: { to: MR-1, date: 2026-05-01 }
`;
    let files = edit(minimalIsms(), "audits.yaml", `clauses: ["4", "5", "6", "7", "8", "9", "10"]`, `clauses: ["4", "5", "6", "7", "9", "10"]`);
    files = edit(files, "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.5, A.6, A.8]");
    files = edit(files, "audits.yaml", "audits:\n", `audits:\n${second}`);
    expectFindings(edit(files, "audits.yaml", "%DATE%", "2025-11-30"), { rules: ["audit/coverage-gap"] });
    const old = annotateKind(
      edit(files, "audits.yaml", "%DATE%", "2025-11-29"),
      "audit/coverage-gap The internal audits of the last 12 months (AUD-1) do not cover requirement clauses 8.1, 8.2, 8.3:",
    );
    expectFindings(old);
  });
  it("is silent when no audit was completed in the cycle (audit/overdue reports that)", () => {
    const files = edit(performed(minimalIsms(), "2025-01-10"), "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.5]");
    expectFindings(files, { rules: ["audit/coverage-gap"] });
  });
});

describe("audit/auditor-not-independent", () => {
  it("reports an auditor who owns a risk and an action within the audit's control scope", () => {
    const files = edit(
      minimalIsms(),
      "audits.yaml",
      "    auditor: auditor",
      "    auditor: ops\n    #        ^^^ audit/auditor-not-independent audited by ops, who owns what it audits: risk R-001 and action ACT-1 of risk R-001",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { id: "AUD-1", auditor: "ops", risks: ["R-001"], controls: [], actions: ["ACT-1"] });
    assert.deepEqual(
      finding.related?.map((r) => r.file),
      ["risks.yaml", "actions.yaml"],
    );
  });
  it("reports an auditor who owns SoA controls in scope", () => {
    let files = edit(minimalIsms(), "audits.yaml", "    auditor: auditor", "    auditor: ciso\n    #        ^^^^ audit/auditor-not-independent the SoA control A.8.5");
    files = edit(files, "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.8.5]");
    expectFindings(files);
  });
  it("is silent when the auditor owns nothing within the control scope", () => {
    let files = edit(minimalIsms(), "audits.yaml", "    auditor: auditor", "    auditor: ops");
    files = edit(files, "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.6, A.7, A.8]");
    expectFindings(files, { rules: ["audit/auditor-not-independent"] });
  });
  it("reports a completed audit without an auditor, but not a planned one", () => {
    const files = edit(
      minimalIsms(),
      "audits.yaml",
      "  - id: AUD-1\n    planned: 2026-04-01\n    performed: 2026-04-02\n    auditor: auditor\n",
      "  - id: AUD-1\n    #   ^^^^^ audit/auditor-not-independent AUD-1 is completed but names no auditor\n    planned: 2026-04-01\n    performed: 2026-04-02\n",
    );
    expectFindings(files);
    const planned = edit(minimalIsms(), "audits.yaml", "    auditor: auditor\n", "");
    expectFindings(edit(planned, "audits.yaml", "    status: completed", "    status: planned"), { rules: ["audit/auditor-not-independent"] });
  });
});

describe("audit/finding-without-nonconformity", () => {
  it("reports a minor finding with no nonconformity raised", () => {
    let files = edit(minimalIsms(), "audits.yaml", "      - id: F-1", "      - id: F-1\n      #     ^^^ audit/finding-without-nonconformity F-1 of AUD-1 is a minor nonconformity");
    files = edit(files, "audits.yaml", "        nonconformity: NC-1\n", "");
    files = edit(files, "nonconformities.yaml", "    source: F-1", "    source: self-identified");
    expectFindings(files);
  });
  it("accepts a nonconformity that names the finding as its source", () => {
    const files = edit(minimalIsms(), "audits.yaml", "        nonconformity: NC-1\n", "");
    expectFindings(files, { rules: ["audit/finding-without-nonconformity"] });
  });
  it("does not ask for a nonconformity for an observation", () => {
    let files = edit(minimalIsms(), "audits.yaml", "        type: minor", "        type: observation");
    files = edit(files, "audits.yaml", "        nonconformity: NC-1\n", "");
    files = edit(files, "nonconformities.yaml", "    source: F-1", "    source: self-identified");
    expectFindings(files, { rules: ["audit/finding-without-nonconformity"] });
  });
});

describe("audit/not-reported", () => {
  it("reports a completed audit with no reporting at its id", () => {
    let files = edit(minimalIsms(), "audits.yaml", "  - id: AUD-1", "  - id: AUD-1\n    #   ^^^^^ audit/not-reported AUD-1 is completed but its results are not recorded as reported");
    files = edit(files, "audits.yaml", "    reported: { to: MR-1, date: 2026-05-01 }\n", "");
    expectFindings(files);
  });
  it("reports reporting without the management review", () => {
    const files = edit(
      minimalIsms(),
      "audits.yaml",
      "    reported: { to: MR-1, date: 2026-05-01 }",
      "    reported: { date: 2026-05-01 }\n    #         ^^^^^^^^^^^^^^^^^^^^ audit/not-reported without to whom it was reported (to)",
    );
    expectFindings(files);
  });
  it("accepts results reported to a person of relevant management (9.2.2 c)", () => {
    const files = edit(minimalIsms(), "audits.yaml", "    reported: { to: MR-1, date: 2026-05-01 }", "    reported: { to: ceo, date: 2026-04-10 }");
    expectFindings(files, { rules: ["audit/not-reported", "ref/unresolved"] });
  });
  it("is silent for a planned audit", () => {
    let files = edit(minimalIsms(), "audits.yaml", "    reported: { to: MR-1, date: 2026-05-01 }\n", "");
    files = edit(files, "audits.yaml", "    status: completed", "    status: planned");
    expectFindings(files, { rules: ["audit/not-reported"] });
  });
});
