import * as assert from "node:assert/strict";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

const CLIMATE = "  climate_change:\n    relevant: false\n    rationale: Cloud-hosted service with no climate-exposed facilities.\n";

describe("context/climate-change", () => {
  it("reports a context without a climate change determination at the context key", () => {
    const files = edit(minimalIsms(), "isms.yaml", CLIMATE, "");
    // The context key is at column 0, where carets cannot point: assert on the finding itself.
    const findings = checkFiles(files).filter((f) => f.rule === "context/climate-change");
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.data]),
      [[9, 0, 7, { missing: ["relevant", "rationale"] }]],
    );
    assert.match(findings[0].message, /does not record whether climate change is a relevant issue/);
  });
  it("reports a determination without a rationale at the climate_change key", () => {
    const files = edit(minimalIsms(), "isms.yaml", CLIMATE, "  climate_change: { relevant: true }\n #^^^^^^^^^^^^^^ context/climate-change context.climate_change has no rationale\n");
    expectFindings(files);
  });
  it("reports a rationale without the relevant decision", () => {
    const files = edit(minimalIsms(), "isms.yaml", "    relevant: false\n", "");
    expectFindings(edit(files, "isms.yaml", "  climate_change:\n", "  climate_change:\n #^^^^^^^^^^^^^^ context/climate-change has no relevant\n"));
  });
  it("reports at the isms.yaml kind when there is no context", () => {
    let files = edit(minimalIsms(), "isms.yaml", /context:\n( {2}.*\n)+/, "");
    files = edit(files, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ context/climate-change");
    expectFindings(files);
  });
  it("accepts relevant: false with a rationale", () => {
    expectFindings(minimalIsms(), { rules: ["context/climate-change"] });
  });
});
