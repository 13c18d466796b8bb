import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../server/src/core";
import { FIXTURE_TODAY } from "../helpers/minimal-isms";

describe("large and odd input", () => {
  it("checks a register of 50,000 risks (150,000 findings) without overflowing the call stack", () => {
    const risks = Array.from({ length: 50_000 }, (_, i) => `  - {id: R-${i}}`).join("\n");
    const result = checkWorkspace(
      [
        { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: Big\n" },
        { file: "risks.yaml", text: `apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n${risks}\n` },
      ],
      { today: FIXTURE_TODAY },
    );
    const unrated = result.findings.filter((f) => f.rule === "risk/unrated");
    assert.equal(unrated.length, 50_000);
    assert.equal(result.models[0].risks.length, 50_000);
  });

  it("a mapping used as a key is reported by the schema check, with no warning from the YAML library", async () => {
    const warnings: Error[] = [];
    const listener = (w: Error) => warnings.push(w);
    process.on("warning", listener);
    try {
      const text = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    ? [a, b]\n    : c\n";
      const findings = checkWorkspace(
        [
          { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\n" },
          { file: "risks.yaml", text },
        ],
        { today: FIXTURE_TODAY },
      ).findings.filter((f) => f.file === "risks.yaml" && f.rule === "schema/invalid");
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /unknown field "\[ a, b \]"/);
      // Process warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.map((w) => w.message), []);
    } finally {
      process.off("warning", listener);
    }
  });

  it("a header that lost its colons keeps the file an ISMS file, with its syntax error shown", () => {
    const findings = checkWorkspace(
      [
        { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\n" },
        { file: "actions.yaml", text: "apiVersion isms/v1\nkind ActionPlan\nactions:\n  - id: ACT-1\n" },
      ],
      { today: FIXTURE_TODAY },
    ).findings.filter((f) => f.file === "actions.yaml");
    assert.deepEqual(findings.map((f) => [f.rule, f.range.start.line]), [["yaml/syntax", 0]]);
  });
});
