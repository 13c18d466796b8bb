import { edit, expectFindings } from "../helpers/annotations";
import { minimalIsms } from "../helpers/minimal-isms";

describe("ref/unresolved", () => {
  it("reports an owner that names no person, with the closest ids", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: opps\n    #      ^^^^ ref/unresolved Did you mean ops?\n    likelihood: 3");
    expectFindings(files);
  });
  it("reports a risk control that is not in Annex A", () => {
    const files = edit(minimalIsms(), "risks.yaml", "controls: [A.5.15]", "controls: [A.5.15, A.9.1]\n    #                  ^^^^^ ref/unresolved not an Annex A control");
    expectFindings(files);
  });
  it("is silent when every reference resolves", () => {
    expectFindings(minimalIsms(), { rules: ["ref/unresolved"] });
  });
});

describe("ref/duplicate-id", () => {
  it("reports both records sharing an id, across files", () => {
    const files = edit(minimalIsms(), "actions.yaml", "  - id: ACT-3", "  - id: ACT-2\n    #   ^^^^^ ref/duplicate-id");
    files["actions.yaml"] = files["actions.yaml"].replace("  - id: ACT-2\n    title: Add", "  - id: ACT-2\n    #   ^^^^^ ref/duplicate-id\n    title: Add");
    expectFindings(files);
  });
  it("is silent when ids are unique", () => {
    expectFindings(minimalIsms(), { rules: ["ref/duplicate-id"] });
  });
});

describe("yaml/numeric-control-id", () => {
  it("reports an unquoted 5.10 and proposes A.5.10", () => {
    const files = edit(minimalIsms(), "risks.yaml", "controls: [A.5.15]", "controls: [A.5.15, 5.10]\n    #                  ^^^^ yaml/numeric-control-id write A.5.10");
    expectFindings(files);
  });
  it('accepts a quoted "5.10"', () => {
    const files = edit(minimalIsms(), "risks.yaml", "controls: [A.5.15]", 'controls: [A.5.15, "5.10"]');
    expectFindings(files, { rules: ["yaml/numeric-control-id", "schema/invalid", "ref/unresolved"] });
  });
});
