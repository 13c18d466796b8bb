import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../../server/src/core";
import { edit, expectFindings } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";
import { marked } from "./register-helpers";

const catalog = (id: string, controls: string) => `apiVersion: isms/v1\nkind: ControlCatalog\nid: ${id}\ntitle: ${id} controls\ncontrols:\n${controls}\n`;

/** The minimal ISMS with a 27017 catalog whose CLD.9.5.1 treats R-001 and is in the SoA. */
function withCatalog(): Files {
  let files: Files = { ...minimalIsms(), "catalog.yaml": catalog("ISO27017", "  - { id: CLD.9.5.1, title: Segregation in virtual computing environments, maps_to: [A.8.22] }") };
  files = edit(files, "risks.yaml", "    controls: [A.5.15]", "    controls: [A.5.15, CLD.9.5.1]");
  files = edit(
    files,
    "soa.yaml",
    /\n$/,
    "\n  - control: CLD.9.5.1\n    applicable: true\n    justification: Multi-tenant platform.\n    status: implemented\n    owner: ciso\n    evidence: [policies/is.md]\n",
  );
  return files;
}

describe("ControlCatalog controls in the SoA and on risks", () => {
  it("are known controls: a clean ISMS stays clean (traced through the risk, not required to be listed)", () => {
    const result = checkWorkspace(
      Object.entries(withCatalog()).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.deepEqual(
      result.findings.map((f) => `${f.rule} ${f.message}`),
      [],
    );
  });
  it("an unknown catalog-style id is soa/unknown-control in the SoA and ref/unresolved on a risk", () => {
    let files = edit(
      withCatalog(),
      "soa.yaml",
      "  - control: CLD.9.5.1",
      marked("  - control: CLD.9.5.2", "CLD.9.5.2", "soa/unknown-control", "nor a control of a ControlCatalog of this ISMS. Did you mean CLD.9.5.1?"),
    );
    files = edit(files, "risks.yaml", "    controls: [A.5.15, CLD.9.5.1]", marked("    controls: [A.5.15, CLD.9.5.9]", "CLD.9.5.9", "ref/unresolved", "nor a control of a ControlCatalog"));
    expectFindings(files, { rules: ["soa/unknown-control", "ref/unresolved"] });
  });
  it("maps_to takes Annex A controls only", () => {
    const files = edit(withCatalog(), "catalog.yaml", "maps_to: [A.8.22]", "maps_to: [A.8.22, CLD.9.5.1]");
    const result = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.deepEqual(
      result.findings.map((f) => f.rule),
      ["ref/unresolved"],
    );
  });
});

describe("catalog/annex-a-id", () => {
  it("reports a catalog control that redefines an Annex A id, or whose id reads as one", () => {
    const files = {
      ...minimalIsms(),
      "catalog.yaml": catalog(
        "OWN",
        `${marked("  - { id: A.5.23, title: Cloud services }", "A.5.23", "catalog/annex-a-id", "redefines Annex A control A.5.23 Information security for use of cloud services")}\n${marked('  - { id: "5.40", title: Something }', '"5.40"', "catalog/annex-a-id", "reads as an Annex A control id")}`,
      ),
    };
    expectFindings(files, { rules: ["catalog/annex-a-id"] });
  });
  it("never lets a catalog control shadow Annex A: A.5.23 in the SoA stays the Annex A control", () => {
    const files = { ...minimalIsms(), "catalog.yaml": catalog("OWN", "  - { id: A.5.23, title: Cloud services }") };
    const result = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.deepEqual(
      result.findings.map((f) => f.rule),
      ["catalog/annex-a-id"],
    );
  });
});

describe("a control id in two catalogs", () => {
  it("is ref/duplicate-id at both, naming the catalog control", () => {
    const files = {
      ...withCatalog(),
      "nis2.yaml": catalog("NIS2", marked("  - { id: CLD.9.5.1, title: Copy }", "CLD.9.5.1", "ref/duplicate-id", 'The catalog control id "CLD.9.5.1" is used 2 times')),
    };
    const withMark = edit(
      files,
      "catalog.yaml",
      "  - { id: CLD.9.5.1, title: Segregation in virtual computing environments, maps_to: [A.8.22] }",
      marked("  - { id: CLD.9.5.1, title: Segregation in virtual computing environments, maps_to: [A.8.22] }", "CLD.9.5.1", "ref/duplicate-id"),
    );
    expectFindings(withMark, { rules: ["ref/duplicate-id"] });
  });
});
