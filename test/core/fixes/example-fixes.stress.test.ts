/**
 * Every quick-fix offered on the bundled examples, applied one at a time, each followed by a full
 * re-check of both examples (hundreds of checks: the stress tier).
 */
import * as assert from "node:assert/strict";
import type { CheckResult, Finding } from "../../../server/src/core";
import { hasFixes } from "../../../server/src/core/fixes";
import { applyFix } from "./apply-edits";
import { check, EXAMPLES, fixesOf, readYaml } from "./fix-checks";

describe("quick-fixes on the example ISMS (stress)", () => {
  it("resolve their finding without breaking the YAML, for every fix offered", function () {
    const files = readYaml(EXAMPLES, EXAMPLES);
    const before = check(files);
    const fixable = before.findings.filter((f) => hasFixes(f.rule));
    let applied = 0;
    for (const finding of fixable) {
      for (const fix of fixesOf(before, finding)) {
        const output = applyFix(files, fix);
        const after = check(output);
        for (const rule of ["yaml/syntax", "schema/invalid"]) {
          const count = (r: CheckResult) => r.findings.filter((f) => f.rule === rule).length;
          assert.ok(count(after) <= count(before), `"${fix.title}" introduces ${rule} findings`);
        }
        const same = (f: Finding) => f.rule === finding.rule && f.file === finding.file && f.message === finding.message;
        assert.ok(after.findings.filter(same).length < before.findings.filter(same).length, `"${fix.title}" leaves the finding: ${finding.message}`);
        applied++;
      }
    }
    assert.ok(applied >= 50, `only ${applied} fixes were applied (105 when this was written)`);
  });
});
