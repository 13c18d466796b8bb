import * as assert from "node:assert/strict";
import { checkWorkspace, type CheckOptions, type LineChange, type LineHistory } from "../../../server/src/core";
import { edit, expectFindings } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

/** The files of the minimal ISMS that exist on disk besides its YAML: the evidence it cites. */
const EXISTING: CheckOptions["existingFiles"] = new Map([["", new Set(["policies", "policies/is.md", "isms.yaml"])]]);

/** Every finding of `files` (all rules), one line each: the whole output of a check. */
function wholeOutput(files: Files, existingFiles = EXISTING): string[] {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY, existingFiles },
  ).findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule}`);
}

/** Asserts that `rule` reports exactly one finding, at `location` ("file:line:column"), whose message contains `text`. */
function assertOne(files: Files, rule: string, location: string, text: string): void {
  const findings = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  ).findings.filter((f) => f.rule === rule);
  assert.deepEqual(
    findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`),
    [location],
  );
  assert.ok(findings[0].message.includes(text), findings[0].message);
}

const inventory = `apiVersion: isms/v1
kind: AssetInventory
assets:
  - { id: AS-DATA, name: Customer data, type: information, owner: ops }
`;

/** The minimal ISMS with an asset inventory and R-001 linked to it (clean). */
function withInventory(): Files {
  const files = edit({ ...minimalIsms(), "assets.yaml": inventory }, "risks.yaml", "    owner: ops\n    likelihood: 3", "    assets: [AS-DATA]\n    owner: ops\n    likelihood: 3");
  return edit(files, "risks.yaml", "    owner: ops\n    likelihood: 1", "    assets: [AS-DATA]\n    owner: ops\n    likelihood: 1");
}

