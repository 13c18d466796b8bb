import * as assert from "node:assert/strict";
import { checkFiles } from "../helpers/annotations";
import { minimalIsms } from "../helpers/minimal-isms";

describe("the minimal fixture ISMS", () => {
  it("is clean under every rule", () => {
    const findings = checkFiles(minimalIsms());
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule} ${f.message}`),
      [],
    );
  });
});
