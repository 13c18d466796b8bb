import * as assert from "node:assert/strict";
import { checkWorkspace, RULES, type Rule } from "../../server/src/core";
import { checkFiles, edit, expectFindings } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";

const sources = (files: Files) => Object.entries(files).map(([file, text]) => ({ file, text }));

/** The fixture with R-001's owner pointing at nobody: one ref/unresolved error on risks.yaml line 5. */
function withUnknownOwner(prefix = ""): Files {
  return edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", `${prefix}    owner: nobody\n    likelihood: 3`);
}

describe("severity settings", () => {
  it("isms.yaml rules: changes a rule's severity", () => {
    const files = edit(withUnknownOwner(), "isms.yaml", "people:", "rules:\n  ref/unresolved: info\npeople:");
    const [finding] = checkFiles(files).filter((f) => f.rule === "ref/unresolved");
    assert.equal(finding.severity, "info");
  });

  it("isms.yaml rules: off silences a rule", () => {
    const files = edit(withUnknownOwner(), "isms.yaml", "people:", "rules:\n  ref/unresolved: off\npeople:");
    assert.deepEqual(checkFiles(files), []);
  });

  it("the caller's severities (editor settings) win over isms.yaml", () => {
    const files = edit(withUnknownOwner(), "isms.yaml", "people:", "rules:\n  ref/unresolved: off\npeople:");
    const result = checkWorkspace(sources(files), { today: FIXTURE_TODAY, severities: { "ref/unresolved": "warning" } });
    assert.deepEqual(
      result.findings.map((f) => `${f.rule} ${f.severity}`),
      ["ref/unresolved warning"],
    );
  });
});

describe("inline suppression", () => {
  it("silences the named rule on the next line when a reason is given", () => {
    const files = withUnknownOwner("    # isms-disable-next-line ref/unresolved -- owner joins next month, tracked in HR-12\n");
    assert.deepEqual(checkFiles(files), []);
  });

  it("does not silence other rules, nor other lines", () => {
    const files = withUnknownOwner("    # isms-disable-next-line risk/no-owner -- not this one\n");
    assert.deepEqual(
      checkFiles(files).map((f) => f.rule),
      ["ref/unresolved"],
    );
  });

  it("reports a suppression without a reason (isms/suppression-without-reason), and still applies it", () => {
    const files = withUnknownOwner("    # isms-disable-next-line ref/unresolved\n   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ isms/suppression-without-reason gives no reason\n");
    expectFindings(files, { rules: ["isms/suppression-without-reason", "ref/unresolved"] });
  });

  it("reports a suppression that names no rule", () => {
    const files = withUnknownOwner("    # isms-disable-next-line -- why\n   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ isms/suppression-without-reason names no rule\n");
    expectFindings(files, { rules: ["isms/suppression-without-reason"] });
  });

  it("is silent for a suppression with rule and reason", () => {
    expectFindings(withUnknownOwner("    # isms-disable-next-line ref/unresolved -- accepted\n"), { rules: ["isms/suppression-without-reason"] });
  });
});

describe("isms/no-root", () => {
  it("reports ISMS documents outside any folder with isms.yaml", () => {
    const moved: Files = {};
    for (const [file, text] of Object.entries(minimalIsms())) moved[`isms/${file}`] = text;
    moved["elsewhere/risks.yaml"] = "apiVersion: isms/v1\nkind: RiskRegister\n#     ^^^^^^^^^^^^ isms/no-root not under a folder with isms.yaml\nrisks: []\n";
    expectFindings(moved, { rules: ["isms/no-root"] });
  });

  it("is silent when every document is under a root", () => {
    expectFindings(minimalIsms(), { rules: ["isms/no-root"] });
  });

  it("still checks the syntax of documents outside any root", () => {
    const files = { ...minimalIsms(), "../loose.yaml": "apiVersion: isms/v1\nkind: RiskRegister\nrisks: [\n" };
    const loose = checkFiles(files)
      .filter((f) => f.file === "../loose.yaml")
      .map((f) => f.rule);
    assert.ok(loose.includes("yaml/syntax"), loose.join(", "));
  });
});

describe("rule isolation", () => {
  it("a rule that throws becomes an isms/rule-failure finding and the other rules still run", () => {
    const broken: Rule = {
      id: "test/broken",
      severity: "error",
      clause: "4.4",
      description: "throws",
      docs: "**Fix:** none",
      check: () => {
        throw new Error("boom");
      },
    };
    const result = checkWorkspace(sources(withUnknownOwner()), { today: FIXTURE_TODAY, rules: [broken, ...RULES] });
    assert.deepEqual(result.findings.map((f) => f.rule).sort(), ["isms/rule-failure", "ref/unresolved"]);
    assert.match(result.findings.find((f) => f.rule === "isms/rule-failure")!.message, /test\/broken failed.*boom/);
  });
});

describe("several ISMS roots", () => {
  it("checks each root on its own: ids do not leak between roots", () => {
    const files: Files = {};
    for (const [file, text] of Object.entries(minimalIsms())) {
      files[`unit-a/${file}`] = text;
      files[`unit-b/${file}`] = text;
    }
    const result = checkWorkspace(sources(files), { today: FIXTURE_TODAY });
    assert.equal(result.models.length, 2);
    assert.deepEqual(result.findings, []);
  });
});

describe("syntax errors cannot be hidden", () => {
  const broken = () => edit(minimalIsms(), "objectives.yaml", "    title: All staff", '    title: "All staff');
  it("rules: { yaml/syntax: off } does not turn them off", () => {
    const files = edit(broken(), "isms.yaml", "people:", "rules:\n  yaml/syntax: off\npeople:");
    assert.ok(checkFiles(files).some((f) => f.rule === "yaml/syntax" && f.severity === "error"));
  });
  it("a suppression comment does not silence them", () => {
    for (const ids of ["yaml/syntax", "all"]) {
      const files = edit(broken(), "objectives.yaml", '    title: "All staff', `    # isms-disable-next-line ${ids} -- hide it\n    title: "All staff`);
      assert.ok(
        checkFiles(files).some((f) => f.rule === "yaml/syntax"),
        ids,
      );
    }
  });
});

describe("file encodings", () => {
  it("reports characters that were not valid UTF-8 (a Latin-1 file) on their line", () => {
    const files = edit(minimalIsms(), "isms.yaml", "organization: Fixture Ltd", "organization: Soci\ufffdt\ufffd G\ufffdn\ufffdrale");
    const findings = checkFiles(files).filter((f) => f.rule === "yaml/syntax");
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 2);
    assert.match(findings[0].message, /UTF-8/);
  });
});