describe("risk/treatment-not-approved", () => {
  it("reports a mitigated risk without treatment_approval, at its id", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    treatment_approval: { by: ops, date: 2026-06-01 }\n", "");
    expectFindings(edit(files, "risks.yaml", "  - id: R-001\n", "  - id: R-001\n  #     ^^^^^ risk/treatment-not-approved Risk R-001 is treated (mitigate) but its risk owner's approval\n"));
  });
  it("reports an approval by someone other than the risk owner, at by", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "risks.yaml",
        "    treatment_approval: { by: ops, date: 2026-06-01 }\n",
        "    treatment_approval:\n      by: ciso\n      #   ^^^^ risk/treatment-not-approved approved by ciso, but its risk owner is ops\n      date: 2026-06-01\n",
      ),
    );
  });
  it("reports an approval without a date", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "risks.yaml",
        "treatment_approval: { by: ops, date: 2026-06-01 }",
        "treatment_approval: { by: ops }\n    #                   ^^^^^^^^^^^ risk/treatment-not-approved does not say when (date)",
      ),
    );
  });
  it("does not report a retained risk, or a transferred risk with an approval", () => {
    const files = edit(minimalIsms(), "risks.yaml", "treatment: mitigate", "treatment: transfer");
    expectFindings(files, { rules: ["risk/treatment-not-approved"] });
  });

  const CREATED: LineChange = { commit: "c0".repeat(20), day: "2026-05-01", time: 1, path: "risks.yaml" };
  /**
   * Git history of risks.yaml: every line from the commit that created the file, except lines
   * holding one of `changed` (changed by a later commit on `day`) and lines holding `uncommitted`.
   */
  function history(files: Files, changed: string[], day: string, uncommitted?: string, time = 2): { lineHistory: Map<string, LineHistory> } {
    const later: LineChange = { commit: "c1".repeat(20), day, time, path: "risks.yaml" };
    const lines = files["risks.yaml"].split("\n").map((line) => (uncommitted && line.includes(uncommitted) ? null : changed.some((c) => line.includes(c)) ? later : CREATED));
    return { lineHistory: new Map([["risks.yaml", lines]]) };
  }
  const approvalLine = "treatment_approval: { by: ops, date: 2026-06-01 }";
  const annotated = (message: string) => edit(minimalIsms(), "risks.yaml", approvalLine, `${approvalLine}\n    #                                    ^^^^^^^^^^ risk/treatment-not-approved ${message}`);

  it("reports an approval dated before a later commit changed the risk's controls, at its date", () => {
    const files = annotated("changed on 2026-07-15 (commit c1c1c1c), after its approval on 2026-06-01");
    const [finding] = expectFindings(files, { check: history(files, ["controls: [A.5.15]"], "2026-07-15") });
    assert.deepEqual(finding.data, { risk: "R-001", owner: "ops", treatment: "mitigate", approved: "2026-06-01", changed: "2026-07-15", prior: `${CREATED.commit}:risks.yaml` });
  });
  it("reports a change committed in the same second as the approval, by another commit (a rebase)", () => {
    expectFindings(annotated("after its approval"), { check: history(annotated(""), ["controls: [A.5.15]"], "2026-07-15", undefined, CREATED.time) });
  });
  it("compares with the plan as it was when the approval was recorded, once the caller has read it", () => {
    const prior = (risks: string) => new Map([[`${CREATED.commit}:risks.yaml`, risks]]);
    const then = minimalIsms()["risks.yaml"];
    const reformatted = then.replace("controls: [A.5.15]", 'controls:\n      - "A.5.15"').replace("treatment: mitigate", "treatment: 'mitigate'");
    const same = { ...history(minimalIsms(), ["controls: [A.5.15]", "treatment: mitigate"], "2026-07-15"), priorTexts: prior(reformatted) };
    expectFindings(minimalIsms(), { rules: ["risk/treatment-not-approved"], check: same });
    const other = { ...history(annotated(""), ["controls: [A.5.15]"], "2026-07-15"), priorTexts: prior(then.replace("controls: [A.5.15]", "controls: [A.8.5]")) };
    expectFindings(annotated("after its approval"), { check: other });
  });
  it("reports a changed treatment decision or actions too", () => {
    expectFindings(annotated("after its approval"), { check: history(annotated(""), ["treatment: mitigate"], "2026-06-02") });
    expectFindings(annotated("after its approval"), { check: history(annotated(""), ["actions: [ACT-1]"], "2026-11-01") });
  });
  it("does not report a change of another field, on the approval's day, after today, not committed, with the approval, or creating the risk", () => {
    const only = (check: Partial<CheckOptions>) => expectFindings(minimalIsms(), { rules: ["risk/treatment-not-approved"], check });
    only(history(minimalIsms(), ["title: Unauthorised"], "2026-11-01"));
    only(history(minimalIsms(), ["controls: [A.5.15]"], "2026-06-01"));
    only(history(minimalIsms(), ["controls: [A.5.15]"], "2026-12-01")); // today is 2026-11-30
    only(history(minimalIsms(), [], "2026-11-01", "controls: [A.5.15]"));
    only(history(minimalIsms(), ["controls: [A.5.15]", approvalLine], "2026-07-15"));
    only(history(minimalIsms(), ["controls: [A.5.15]", "id: R-001"], "2026-07-15"));
  });
  it("says nothing from a history that does not cover the risk's lines (another text)", () => {
    const files = minimalIsms();
    expectFindings(files, { rules: ["risk/treatment-not-approved"], check: { lineHistory: new Map([["risks.yaml", [CREATED, { ...CREATED, time: 9, day: "2026-11-01" }]]]) } });
  });
});

describe("risk/residual-missing", () => {
  it("reports a mitigated risk without a residual rating", () => {
    expectFindings(removeResidual());
  });
  it("does not report an accepted risk without one", () => {
    expectFindings(minimalIsms(), { rules: ["risk/residual-missing"] });
  });
});

function removeResidual(): Files {
  const files = edit(minimalIsms(), "risks.yaml", "  - id: R-001\n", "  - id: R-001\n  #     ^^^^^ risk/residual-missing has no residual rating\n");
  return edit(files, "risks.yaml", "    residual: { likelihood: 2, impact: 3 }\n", "");
}

