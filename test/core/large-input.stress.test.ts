import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../server/src/core";
import { FIXTURE_TODAY } from "../helpers/minimal-isms";

describe("large input (stress)", () => {
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
});
