import assert from "node:assert/strict";
import { layoutDocument, renderDocumentHtml, renderHtml, reportTargets, soaReport, soaRowFacts } from "../../../server/src/core";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms } from "../../helpers/minimal-isms";
import { checkFixture } from "./report-fixtures";

describe("SoA for a webview (interactive HTML body)", () => {
  let files = edit(minimalIsms(), "soa.yaml", /(- control: A\.8\.4\n(?: {4}.*\n)*? {4}sources: )\[REQ-ISO\]/, "$1[]");
  files = edit(files, "soa.yaml", /(- control: A\.7\.2\n {4}applicable: )true/, "$1false");
  files = edit(files, "soa.yaml", /(- control: A\.8\.1\n(?: {4}.*\n)*? {4}status: )implemented/, "$1planned");
  files = edit(files, "soa.yaml", / {2}- control: A\.6\.1\n(?: {4}.*\n)*? {4}evidence: \[policies\/is\.md\]\n/, "");
  const { model } = checkFixture(files);
  const report = soaReport(model, FIXTURE_TODAY);
  const doc = layoutDocument(report);
  const body = renderDocumentHtml(doc, { interactive: true });
  const targets = reportTargets(doc, model);

  it("one row per control, each with its filter facts", () => {
    const rows = [...body.matchAll(/<tr( [^>]*)?>/g)].filter((m) => m[1]?.includes("data-theme="));
    assert.equal(rows.length, 93);
    assert.match(body, /<tr tabindex="0" data-open="soa:\d+" data-theme="technological" data-applicable="yes" data-status="implemented" data-traced="no"><th scope="row">A\.8\.4<\/th>/);
    assert.match(body, /<tr tabindex="0" data-open="soa:\d+" data-theme="physical" data-applicable="no" data-status="implemented" data-traced="yes"><th scope="row">A\.7\.2<\/th>/);
    assert.match(body, /data-status="planned" data-traced="yes"><th scope="row">A\.8\.1<\/th>/);
    assert.match(body, /<tr data-theme="people" data-applicable="missing" data-status="none" data-traced="yes"><th scope="row">A\.6\.1<\/th>/, "a missing control has nothing to open");
  });

  it("each row opens its entry, each source opens the record it names", () => {
    const a815 = /<tr tabindex="0" data-open="(soa:\d+)"[^>]*><th scope="row">A\.5\.15<\/th>/.exec(body);
    assert.ok(a815);
    const entry = model.soaEntries.find((e) => e.control?.id === "A.5.15");
    assert.deepEqual(targets[a815[1]], { file: "soa.yaml", line: entry?.range.start.line, character: 0 });
    assert.ok(body.includes(`<a href="#" data-open="ref:R-001">R-001 (Unauthorised access to customer data)</a>`));
    const risk = model.risks.find((r) => r.id?.value === "R-001");
    assert.deepEqual(targets["ref:R-001"], { file: "risks.yaml", line: risk?.id?.range.start.line, character: risk?.id?.range.start.character });
    assert.deepEqual(targets["ref:REQ-ISO"]?.file, "isms.yaml");
    for (const [, key] of body.matchAll(/data-open="([^"]+)"/g)) assert.ok(targets[key], `${key} resolves`);
  });

  it("facts of a row in the filter's terms; only an applicable entry is untraced", () => {
    assert.deepEqual(soaRowFacts({ control: "A.9.9", missing: false, sources: [], evidence: [], traced: false, applicable: true }), {
      theme: "other",
      applicable: "yes",
      status: "none",
      traced: "no",
    });
    assert.equal(soaRowFacts({ control: "A.7.6", missing: false, sources: [], evidence: [], traced: false, applicable: false }).traced, "yes");
  });

  it("the standalone document stays without links and data attributes", () => {
    const html = renderHtml(report);
    assert.ok(!/data-open|data-theme|tabindex="0" data-|href=/.test(html));
  });
});