describe("soa/status-missing", () => {
  it("reports an applicable control without a status, at its control", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "soa.yaml",
        "  - control: A.5.1\n    applicable: true\n    justification: Needed to meet the certification requirement for policies for information security.\n    status: implemented\n",
        "  - control: A.5.1\n  #          ^^^^^ soa/status-missing A.5.1 is applicable but its implementation status is not given\n    applicable: true\n    justification: Needed to meet the certification requirement for policies for information security.\n",
      ),
    );
  });
  it("does not report an excluded control without a status", () => {
    const files = edit(minimalIsms(), "soa.yaml", /applicable: true\n(\s+justification: [^\n]*\n)\s+status: implemented\n(\s+sources: \[REQ-ISO\]\n)/, "applicable: false\n$1$2");
    expectFindings(files, { rules: ["soa/status-missing"] });
  });
});

describe("soa/implementation-unplanned", () => {
  const planned = (status: string, extra = "") => edit(minimalIsms(), "soa.yaml", /( {2}- control: A\.5\.2\n(?:.*\n){2}) {4}status: implemented\n/, `$1    status: ${status}\n${extra}`);
  it("reports a planned control with no action, at its status", () => {
    expectFindings(planned("planned", "    #       ^^^^^^^ soa/implementation-unplanned A.5.2 is planned but no action plans its implementation\n"));
  });
  it("does not report a planned control with its own action", () => {
    expectFindings(planned("partially-implemented", "    actions: [ACT-1]\n"), { rules: ["soa/implementation-unplanned"] });
  });
  it("does not report a control selected by a risk with an open action", () => {
    const files = edit(minimalIsms(), "soa.yaml", /( {2}- control: A\.5\.15\n(?:.*\n){2}) {4}status: implemented\n/, "$1    status: planned\n");
    expectFindings(files, { rules: ["soa/implementation-unplanned"] });
  });
});

describe("soa/evidence-missing", () => {
  const evidence = (value: string, note: string) => edit(minimalIsms(), "soa.yaml", /( {2}- control: A\.5\.2\n(?:.*\n){5}) {4}evidence: \[policies\/is\.md\]\n/, `$1    evidence: [${value}]\n${note}`);
  const check = { check: { existingFiles: EXISTING } };
  it("reports a relative path to no file under the root (error)", () => {
    expectFindings(evidence("docs/gone.md", "    #          ^^^^^^^^^^^^ soa/evidence-missing names no file under the ISMS root\n"), check);
  });
  it("counts only real URLs as URLs: a note with a colon, javascript: or data: names no file (error)", () => {
    const files = evidence(
      '"Pending: not yet written", mailto:sec@example.com, s3://bucket/report.pdf, "javascript:alert(1)", urn:isbn:123',
      "    #          ^^^^^^^^^^^^^^^^^^^^^^^^^^ soa/evidence-missing names no file under the ISMS root\n    #                                                                                      ^^^^^^^^^^^^^^^^^^^^^ soa/evidence-missing names no file under the ISMS root\n",
    );
    const findings = expectFindings(files, check);
    assert.deepEqual(
      findings.map((f) => f.severity),
      ["error", "error"],
    );
  });
  it("reports a path climbing out of the root (error), even when no file list is given", () => {
    expectFindings(evidence("../../etc/passwd", "    #          ^^^^^^^^^^^^^^^^ soa/evidence-missing points outside the ISMS root\n"));
  });
  it("reports absolute paths and file: URIs as warnings, and never URLs", () => {
    const files = evidence(
      '/etc/passwd, "file:///etc/passwd", https://example.com/x, "C:\\\\x.pdf"',
      "    #          ^^^^^^^^^^^ soa/evidence-missing an absolute path\n    #                       ^^^^^^^^^^^^^^^^^^^^ soa/evidence-missing a file: URI\n    #                                                                    ^^^^^^^^^^^ soa/evidence-missing an absolute path\n",
    );
    const findings = expectFindings(files, check);
    assert.deepEqual(
      findings.map((f) => f.severity),
      ["warning", "warning", "warning"],
    );
  });
  it("reports an implemented control with no evidence (warning)", () => {
    const files = edit(
      minimalIsms(),
      "soa.yaml",
      /( {2}- control: A\.5\.2\n)((?:.*\n){5}) {4}evidence: \[policies\/is\.md\]\n/,
      "$1  #          ^^^^^ soa/evidence-missing A.5.2 is implemented but cites no evidence\n$2",
    );
    assert.equal(expectFindings(files, check)[0].severity, "warning");
  });
  it("reports a policy path to no file", () => {
    expectFindings(edit(minimalIsms(), "policies.yaml", "    path: policies/is.md\n", "    path: policies/gone.md\n    #     ^^^^^^^^^^^^^^^^ soa/evidence-missing The path of policy POL-1\n"), check);
  });
  it("finds files written with ./, backslashes, a #fragment or another Unicode normal form", () => {
    const nfd = "e\u0301";
    const existing = new Map([["", new Set(["policies/is.md", `docs/caf\u00e9.md`])]]);
    const files = evidence(`./policies/is.md, "policies\\\\is.md", "policies/is.md#scope", docs/caf${nfd}.md`, "");
    expectFindings(files, { rules: ["soa/evidence-missing"], check: { existingFiles: existing } });
  });
  it("checks nothing on disk when no file list is given", () => {
    expectFindings(evidence("docs/gone.md", ""), { rules: ["soa/evidence-missing"] });
  });
});

