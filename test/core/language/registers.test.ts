import * as assert from "node:assert/strict";
import { completion, definition, documentSymbols, hover, references, rename } from "../../../server/src/core/language";
import { edit } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";
import { markdownOf, positionOf, textAt, withCursor, workspace } from "./helpers";

/** The minimal ISMS with a 27017 catalog whose CLD.9.5.1 treats R-001 and is in the SoA. */
function withCatalog(): Files {
  let files: Files = {
    ...minimalIsms(),
    "catalog.yaml":
      "apiVersion: isms/v1\nkind: ControlCatalog\nid: ISO27017\ntitle: ISO/IEC 27017:2015 cloud services\ncontrols:\n  - { id: CLD.9.5.1, title: Segregation in virtual computing environments, maps_to: [A.8.22] }\n",
  };
  files = edit(files, "risks.yaml", "    controls: [A.5.15]", "    controls: [A.5.15, CLD.9.5.1]");
  files = edit(
    files,
    "soa.yaml",
    /\n$/,
    "\n  - control: CLD.9.5.1\n    applicable: true\n    justification: Multi-tenant platform.\n    status: implemented\n    owner: ciso\n    evidence: [policies/is.md]\n",
  );
  return files;
}

describe("language: catalog controls", () => {
  const ws = workspace(withCatalog());
  const risks = ws.parsed("risks.yaml");
  const catalog = ws.parsed("catalog.yaml");

  it("hovers a catalog control like an Annex A control, with its catalog and maps_to", () => {
    const md = markdownOf(hover(ws.model, risks, positionOf(risks, "CLD.9.5.1", 2)));
    assert.match(md, /\*\*CLD\.9\.5\.1 Segregation in virtual computing environments\*\*/);
    assert.match(md, /\*\*Catalog:\*\* ISO\/IEC 27017:2015 cloud services \(`ISO27017`\)/);
    assert.match(md, /\*\*Maps to:\*\* A\.8\.22/);
    assert.match(md, /\*\*SoA:\*\* applicable · implemented/);
    assert.match(md, /\*\*Treats 1 risk:\*\* `R-001`/);
    assert.match(markdownOf(hover(ws.model, catalog, positionOf(catalog, "CLD.9.5.1", 1))), /\*\*Maps to:\*\* A\.8\.22/);
    const a822 = markdownOf(hover(ws.model, catalog, positionOf(catalog, "A.8.22", 1)));
    assert.match(a822, /\*\*Mapped from:\*\* `CLD\.9\.5\.1`/);
  });

  it("completes catalog controls after Annex A in risk controls and SoA entries, not in maps_to", () => {
    const w = withCursor("risks.yaml", "controls: [A.5.15, CLD.9.5.1]", "controls: [A.5.15, ‸]", withCatalog());
    const labels = completion(w.model, w.file, w.cursor).map((c) => c.label);
    assert.ok(labels.includes("CLD.9.5.1") && labels.includes("A.8.22"));
    assert.ok(labels.indexOf("CLD.9.5.1") > labels.indexOf("A.8.34"));
    const m = withCursor("catalog.yaml", "maps_to: [A.8.22]", "maps_to: [A.8.22, ‸]", withCatalog());
    assert.ok(!completion(m.model, m.file, m.cursor).some((c) => c.label === "CLD.9.5.1"));
  });

  it("goes to the catalog definition, finds every reference and renames across files", () => {
    const at = positionOf(risks, "CLD.9.5.1", 1);
    assert.deepEqual(
      definition(ws.model, risks, at).map((l) => [l.uri, l.range.start.line]),
      [["catalog.yaml", 5]],
    );
    const refs = references(ws.model, risks, at)
      .map((l) => l.uri)
      .sort();
    assert.deepEqual(refs, ["catalog.yaml", "risks.yaml", "soa.yaml"]);
    const result = rename(ws.model, catalog, positionOf(catalog, "CLD.9.5.1", 1), "CLD.9.5.2");
    assert.ok("edit" in result);
    const changes = result.edit.changes ?? {};
    assert.deepEqual(Object.keys(changes).sort(), ["catalog.yaml", "risks.yaml", "soa.yaml"]);
    assert.ok(
      Object.values(changes)
        .flat()
        .every((e) => e.newText === "CLD.9.5.2"),
    );
    const annexA = rename(ws.model, catalog, positionOf(catalog, "A.8.22", 1), "X");
    assert.ok("error" in annexA && /cannot be renamed/.test(annexA.error));
  });

  it("outlines the catalog and names catalog controls of the SoA", () => {
    const [doc] = documentSymbols(ws.model, catalog);
    assert.equal(doc.name, "ControlCatalog");
    assert.deepEqual(
      doc.children?.map((c) => c.name),
      ["ISO27017", "CLD.9.5.1"],
    );
    const soa = documentSymbols(ws.model, ws.parsed("soa.yaml"))[0].children ?? [];
    assert.match(soa.find((s) => s.name === "CLD.9.5.1")?.detail ?? "", /^Segregation in virtual computing environments/);
  });
});

