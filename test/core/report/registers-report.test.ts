import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { checkWorkspace, readinessReport, renderCsv, renderMarkdown, soaReport, type ReadinessItem, type ReadinessReport } from "../../../server/src/core";
import { ismsViews } from "../../../server/src/core/views";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

function checked(files: Files) {
  const result = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
  return { model: result.models[0], findings: result.findings };
}

function item(report: ReadinessReport, id: string): ReadinessItem {
  const found = report.clauses.flatMap((g) => g.items).find((i) => i.id === id);
  assert.ok(found, id);
  return found;
}

/** Two catalogs: NIS2 listed first in its file, 27017 in another; the SoA lists a control of each. */
function withCatalogs(): Files {
  let files: Files = {
    ...minimalIsms(),
    "catalogs/27017.yaml":
      "apiVersion: isms/v1\nkind: ControlCatalog\nid: ISO27017\ntitle: ISO/IEC 27017:2015\ncontrols:\n  - { id: CLD.9.5.1, title: Segregation in virtual computing environments, maps_to: [A.8.22] }\n  - { id: CLD.6.3.1, title: Shared roles, maps_to: [A.5.23, A.5.2] }\n",
    "catalogs/nis2.yaml": "apiVersion: isms/v1\nkind: ControlCatalog\nid: NIS2\ncontrols:\n  - { id: NIS2-21.2.b, title: Incident handling, maps_to: [A.5.26] }\n",
  };
  const entry = (id: string) =>
    `  - control: ${id}\n    applicable: true\n    justification: Needed.\n    status: implemented\n    sources: [REQ-ISO]\n    owner: ciso\n    evidence: [policies/is.md]\n`;
  files = edit(files, "soa.yaml", /\n$/, `\n${entry("NIS2-21.2.b")}${entry("CLD.9.5.1")}${entry("CLD.6.3.1")}`);
  return files;
}

