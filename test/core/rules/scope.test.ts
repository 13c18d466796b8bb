import * as assert from "node:assert/strict";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

/** Findings of scope/incomplete as `line:start-end message` (the scope key is at column 0, where carets cannot point). */
function scopeFindings(files: Files): string[] {
  return checkFiles(files)
    .filter((f) => f.rule === "scope/incomplete")
    .map((f) => `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`);
}

/** The severities of the scope/incomplete findings. */
function scopeSeverities(files: Files): string[] {
  return checkFiles(files)
    .filter((f) => f.rule === "scope/incomplete")
    .map((f) => f.severity);
}

describe("scope/incomplete", () => {
  it("names the missing interfaces at the scope key", () => {
    const files = edit(minimalIsms(), "isms.yaml", "  interfaces: [Payment provider]\n", "");
    assert.deepEqual(scopeFindings(files), [
      "isms.yaml:4:0-5 The ISMS scope records no interfaces: add interfaces (dependencies on activities performed by others) under scope, as 4.3 c asks you to consider them.",
    ]);
  });
  it("calibration: missing interfaces and an unjustified exclusion are warnings, a missing statement or boundaries an error", () => {
    assert.deepEqual(scopeSeverities(minimalIsms()), []);
    assert.deepEqual(scopeSeverities(edit(minimalIsms(), "isms.yaml", "  interfaces: [Payment provider]\n", "")), ["warning"]);
    assert.deepEqual(scopeSeverities(edit(minimalIsms(), "isms.yaml", "  exclusions: []", "  exclusions: [Retail shops]")), ["warning"]);
    assert.deepEqual(scopeSeverities(edit(minimalIsms(), "isms.yaml", "  boundaries: [London office, AWS eu-west-2 production account]\n", "")), ["error"]);
    const both = edit(edit(minimalIsms(), "isms.yaml", "  interfaces: [Payment provider]\n", ""), "isms.yaml", "  statement: The provision of the Fixture web service from the London office.\n", "");
    assert.deepEqual(scopeSeverities(both).sort(), ["error", "warning"]);
  });
  it("lists every missing part in one finding", () => {
    let files = edit(minimalIsms(), "isms.yaml", "  statement: The provision of the Fixture web service from the London office.\n", "");
    files = edit(files, "isms.yaml", "  boundaries: [London office, AWS eu-west-2 production account]\n", "  boundaries: []\n");
    assert.deepEqual(scopeFindings(files), ["isms.yaml:4:0-5 The ISMS scope has no statement and no boundaries (the units, sites, networks and systems included): add them under scope (4.3)."]);
  });
  it("reports a missing scope at the isms.yaml kind", () => {
    let files = edit(minimalIsms(), "isms.yaml", /scope:\n( {2}.*\n)+/, "");
    files = edit(files, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ scope/incomplete isms.yaml has no scope");
    expectFindings(files);
  });
  it("reports an exclusion without justification at its item", () => {
    const files = edit(
      minimalIsms(),
      "isms.yaml",
      "  exclusions: []",
      '  exclusions:\n    - item: Retail shops\n    #       ^^^^^^^^^^^^ scope/incomplete The scope exclusion "Retail shops" has no justification\n    - item: Legacy ERP\n      justification: Decommissioned in 2026; holds no customer data.',
    );
    expectFindings(files);
  });
  it("is silent for a complete scope", () => {
    expectFindings(minimalIsms(), { rules: ["scope/incomplete"] });
  });
});