describe("language: registers", () => {
  const ws = workspace();

  it("hovers suppliers, incidents, measures and roles with their facts", () => {
    const suppliers = ws.parsed("suppliers.yaml");
    const s = markdownOf(hover(ws.model, suppliers, positionOf(suppliers, "SUP-1", 1)));
    assert.match(s, /\*\*SUP-1\*\* — Cloud Hosting Ltd/);
    assert.match(s, /\*\*Agreement:\*\* contracts\/hosting\.pdf of 2025-01-10/);
    assert.match(s, /\*\*Reviewed:\*\* 2026-04-01 \(every 12 months\)/);
    const monitoring = ws.parsed("monitoring.yaml");
    const m = markdownOf(hover(ws.model, monitoring, positionOf(monitoring, "M-1", 1)));
    assert.match(m, /\*\*Latest result:\*\* 97 % on 2026-09-30 \(\*\*target missed\*\*\)/);
    assert.match(markdownOf(hover(ws.model, monitoring, positionOf(monitoring, "OBJ-1", 1))), /All staff complete security awareness training/);
    const competence = ws.parsed("competence.yaml");
    assert.match(markdownOf(hover(ws.model, competence, positionOf(competence, "role: ROLE-IA", 8))), /\*\*People:\*\* Internal Auditor \(`auditor`\)/);
    const incidents = ws.parsed("incidents.yaml");
    assert.match(markdownOf(hover(ws.model, incidents, positionOf(incidents, "INC-1", 1))), /\*\*Lessons learned:\*\* Reporting worked/);
  });

  it("completes role ids, objectives, enum values and next ids", () => {
    const role = withCursor("competence.yaml", "role: ROLE-IA, evidence", "role: ‸, evidence");
    assert.deepEqual(
      completion(role.model, role.file, role.cursor).map((c) => c.label),
      ["ROLE-IA"],
    );
    const severity = withCursor("incidents.yaml", "severity: low", "severity: ‸");
    assert.deepEqual(
      completion(severity.model, severity.file, severity.cursor).map((c) => c.label),
      ["low", "medium", "high", "critical"],
    );
    const objective = withCursor("monitoring.yaml", "objective: OBJ-1", "objective: ‸");
    assert.deepEqual(
      completion(objective.model, objective.file, objective.cursor).map((c) => c.label),
      ["OBJ-1"],
    );
    const id = withCursor("suppliers.yaml", "  - id: SUP-1", "  - id: SUP-1\n    name: X\n  - id: ‸");
    assert.equal(completion(id.model, id.file, id.cursor)[0]?.label, "SUP-2");
  });

  it("renames a role across its records and finds references to a supplier's asset", () => {
    const competence = ws.parsed("competence.yaml");
    const result = rename(ws.model, competence, positionOf(competence, "ROLE-IA", 1), "ROLE-AUDITOR");
    assert.ok("edit" in result);
    const edits = result.edit.changes?.["competence.yaml"] ?? [];
    assert.equal(edits.length, 2);
    const h = hover(ws.model, competence, positionOf(competence, "person: auditor", 9));
    assert.ok(h && textAt(competence, h.range as never) === "auditor");
  });

  it("outlines each register by id and title", () => {
    assert.deepEqual(
      documentSymbols(ws.model, ws.parsed("competence.yaml"))[0].children?.map((c) => c.name),
      ["ROLE-IA", "AW-1"],
    );
    assert.deepEqual(
      documentSymbols(ws.model, ws.parsed("incidents.yaml"))[0].children?.map((c) => `${c.name} ${c.detail}`),
      ["INC-1 Phishing e-mail reported by staff"],
    );
  });
});
