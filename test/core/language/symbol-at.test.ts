import * as assert from "node:assert/strict";
import { symbolAt } from "../../../server/src/core/language";
import { fileIndex } from "../../../server/src/core/language/symbol-at";
import { CATALOG_2022, buildModel, parseFile } from "../../../server/src/core";
import { positionOf, textAt, withCursor, workspace } from "./helpers";

describe("language: symbolAt", () => {
  const ws = workspace();
  const risks = ws.parsed("risks.yaml");

  it("finds a record id definition with its path", () => {
    const s = symbolAt(ws.model, risks, positionOf(risks, "R-002", 2));
    assert.equal(s?.type, "record");
    assert.ok(s?.type === "record");
    assert.equal(s.record.recordKind, "risk");
    assert.equal(s.record.id?.value, "R-002");
    assert.deepEqual(s.path, ["risks", 1, "id"]);
    assert.equal(textAt(risks, s.range), "R-002");
    assert.equal(s.kind, "RiskRegister");
  });

  it("finds a reference and the record it resolves to", () => {
    const s = symbolAt(ws.model, risks, positionOf(risks, "owner: ops", 8));
    assert.ok(s?.type === "reference");
    assert.equal(s.reference.id, "ops");
    assert.equal(s.reference.resolved?.recordKind, "person");
    assert.deepEqual(s.path, ["risks", 0, "owner"]);
  });

  it("finds a control reference in a flow sequence, with the cursor right after it", () => {
    const s = symbolAt(ws.model, risks, positionOf(risks, "A.5.15]", 6));
    assert.ok(s?.type === "control");
    assert.equal(s.control.id, "A.5.15");
    assert.deepEqual(s.path, ["risks", 0, "controls", 0]);
  });

  it("finds a theme in an audit scope", () => {
    const audits = ws.parsed("audits.yaml");
    const s = symbolAt(ws.model, audits, positionOf(audits, "A.7", 1));
    assert.ok(s?.type === "control");
    assert.equal(s.control.id, "A.7");
    assert.equal(s.control.theme, true);
  });

  it("finds a mapping key with its YAML path, in block and flow mappings", () => {
    const key = symbolAt(ws.model, risks, positionOf(risks, "likelihood: 1", 3));
    assert.ok(key?.type === "key");
    assert.equal(key.key, "likelihood");
    assert.deepEqual(key.path, ["risks", 1, "likelihood"]);
    const flow = symbolAt(ws.model, risks, positionOf(risks, "impact: 3 }", 1));
    assert.ok(flow?.type === "key");
    assert.deepEqual(flow.path, ["risks", 0, "residual", "impact"]);
  });

  it("finds plain values, and nothing on blank space", () => {
    const v = symbolAt(ws.model, risks, positionOf(risks, "accept", 2));
    assert.ok(v?.type === "value");
    assert.equal(v.value, "accept");
    assert.deepEqual(v.path, ["risks", 1, "treatment"]);
    assert.equal(symbolAt(ws.model, risks, { line: 400, character: 0 }), undefined);
  });

  it("reads controls in fields the model does not convert (nonconformity control)", () => {
    const w = withCursor("nonconformities.yaml", "    status: closed", "    control: A.5.3‸5\n    status: closed");
    const s = symbolAt(w.model, w.file, w.cursor);
    assert.ok(s?.type === "control");
    assert.equal(s.control.id, "A.5.35");
  });

  it("works without a model (file outside any ISMS)", () => {
    const s = symbolAt(undefined, risks, positionOf(risks, "treatment: mitigate", 2));
    assert.ok(s?.type === "key");
    assert.equal(s.key, "treatment");
  });

  it("indexes a file's records and references from its contribution, kept across an edit of another file", () => {
    const ids = (index: ReturnType<typeof fileIndex>) => ({
      records: index.records.map((r) => `${r.recordKind}:${r.id?.value}`),
      references: index.references.map((r) => `${r.field}:${r.id}`),
      controls: index.controls.map((c) => c.id),
    });
    // A model not made by buildModel (a copy) is grouped whole: both ways give the same.
    for (const file of ws.files) assert.deepEqual(ids(fileIndex(ws.model, file.file)), ids(fileIndex({ ...ws.model }, file.file)), file.file);
    assert.ok(fileIndex(ws.model, "risks.yaml").records.length > 0);
    const edited = ws.files.map((f) => (f.file === "actions.yaml" ? parseFile(f.file, f.text.replace("owner: ", "owner:  ")) : f));
    const next = buildModel(ws.model.root, edited, CATALOG_2022, ws.model);
    assert.equal(fileIndex(next, "risks.yaml"), fileIndex(ws.model, "risks.yaml"), "an unchanged file keeps its index");
    assert.deepEqual(ids(fileIndex(next, "actions.yaml")), ids(fileIndex({ ...next }, "actions.yaml")));
  });
});