describe("soa/boilerplate-justification", () => {
  it("reports five entries with the same justification once, at the first, listing the controls", () => {
    let files = minimalIsms();
    for (const [i, id] of ["A.5.1", "A.5.2", "A.5.3", "A.5.4", "A.5.5"].entries()) {
      files = edit(
        files,
        "soa.yaml",
        new RegExp(`(  - control: ${id.replace(/\./g, "\\.")}\\n    applicable: true\\n)    justification: [^\\n]*\\n`),
        `$1    justification: "  Required by ISO 27001 "\n${i === 0 ? "    #              ^^^^^^^^^^^^^^^^^^^^^^^^^^ soa/boilerplate-justification is given for 5 controls (A.5.1, A.5.2, A.5.3, A.5.4, A.5.5)\n" : ""}`,
      );
    }
    const [finding] = expectFindings(files);
    assert.equal(finding.related?.length, 4);
  });
  it("does not report four", () => {
    let files = minimalIsms();
    for (const id of ["A.5.1", "A.5.2", "A.5.3", "A.5.4"]) {
      files = edit(files, "soa.yaml", new RegExp(`(  - control: ${id.replace(/\./g, "\\.")}\\n    applicable: true\\n)    justification: [^\\n]*\\n`), "$1    justification: Required by ISO 27001\n");
    }
    expectFindings(files, { rules: ["soa/boilerplate-justification"] });
  });
});

describe("review/no-top-management", () => {
  it("reports a held review without top management, at its id", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "reviews.yaml",
        "  - id: MR-1\n    date: 2026-05-01\n    attendees: [ceo, ciso]",
        "  - id: MR-1\n  #     ^^^^ review/no-top-management lists nobody of top management among its chair and attendees (ceo are)\n    date: 2026-05-01\n    attendees: [ciso]",
      ),
    );
  });
  it("counts the chair, and does not report a review not held yet", () => {
    let files = edit(minimalIsms(), "reviews.yaml", "    attendees: [ceo, ciso]", "    chair: ceo\n    attendees: [ciso]");
    expectFindings(files, { rules: ["review/no-top-management"] });
    files = edit(minimalIsms(), "reviews.yaml", "    date: 2026-05-01\n    attendees: [ceo, ciso]", "    date: 2026-12-15\n    attendees: [ciso]");
    expectFindings(files, { rules: ["review/no-top-management"] });
  });
  it("reports once, at people, when nobody is marked top management", () => {
    const files = edit(minimalIsms(), "isms.yaml", ", top_management: true }", " }");
    assertOne(files, "review/no-top-management", "isms.yaml:30:1", "Nobody in people is marked top_management: true");
  });
});

describe("isms/responsibilities-unassigned", () => {
  it("reports a missing responsibilities block at people", () => {
    const files = edit(minimalIsms(), "isms.yaml", "responsibilities:\n  conformance: ciso\n  reporting: ciso\n", "");
    assertOne(files, "isms/responsibilities-unassigned", "isms.yaml:30:1", "does not say who is responsible for ensuring that the ISMS conforms");
  });
  it("reports a missing reporting responsibility at the block", () => {
    const files = edit(minimalIsms(), "isms.yaml", "  reporting: ciso\n", "");
    assertOne(files, "isms/responsibilities-unassigned", "isms.yaml:35:1", "responsibilities does not name who is responsible for reporting on the performance of the ISMS to top management (5.3 b).");
  });
});

