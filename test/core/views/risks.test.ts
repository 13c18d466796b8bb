import * as assert from "node:assert/strict";
import { edit } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";
import { firstLineAt, viewsOf } from "./helpers";

/** The minimal ISMS plus a critical risk, a second high one, and an unrated one. */
function withMoreRisks(): Files {
  const files = minimalIsms();
  return {
    ...files,
    "risks.yaml":
      files["risks.yaml"] +
      `  - id: R-010
    title: Ransomware
    owner: ciso
    likelihood: 5
    impact: 5
    treatment: transfer
    reviewed: 2026-06-01
  - id: R-003
    title: Lost laptop
    owner: ops
    likelihood: 4
    impact: 3
    treatment: mitigate
    controls: [A.8.1]
    reviewed: 2026-06-01
  - id: R-004
    title: Not rated yet
    owner: nobody-yet
    likelihood: 2
`,
  };
}

describe("views: risks", () => {
  it("groups risks by the methodology's bands, highest first, with Unrated last", () => {
    const groups = viewsOf(withMoreRisks()).risks;
    assert.deepEqual(
      groups.map((g) => [g.level, g.tone, g.risks.map((r) => r.id)]),
      [
        ["Critical", "red", ["R-010"]],
        ["High", "orange", ["R-001", "R-003"]],
        ["Medium", "yellow", []],
        ["Low", "green", ["R-002"]],
        ["Unrated", undefined, ["R-004"]],
      ],
    );
  });

  it("has no Unrated group when every risk has a level", () => {
    assert.deepEqual(
      viewsOf(minimalIsms()).risks.map((g) => g.level),
      ["Critical", "High", "Medium", "Low"],
    );
  });

  it("sorts the risks of a level by score, highest first, then by id", () => {
    const files = edit(withMoreRisks(), "risks.yaml", /(id: R-003\n(?:.*\n){2}) {4}likelihood: 4/, "$1    likelihood: 5");
    const high = viewsOf(files).risks.find((g) => g.level === "High")!;
    assert.deepEqual(
      high.risks.map((r) => [r.id, r.inherent.score]),
      [
        ["R-003", 15],
        ["R-001", 12],
      ],
    );
  });

  it("gives each risk its title, owner name, treatment, inherent and residual rating, and place", () => {
    const files = minimalIsms();
    const risk = viewsOf(files).risks.find((g) => g.level === "High")!.risks[0];
    const { location, ...rest } = risk;
    assert.deepEqual(rest, {
      id: "R-001",
      title: "Unauthorised access to customer data",
      owner: { id: "ops", name: "Operations Lead" },
      treatment: "mitigate",
      inherent: { likelihood: 3, impact: 4, score: 12, level: "High", tone: "orange" },
      residual: { likelihood: 2, impact: 3, score: 6, level: "Medium", tone: "yellow" },
      aboveAcceptance: true,
      controls: ["A.5.15"],
      actions: ["ACT-1"],
    });
    assert.equal(location.file, "risks.yaml");
    assert.equal(firstLineAt(files, location), "id: R-001");
    assert.ok(location.range.end.line > location.range.start.line, "the range covers the whole risk");
  });

  it("keeps an owner that names no person as its id, and a risk without residual without one", () => {
    const risk = viewsOf(withMoreRisks()).risks.find((g) => g.level === "Unrated")!.risks[0];
    assert.deepEqual(
      [risk.owner, risk.residual, risk.inherent],
      [{ id: "nobody-yet", name: undefined }, undefined, { likelihood: 2, impact: undefined, score: undefined, level: undefined, tone: undefined }],
    );
  });

  it("colours three bands red, yellow and green", () => {
    let files = edit(minimalIsms(), "risk/methodology.yaml", "  - { name: Critical, max: 25 }\n", "");
    files = edit(files, "risk/methodology.yaml", "{ name: High, max: 16 }", "{ name: High, max: 25 }");
    assert.deepEqual(
      viewsOf(files).risks.map((g) => [g.level, g.tone]),
      [
        ["High", "red"],
        ["Medium", "yellow"],
        ["Low", "green"],
      ],
    );
  });
});
