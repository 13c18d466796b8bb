/**
 * The failure modes other YAML language servers are known for, one test each: every YAML error at
 * the token that caused it (never on a comment or blank line), in our own words, and valid YAML
 * features (aliases, merge keys, several documents, CRLF, `...`) read as YAML defines them.
 */
import * as assert from "node:assert/strict";
import { checkWorkspace, type Finding } from "../../../server/src/core";
import { completion } from "../../../server/src/core/language";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

function check(files: Files): Finding[] {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  ).findings;
}

/** [rule, line, character, end line, end character] of each finding in `file` (1-based lines). */
function at(findings: Finding[], file: string): [string, number, number, number, number][] {
  return findings.filter((f) => f.file === file).map((f) => [f.rule, f.range.start.line + 1, f.range.start.character, f.range.end.line + 1, f.range.end.character]);
}

const ACTIONS = minimalIsms()["actions.yaml"];
/** No message may carry the YAML library's or JavaScript's own error text. */
const ENGINE_TEXT = /Error\b|at line \d+|column \d+|Maximum call stack|Unresolved alias \(|Implicit keys/;

describe("YAML failure modes", () => {
  it("a duplicate key is reported at the second key, once", () => {
    const files = { ...minimalIsms(), "actions.yaml": ACTIONS.replace("    owner: ops\n    due: 2027-03-31", "    owner: ops\n    owner: ciso\n    due: 2027-03-31") };
    assert.deepEqual(at(check(files), "actions.yaml"), [["yaml/syntax", 8, 4, 8, 9]]);
  });

  it("an over-indented key after a comment is reported at the key, not on the comment", () => {
    const files = { ...minimalIsms(), "actions.yaml": ACTIONS.replace("    type: treatment\n", "    # the type\n\n      type: treatment\n") };
    const findings = check(files);
    assert.deepEqual(
      at(findings, "actions.yaml").map((f) => f.slice(0, 3)),
      [["yaml/syntax", 8, 6]],
    );
    assert.ok(!ENGINE_TEXT.test(findings[0].message), findings[0].message);
  });

  it("an alias without an anchor is a syntax error at the alias, in plain words", () => {
    const files = { ...minimalIsms(), "actions.yaml": ACTIONS.replace("    owner: ciso\n", "    owner: *lead\n") };
    const findings = check(files).filter((f) => f.file === "actions.yaml");
    assert.deepEqual(at(findings, "actions.yaml"), [["yaml/syntax", 21, 11, 21, 16]]);
    assert.match(findings[0].message, /^The alias \*lead refers to no anchor/);
    assert.ok(!ENGINE_TEXT.test(findings[0].message), findings[0].message);
  });

  it("anchors, aliases and merge keys are read as YAML defines them", () => {
    const withMerge = ACTIONS.replace("actions:\n", "x-defaults: &defaults { owner: ops, type: treatment }\nactions:\n").replace(
      "    title: Enforce SSO for the admin console\n    type: treatment\n    owner: ops\n",
      "    <<: *defaults\n    title: Enforce SSO for the admin console\n",
    );
    assert.deepEqual(check({ ...minimalIsms(), "actions.yaml": withMerge }), []);
    const withAlias = ACTIONS.replace("    owner: ops\n    due: 2027-03-31", "    owner: &owner ops\n    due: 2027-03-31").replace("    owner: ciso\n", "    owner: *owner\n");
    assert.deepEqual(check({ ...minimalIsms(), "actions.yaml": withAlias }), []);
  });

  it("an error in the second document of a file is reported on its own line", () => {
    const files = { ...minimalIsms(), "actions.yaml": "apiVersion: isms/v1\nkind: ActionPlan\nactions: []\n---\n" + ACTIONS.replace("    status: open\n", "    status: [open\n") };
    assert.deepEqual(
      at(check(files), "actions.yaml").map((f) => f.slice(0, 3)),
      [["yaml/syntax", 13, 12]],
    );
  });

  it("CRLF line endings and a `...` document end give the same findings at the same places as LF", () => {
    const gap = ACTIONS.replace("    owner: ciso\n", "    owner: nobody\n");
    const lf = check({ ...minimalIsms(), "actions.yaml": gap + "...\n" });
    const crlf = check({ ...minimalIsms(), "actions.yaml": (gap + "...\n").replace(/\n/g, "\r\n") });
    assert.deepEqual(at(lf, "actions.yaml"), [["ref/unresolved", 21, 11, 21, 17]]);
    assert.deepEqual(at(crlf, "actions.yaml"), at(lf, "actions.yaml"));
  });

  it("conflict markers in isms.yaml: the markers are reported and the ISMS is still checked", () => {
    const isms = minimalIsms()["isms.yaml"].replace("organization: Fixture Ltd\n", "<<<<<<< HEAD\norganization: Fixture Ltd\n=======\norganization: Fixture Limited\n>>>>>>> rename\n");
    const result = checkWorkspace(
      Object.entries({ ...minimalIsms(), "isms.yaml": isms, "actions.yaml": ACTIONS.replace("    owner: ciso\n", "    owner: nobody\n") }).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.equal(result.models.length, 1, "the folder is still an ISMS root");
    assert.deepEqual(
      result.findings.map((f) => [f.file, f.rule, f.range.start.line + 1]),
      [
        ["actions.yaml", "ref/unresolved", 21],
        ["isms.yaml", "yaml/syntax", 3],
        ["isms.yaml", "yaml/syntax", 5],
        ["isms.yaml", "yaml/syntax", 7],
      ],
    );
  });

  it("completion after `key:` and a first `- item` offers the field's values on the next item", () => {
    const text = minimalIsms()["risks.yaml"].replace(/ {4}controls: \[[^\]]*\]\n/, "    controls:\n    - A.5.15\n    - \n");
    const result = checkWorkspace(
      Object.entries({ ...minimalIsms(), "risks.yaml": text }).map(([file, t]) => ({ file, text: t })),
      { today: FIXTURE_TODAY },
    );
    const parsed = result.files.find((f) => f.file === "risks.yaml")!;
    const line = parsed.text.split("\n").findIndex((l, i, all) => l === "    - " && all[i - 1] === "    - A.5.15");
    assert.ok(line > 0);
    const labels = completion(result.models[0], parsed, { line, character: 6 }, { today: FIXTURE_TODAY }).map((c) => c.label);
    assert.ok(labels.includes("A.5.1"), labels.slice(0, 10).join(", "));
  });
});