describe("policy/no-information-security-policy", () => {
  it("reports a register without an information security policy", () => {
    const files = edit(minimalIsms(), "policies.yaml", "    type: information-security\n", "");
    expectFindings(
      edit(files, "policies.yaml", "kind: PolicyRegister\n", "kind: PolicyRegister\n#     ^^^^^^^^^^^^^^ policy/no-information-security-policy No policy has type: information-security\n"),
    );
  });
  it("reports the policy approved by someone who is not top management", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "policies.yaml",
        "    approved: { by: ceo, date: 2026-02-01 }\n",
        "    approved:\n      by: ciso\n      #   ^^^^ policy/no-information-security-policy approved by ciso, who is not marked top_management\n      date: 2026-02-01\n",
      ),
    );
  });
});

describe("objective/incomplete", () => {
  it("reports one finding listing what is missing", () => {
    const files = edit(
      minimalIsms(),
      "objectives.yaml",
      / {2}- id: OBJ-1\n(.*\n) {4}target: .*\n {4}measure: .*\n/,
      "  - id: OBJ-1\n  #     ^^^^^ objective/incomplete does not give a measurable target (6.2 b), how it is measured and monitored (measure, 6.2 d)\n$1",
    );
    expectFindings(files);
  });
  it("reports a target with no number or quantity", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "objectives.yaml",
        "  - id: OBJ-1\n    title: All staff complete security awareness training\n    target: 100% of staff",
        '  - id: OBJ-1\n  #     ^^^^^ objective/incomplete ("Better awareness" has no number or quantity, 6.2 b)\n    title: All staff complete security awareness training\n    target: Better awareness',
      ),
    );
  });
  it("does not report a complete or a cancelled objective", () => {
    expectFindings(minimalIsms(), { rules: ["objective/incomplete"] });
    expectFindings(edit(edit(minimalIsms(), "objectives.yaml", / {4}target: .*\n/, ""), "objectives.yaml", "status: on-track", "status: cancelled"), { rules: ["objective/incomplete"] });
  });
});

describe("asset/no-owner and risk/no-asset", () => {
  it("reports an asset without an owner", () => {
    expectFindings(
      edit(
        withInventory(),
        "assets.yaml",
        "  - { id: AS-DATA, name: Customer data, type: information, owner: ops }",
        "  - { id: AS-DATA, name: Customer data, type: information }\n  #       ^^^^^^^ asset/no-owner Asset AS-DATA has no owner",
      ),
    );
  });
  it("reports a risk with no asset as info, only when there is an inventory", () => {
    const files = edit(
      edit(withInventory(), "risks.yaml", "  - id: R-002\n", "  - id: R-002\n  #     ^^^^^ risk/no-asset Risk R-002 names no asset\n"),
      "risks.yaml",
      "    assets: [AS-DATA]\n    owner: ops\n    likelihood: 1",
      "    owner: ops\n    likelihood: 1",
    );
    assert.equal(expectFindings(files)[0].severity, "info");
    expectFindings(minimalIsms(), { rules: ["risk/no-asset"] });
  });
});

