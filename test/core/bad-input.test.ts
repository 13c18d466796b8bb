import * as assert from "node:assert/strict";
import { checkWorkspace, type Finding } from "../../server/src/core";
import { edit, expectFindings } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";

function check(files: Files): Finding[] {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  ).findings;
}

/** Findings in files other than `file`, to prove one broken file does not break the others. */
function elsewhere(findings: Finding[], file: string): string[] {
  return findings.filter((f) => f.file !== file).map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule} ${f.message}`);
}

describe("bad input", () => {
  it("an unclosed quote is reported at the opening quote; the other files are still checked", () => {
    const files = edit(minimalIsms(), "objectives.yaml", "    title: All staff", '    title: "All staff\n    #      ^^^^^^^^^^ yaml/syntax Unclosed quote');
    files["objectives.yaml"] += "    #       ^ yaml/syntax\n";
    const findings = check(files).filter((f) => f.file === "objectives.yaml" && f.rule === "yaml/syntax");
    assert.ok(findings.length >= 1);
    assert.equal(findings[0].range.start.line, 4);
    assert.equal(findings[0].range.start.character, 11);
    assert.match(findings[0].message, /Unclosed quote/);
    // A broken file elsewhere must not hide a real gap in another file.
    const withGap = edit(files, "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: nobody\n    likelihood: 3");
    assert.ok(check(withGap).some((f) => f.file === "risks.yaml" && f.rule === "ref/unresolved" && f.message.includes("nobody")));
  });

  it("tab indentation is reported on its line", () => {
    const files = edit(minimalIsms(), "objectives.yaml", "    target: 100% of staff", "\ttarget: 100% of staff");
    const syntax = check(files).filter((f) => f.rule === "yaml/syntax");
    assert.deepEqual(
      syntax.map((f) => [f.file, f.range.start.line, f.range.start.character, f.message]),
      [["objectives.yaml", 5, 0, "Tab used for indentation: YAML indents with spaces only."]],
    );
  });

  it("a duplicate key is reported at the second key", () => {
    const files = edit(minimalIsms(), "objectives.yaml", "    owner: ciso\n", "    owner: ciso\n    owner: ceo\n   #^^^^^ yaml/syntax Duplicate key\n");
    expectFindings(files, { rules: ["yaml/syntax"] });
  });

  it("git merge-conflict markers are reported on each marker line, and nothing else breaks", () => {
    const files = edit(minimalIsms(), "objectives.yaml", "    status: on-track\n", "<<<<<<< HEAD\n    status: on-track\n=======\n    status: at-risk\n>>>>>>> feature\n");
    const findings = check(files);
    assert.deepEqual(
      findings.filter((f) => f.file === "objectives.yaml").map((f) => [f.rule, f.range.start.line, f.range.start.character, f.range.end.character]),
      [
        ["yaml/syntax", 9, 0, 12],
        ["yaml/syntax", 11, 0, 7],
        ["yaml/syntax", 13, 0, 15],
      ],
    );
    assert.match(findings.find((f) => f.file === "objectives.yaml")?.message ?? "", /merge conflict/);
    // The file is read from our side of the conflict, so the measure tracking OBJ-1 still resolves.
    assert.deepEqual(elsewhere(findings, "objectives.yaml"), []);
  });

  it("a byte-order mark and CRLF line endings are read like plain LF files, with the same ranges", () => {
    const plain = edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: nobody\n    likelihood: 3");
    const crlf = { ...plain, "risks.yaml": "\ufeff" + plain["risks.yaml"].replace(/\n/g, "\r\n") };
    const a = check(plain).filter((f) => f.file === "risks.yaml");
    const b = check(crlf).filter((f) => f.file === "risks.yaml");
    assert.ok(a.some((f) => f.rule === "ref/unresolved" && f.message.includes("nobody")));
    assert.deepEqual(b, a);
  });

  it("a truncated file reports a syntax error and keeps what was readable", () => {
    const full = minimalIsms()["actions.yaml"];
    const files = { ...minimalIsms(), "actions.yaml": full.slice(0, full.indexOf("  - id: ACT-3") + 40) };
    const findings = check(files);
    assert.deepEqual(
      elsewhere(findings, "actions.yaml").filter((f) => !f.includes("ACT-3")),
      [],
    );
    // ACT-1 and ACT-2 are still known: the risk that lists ACT-1 has no unresolved reference.
    assert.ok(!findings.some((f) => f.file === "risks.yaml" && f.rule === "ref/unresolved"));
  });

  it("wrong types are reported at the value, in plain words", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    likelihood: 3", "    likelihood: high\n    #           ^^^^ schema/invalid likelihood must be a whole number");
    expectFindings(files, { rules: ["schema/invalid"] });
  });

  it("an unknown kind with the ISMS apiVersion is reported with a suggestion", () => {
    const files = { ...minimalIsms(), "extra.yaml": "apiVersion: isms/v1\nkind: RiskRegistry\n#     ^^^^^^^^^^^^ schema/invalid Did you mean RiskRegister?\nrisks: []\n" };
    expectFindings(files, { rules: ["schema/invalid"] });
  });

  it("a YAML file of another tool under the root is left alone", () => {
    const files = { ...minimalIsms(), ".github/workflows/ci.yaml": "on: push\njobs: { build: { runs-on: [ubuntu-latest } }\n" };
    assert.deepEqual(check(files), []);
  });

  it("an empty file is reported as empty, nothing else", () => {
    const files = { ...minimalIsms(), "empty.yaml": "", "comments.yaml": "# to do\n" };
    const findings = check(files);
    assert.deepEqual(
      findings.map((f) => `${f.file} ${f.rule}`),
      ["comments.yaml isms/empty-file", "empty.yaml isms/empty-file"],
    );
  });

  it("a file that is not text is reported once, at its start", () => {
    const files = { ...minimalIsms(), "logo.yaml": "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR" };
    const findings = check(files).filter((f) => f.file === "logo.yaml");
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, "yaml/syntax");
    assert.match(findings[0].message, /not text/);
  });

  it("a document that is a list instead of a mapping is reported", () => {
    const files = { ...minimalIsms(), "list.yaml": "- apiVersion: isms/v1\n- kind: RiskRegister\n" };
    // Not an ISMS document (no top-level kind): left alone like any other YAML.
    assert.deepEqual(check(files), []);
  });

  it("references into a file that cannot be read say so", () => {
    const files = { ...minimalIsms(), "actions.yaml": "\u0000" + minimalIsms()["actions.yaml"] };
    const unresolved = check(files).filter((f) => f.rule === "ref/unresolved");
    assert.ok(unresolved.length > 0);
    for (const f of unresolved) assert.match(f.message, /actions\.yaml, which cannot be read/);
  });

  it("a file in merge conflict is read from our side: only its markers are reported, nothing cascades", () => {
    const files = { ...minimalIsms(), "actions.yaml": "<<<<<<< HEAD\n" + minimalIsms()["actions.yaml"] + "=======\n>>>>>>> other\n" };
    const findings = check(files);
    assert.deepEqual(elsewhere(findings, "actions.yaml"), []);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.range.start.line]),
      [
        ["yaml/syntax", 0],
        ["yaml/syntax", minimalIsms()["actions.yaml"].split("\n").length],
        ["yaml/syntax", minimalIsms()["actions.yaml"].split("\n").length + 1],
      ],
    );
  });

  it("an impossible date is an error at the date, and the record is still checked", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", '    due: 2027-02-30\n    #    ^^^^^^^^^^ schema/invalid due of ACT-1: "2027-02-30" is not a real calendar date');
    expectFindings(files, { rules: ["schema/invalid"] });
  });

  it("a list item that is not a record names the item, not the list", () => {
    const files = edit(minimalIsms(), "actions.yaml", /actions:\n/, "actions:\n  - 42\n  # ^^ schema/invalid item 1 of actions must be a mapping of keys to values, not the number 42.\n");
    expectFindings(files, { rules: ["schema/invalid"] });
  });
});

describe("YAML anchors, aliases and merge keys", () => {
  it("reads values through aliases and merge keys like YAML does", () => {
    const files = edit(
      minimalIsms(),
      "risks.yaml",
      "  - id: R-002\n    title: Office power cut\n    owner: ops\n",
      "  - id: R-002\n    title: Office power cut\n    <<: &defaults { owner: ops, reviewed: 2026-06-01 }\n    x-note: merged\n",
    );
    const withAlias = edit(files, "risks.yaml", "    controls: [A.5.15]", "    controls: &access [A.5.15]");
    withAlias["risks.yaml"] +=
      "  - id: R-003\n    title: Shared admin accounts\n    <<: *defaults\n    likelihood: 2\n    impact: 3\n    treatment: mitigate\n    controls: *access\n    treatment_approval: { by: ops, date: 2026-06-01 }\n    residual: { likelihood: 1, impact: 3 }\n";
    assert.deepEqual(
      check(withAlias).map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule} ${f.message}`),
      [],
    );
  });

  it("an alias bomb is refused with a finding instead of hanging", () => {
    const bomb =
      "apiVersion: isms/v1\nkind: Objectives\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nobjectives: []\n";
    const findings = check({ ...minimalIsms(), "bomb.yaml": bomb }).filter((f) => f.file === "bomb.yaml");
    assert.ok(findings.length >= 1);
  });

  /** A RiskRegister file of `n` risks written by `risk(i)`, after `header` (anchors at the top). */
  function register(n: number, header: string, risk: (id: string) => string): string {
    let text = `apiVersion: isms/v1\nkind: RiskRegister\n${header}risks:\n`;
    for (let i = 0; i < n; i++) text += risk(`R-${1000 + i}`);
    return text;
  }

  function checked(files: Files) {
    return checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
  }

  it("1,000 risks merging one anchor (<<: *d) are valid, and each reads the merged values", () => {
    const text = register(
      1000,
      "x-defaults: &d {owner: ops, likelihood: 2, impact: 2, treatment: accept, reviewed: 2026-06-01}\n",
      (id) => `  - <<: *d\n    id: ${id}\n    title: Generated risk ${id}\n`,
    );
    const result = checked({ ...minimalIsms(), "more-risks.yaml": text });
    assert.deepEqual(
      result.findings.filter((f) => f.file === "more-risks.yaml").map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`),
      [],
    );
    const risks = result.models[0].risks.filter((r) => r.file === "more-risks.yaml");
    assert.equal(risks.length, 1000);
    for (const risk of risks) {
      assert.equal(risk.owner?.id, "ops", risk.id?.value);
      assert.equal(risk.owner?.resolved?.id?.value, "ops", risk.id?.value);
      assert.equal(risk.treatment?.value, "accept");
      assert.equal(risk.reviewed?.value, "2026-06-01");
      assert.equal(risk.score, 4);
    }
  });

  it("1,000 plain aliases of one scalar (owner: *o) are valid, and each reads the anchored value", () => {
    const text = register(
      1000,
      "x-owner: &o ops\n",
      (id) => `  - id: ${id}\n    title: Generated risk ${id}\n    owner: *o\n    likelihood: 1\n    impact: 2\n    treatment: accept\n    reviewed: 2026-06-01\n`,
    );
    const result = checked({ ...minimalIsms(), "more-risks.yaml": text });
    assert.deepEqual(
      result.findings.filter((f) => f.file === "more-risks.yaml").map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`),
      [],
    );
    const risks = result.models[0].risks.filter((r) => r.file === "more-risks.yaml");
    assert.equal(risks.length, 1000);
    assert.ok(risks.every((r) => r.owner?.resolved?.id?.value === "ops"));
  });

  it("an alias reads the closest anchor before it when an anchor name is used again", () => {
    const text = [
      "apiVersion: isms/v1",
      "kind: RiskRegister",
      "risks:",
      ...["R-101 owner: &o ops", "R-102 owner: *o", "R-103 owner: &o ciso", "R-104 owner: *o"].map((s) => {
        const [id, ...owner] = s.split(" ");
        return `  - { id: ${id}, title: Risk ${id}, ${owner.join(" ")}, likelihood: 1, impact: 2, treatment: accept, reviewed: 2026-06-01 }`;
      }),
      "",
    ].join("\n");
    const result = checked({ ...minimalIsms(), "more-risks.yaml": text });
    assert.deepEqual(
      result.findings.filter((f) => f.file === "more-risks.yaml"),
      [],
    );
    const owners = result.models[0].risks.filter((r) => r.file === "more-risks.yaml").map((r) => `${r.id?.value} ${r.owner?.id}`);
    assert.deepEqual(owners, ["R-101 ops", "R-102 ops", "R-103 ciso", "R-104 ciso"]);
  });

  it("a reference read through an alias by two records is one reference: one finding when it is unresolved", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    actions: [ACT-1]", "    actions: &acts [ACT-404]");
    files["risks.yaml"] += "    actions: *acts\n";
    const result = checked(files);
    const unresolved = result.findings.filter((f) => f.rule === "ref/unresolved");
    assert.deepEqual(
      unresolved.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character}`),
      ["risks.yaml:11:20"],
    );
    // Both risks still list the action.
    const [r1, r2] = result.models[0].risks;
    assert.deepEqual([r1.actions.map((a) => a.id), r2.actions.map((a) => a.id)], [["ACT-404"], ["ACT-404"]]);
    assert.equal(result.models[0].references.filter((r) => r.id === "ACT-404").length, 1);
  });

  it("the nine-level billion laughs is refused as an alias bomb, at once and without expanding it", () => {
    let bomb = "apiVersion: isms/v1\nkind: Objectives\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i < 9; i++)
      bomb += `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]\n`;
    bomb += "objectives: []\n";
    const findings = check({ ...minimalIsms(), "bomb.yaml": bomb }).filter((f) => f.file === "bomb.yaml");
    assert.deepEqual(
      findings.map((f) => f.rule),
      ["schema/invalid"],
    );
    assert.match(findings[0].message, /aliases \(\*name\) would expand its 106 nodes to 490,329,070, more than the 10,600 allowed: the pattern of an "alias bomb"/);
  });

  it("an alias inside the node its anchor names (circular data) is reported at the alias", () => {
    const text = "apiVersion: isms/v1\nkind: Objectives\nx-loop: &loop { next: *loop }\nobjectives: []\n";
    const findings = check({ ...minimalIsms(), "loop.yaml": text }).filter((f) => f.file === "loop.yaml");
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.rule}`),
      ["2:22-27 schema/invalid"],
    );
    assert.match(findings[0].message, /The alias \*loop is inside the node its anchor &loop names/);
  });
});

