import * as assert from "node:assert/strict";
import { checkFiles, edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

/** Findings as "rule file:line" for comparing what one defect brings. */
const found = (files: Record<string, string>) => checkFiles(files).map((f) => `${f.rule} ${f.file}:${f.range.start.line}`);

describe("one defect, one finding: a field that failed the schema is invalid, not missing", () => {
  it("a malformed due date gives its schema finding, not also 'has no due date'", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", "    due: 31/10/2026");
    const findings = found(files);
    assert.equal(findings.length, 1, findings.join("\n"));
    assert.match(findings[0], /^schema\/invalid actions\.yaml:/);
  });
  it("an impossible date gives its one finding", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", "    due: 2027-02-30");
    assert.deepEqual(
      found(files).map((f) => f.split(" ")[0]),
      ["schema/invalid"],
    );
  });
  it("a wrong-typed approval gives its schema finding, not also 'records no approval'", () => {
    const files = edit(minimalIsms(), "policies.yaml", "    approved: { by: ceo, date: 2026-02-01 }", "    approved: yes");
    assert.deepEqual(
      found(files).map((f) => f.split(" ")[0]),
      ["schema/invalid"],
    );
  });
  it("a field that is really absent is still reported as missing", () => {
    const files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31\n", "");
    assert.deepEqual(
      found(files).map((f) => f.split(" ")[0]),
      ["action/no-due-date"],
    );
  });
  it("an invalid field of one record does not silence the same missing field of another", () => {
    let files = edit(minimalIsms(), "actions.yaml", "    due: 2027-03-31", "    due: 31/10/2026");
    files = edit(files, "actions.yaml", "  - id: ACT-3\n", "  - id: ACT-4\n    title: Another\n    type: improvement\n    owner: ops\n    status: open\n  - id: ACT-3\n");
    assert.deepEqual(
      found(files)
        .map((f) => f.split(" ")[0])
        .sort(),
      ["action/no-due-date", "schema/invalid"],
    );
  });
});