describe("one defect, one finding (the new checks)", () => {
  const cases: [string, (files: Files) => Files, string][] = [
    ["no treatment approval", (f) => edit(f, "risks.yaml", "    treatment_approval: { by: ops, date: 2026-06-01 }\n", ""), "risks.yaml:4:9 error risk/treatment-not-approved"],
    ["no residual rating", (f) => edit(f, "risks.yaml", "    residual: { likelihood: 2, impact: 3 }\n", ""), "risks.yaml:4:9 warning risk/residual-missing"],
    ["no status", (f) => edit(f, "soa.yaml", /( {2}- control: A\.5\.1\n(?:.*\n){2}) {4}status: implemented\n/, "$1"), "soa.yaml:5:14 error soa/status-missing"],
    [
      "a planned control with no action",
      (f) => edit(f, "soa.yaml", /( {2}- control: A\.5\.2\n(?:.*\n){2}) {4}status: implemented\n/, "$1    status: planned\n"),
      "soa.yaml:15:13 warning soa/implementation-unplanned",
    ],
    [
      "evidence that is not there",
      (f) => edit(f, "soa.yaml", /( {2}- control: A\.5\.2\n(?:.*\n){5}) {4}evidence: \[policies\/is\.md\]\n/, "$1    evidence: [docs/gone.md]\n"),
      "soa.yaml:18:16 error soa/evidence-missing",
    ],
    [
      "one justification on five controls",
      (f) =>
        ["A.5.1", "A.5.2", "A.5.3", "A.5.4", "A.5.5"].reduce(
          (files, id) =>
            edit(files, "soa.yaml", new RegExp(`(  - control: ${id.replace(/\./g, "\\.")}\\n    applicable: true\\n)    justification: [^\\n]*\\n`), "$1    justification: Required by ISO 27001\n"),
          f,
        ),
      "soa.yaml:7:20 warning soa/boilerplate-justification",
    ],
    ["a review without top management", (f) => edit(f, "reviews.yaml", "    attendees: [ceo, ciso]", "    attendees: [ciso]"), "reviews.yaml:4:9 error review/no-top-management"],
    ["no 5.3 responsibilities", (f) => edit(f, "isms.yaml", "responsibilities:\n  conformance: ciso\n  reporting: ciso\n", ""), "isms.yaml:30:1 error isms/responsibilities-unassigned"],
    ["no information security policy", (f) => edit(f, "policies.yaml", "    type: information-security\n", ""), "policies.yaml:2:7 error policy/no-information-security-policy"],
    ["an objective without a measure", (f) => edit(f, "objectives.yaml", "    measure: LMS completion report\n", ""), "objectives.yaml:4:9 warning objective/incomplete"],
    ["an asset without an owner", (f) => edit(f, "assets.yaml", ", owner: ops }", " }"), "assets.yaml:4:11 warning asset/no-owner"],
    ["a risk without an asset", (f) => edit(f, "risks.yaml", "    assets: [AS-DATA]\n", ""), "risks.yaml:4:9 info risk/no-asset"],
  ];

  it("starts from a clean ISMS with an asset inventory and its evidence on disk", () => {
    assert.deepEqual(wholeOutput(withInventory()), []);
  });
  for (const [defect, apply, expected] of cases) {
    it(`${defect}: exactly ${expected.split(" ")[2]}`, () => {
      assert.deepEqual(wholeOutput(apply(withInventory())), [expected]);
    });
  }
});

describe("soa/evidence-missing: bad input", () => {
  it("odd, huge and hostile paths give evidence findings only, never anything else, and never a crash", () => {
    const hostile = [
      '"docs/\\0nul.md"',
      '"docs/\\u202Egnp.exe"',
      '"docs/😀/ok.md"',
      `"${"a/".repeat(5000)}x.md"`,
      '"%2e%2e/%2e%2e/etc/passwd"',
      '"docs/./../../../../etc/shadow"',
      '"\\\\\\\\server\\\\share\\\\x.pdf"',
      '"FILE:///etc/passwd"',
      '"javascript:alert(1)"',
      '""',
    ];
    const files = edit(minimalIsms(), "soa.yaml", /(- control: A\.5\.2\n(?: {4}.*\n)*? {4}evidence: )\[policies\/is\.md\]/, `$1[${hostile.join(", ")}]`);
    const findings = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY, existingFiles: EXISTING },
    ).findings;
    assert.ok(findings.length > 0);
    assert.deepEqual([...new Set(findings.map((f) => f.rule))], ["soa/evidence-missing"]);
    assert.ok(
      findings.every((f) => f.message.length < 600),
      "long paths are cut in messages",
    );
    assert.deepEqual(
      findings.map((f) => f.data?.reason),
      ["missing", "missing", "missing", "missing", "missing", "outside", "absolute", "file-uri", "missing"],
    );
  });
});