describe("bad input in the registers", () => {
  it("values of the wrong shape get schema findings and break nothing else", () => {
    const files: Files = {
      ...minimalIsms(),
      "monitoring.yaml":
        "apiVersion: isms/v1\nkind: MonitoringPlan\nmeasures:\n  - id: M-1\n    what: [a, list]\n    frequency_months: 1e308\n    results: 5\n    objective: { not: an id }\n  - just text\n  - id: M-2\n    results: [{ date: 2026-02-30, value: 1 }, 7, { date: null }]\n",
      "competence.yaml":
        "apiVersion: isms/v1\nkind: CompetenceRegister\nroles: { id: ROLE-X }\nrecords:\n  - { person: [x], role: 7 }\nawareness:\n  - { id: AW-1, completed: 2026-13-01, completion_rate: -5 }\n",
      "suppliers.yaml": "apiVersion: isms/v1\nkind: SupplierRegister\nsuppliers:\n  - id: SUP-1\n    agreement: contracts/a.pdf\n    assets: AS-NONE\n    review_months: 0\n    reviewed: 2026-04-01\n",
      "incidents.yaml": "apiVersion: isms/v1\nkind: IncidentLog\nincidents:\n  - { id: INC-1, severity: catastrophic, status: closed, lessons_learned: Done., risks: R-001 }\n",
      "catalog.yaml": "apiVersion: isms/v1\nkind: ControlCatalog\nid: [no]\ncontrols:\n  - { title: no id }\n  - { id: X-1, maps_to: [5.10, A.9.9] }\n",
    };
    const findings = check(files);
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of ["schema/invalid", "ref/unresolved", "yaml/numeric-control-id"]) assert.ok(rules.has(rule), rule);
    assert.ok(
      findings.some((f) => f.file === "monitoring.yaml" && /2026-02-30/.test(f.message)),
      "the impossible date is reported",
    );
    assert.deepEqual(
      elsewhere(findings, "__none__").filter((f) => /^(risks|soa|actions|objectives|policies|nonconformities)\.yaml/.test(f)),
      [],
      "the other registers are checked as before",
    );
  });
});