describe("SoA report with catalog controls", () => {
  const { model, findings } = checked(withCatalogs());

  it("is clean, and counts only Annex A as required", () => {
    assert.deepEqual(
      findings.map((f) => f.rule),
      [],
    );
    const report = soaReport(model, FIXTURE_TODAY);
    assert.equal(report.summary.controls, 93);
    assert.equal(report.summary.missing, 0);
    assert.deepEqual(report.other, []);
  });

  it("lists catalog controls after Annex A, grouped by catalog in catalog order, with maps_to", () => {
    const report = soaReport(model, FIXTURE_TODAY);
    assert.deepEqual(
      report.catalogs.map((c) => [c.id, c.title, c.rows.map((r) => `${r.control} → ${r.mapsTo?.join(" ")}`)]),
      [
        ["ISO27017", "ISO/IEC 27017:2015", ["CLD.9.5.1 → A.8.22", "CLD.6.3.1 → A.5.23 A.5.2"]],
        ["NIS2", "NIS2", ["NIS2-21.2.b → A.5.26"]],
      ],
    );
    const md = renderMarkdown(report);
    assert.ok(md.indexOf("ISO/IEC 27017:2015") > md.indexOf("A.8.34"), "after Annex A");
    assert.match(md, /Shared roles \(maps to A\.5\.23, A\.5\.2\)/);
    const rows = parse(renderCsv(report), { columns: true, bom: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.slice(93).map((r) => [r.Theme, r.Control, r.Title]),
      [
        ["ISO/IEC 27017:2015", "CLD.9.5.1", "Segregation in virtual computing environments (maps to A.8.22)"],
        ["ISO/IEC 27017:2015", "CLD.6.3.1", "Shared roles (maps to A.5.23, A.5.2)"],
        ["NIS2", "NIS2-21.2.b", "Incident handling (maps to A.5.26)"],
      ],
    );
  });

  it("groups them in the SoA view too", () => {
    const views = ismsViews(model, findings, FIXTURE_TODAY);
    assert.deepEqual(
      views.soa.catalogs.map((c) => [c.id, c.controls.map((x) => x.control)]),
      [
        ["ISO27017", ["CLD.9.5.1", "CLD.6.3.1"]],
        ["NIS2", ["NIS2-21.2.b"]],
      ],
    );
    assert.equal(views.soa.themes.flatMap((t) => t.controls).length, 93);
  });
});

describe("readiness from the registers", () => {
  it("shows competence, awareness and monitoring as ready evidence instead of Not tracked", () => {
    const { model, findings } = checked(minimalIsms());
    const report = readinessReport(model, findings, FIXTURE_TODAY);
    assert.deepEqual(
      ["7.2", "7.3", "9.1"].map((id) => [id, item(report, id).status]),
      [
        ["7.2", "ready"],
        ["7.3", "ready"],
        ["9.1", "ready"],
      ],
    );
    assert.match(item(report, "7.2").evidence.join(" "), /1 role with required competence; 1 of 1 person-role assignment backed by a valid competence record/);
    assert.match(item(report, "7.3").evidence.join(" "), /the last on 2026-03-31/);
    assert.match(item(report, "9.1").evidence.join(" "), /1 measure, 1 with recorded results; 1 of 1 objective tracked by a measure/);
    const organizational = report.annexA.find((i) => i.id === "A.5");
    assert.match(organizational?.evidence.join(" ") ?? "", /Suppliers \(A\.5\.19-A\.5\.22\): 1 supplier, 1 with an agreement, 1 reviewed\./);
    assert.match(organizational?.evidence.join(" ") ?? "", /Incidents \(A\.5\.24-A\.5\.28\): 1 incident, 1 closed, 1 with lessons learned\./);
  });

  it("is missing without the registers, and never more optimistic than the findings", () => {
    const files = minimalIsms();
    delete files["competence.yaml"];
    delete files["monitoring.yaml"];
    const { model, findings } = checked(files);
    const report = readinessReport(model, findings, FIXTURE_TODAY);
    assert.deepEqual(
      ["7.2", "7.3", "9.1"].map((id) => item(report, id).status),
      ["missing", "missing", "missing"],
    );
    assert.ok(item(report, "9.1").findings.some((f) => f.rule === "measurement/none"));
    const expired = checked(edit(minimalIsms(), "competence.yaml", "expires: 2028-01-10", "expires: 2026-01-10"));
    const gaps = readinessReport(expired.model, expired.findings, FIXTURE_TODAY);
    assert.equal(item(gaps, "7.2").status, "gaps");
    assert.ok(item(gaps, "7.2").findings.some((f) => f.rule === "competence/missing-record"));
  });

  it("files findings citing several clauses under the first (10.2, A.5.26)", () => {
    const { model, findings } = checked(edit(minimalIsms(), "incidents.yaml", "severity: low", "severity: high"));
    const report = readinessReport(model, findings, FIXTURE_TODAY);
    assert.ok(item(report, "10.2").findings.some((f) => f.rule === "incident/high-without-nonconformity"));
  });
});

describe("Registers view", () => {
  it("lists each register's records with their state and flags the records holding a finding", () => {
    const { model, findings } = checked(edit(minimalIsms(), "suppliers.yaml", "reviewed: 2026-04-01", "reviewed: 2025-04-01"));
    const views = ismsViews(model, findings, FIXTURE_TODAY);
    assert.deepEqual(
      views.registers.groups.map((g) => [g.key, g.present, g.items.map((i) => `${i.id}: ${i.state}${i.attention ? " !" : ""}`)]),
      [
        ["competence", true, ["ROLE-IA: 1 person, 1 record"]],
        ["awareness", true, ["AW-1: completed 2026-03-31"]],
        ["measures", true, ["M-1: last result 2026-09-30"]],
        ["suppliers", true, ["SUP-1: high, reviewed 2025-04-01 !"]],
        ["incidents", true, ["INC-1: low, closed 2026-03-03"]],
      ],
    );
    // Plain JSON: no absent value inside an array (it would arrive as null).
    const json = JSON.parse(JSON.stringify(views.registers)) as typeof views.registers;
    assert.ok(json.groups.every((g) => g.items.every((i) => i.details.every(([label, value]) => typeof label === "string" && typeof value === "string"))));
    assert.deepEqual(
      views.registers.groups[3].items[0].details.map(([label]) => label),
      ["Services", "Owner", "Agreement"],
    );
  });
});
