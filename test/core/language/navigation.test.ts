import * as assert from "node:assert/strict";
import type { TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { definition, documentSymbols, prepareRename, references, rename, workspaceSymbols } from "../../../server/src/core/language";
import { parseFile } from "../../../server/src/core";
import { edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { positionOf, textAt, workspace, type Workspace } from "./helpers";

function describeLocations(ws: Workspace, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]): string[] {
  return locations.map((l) => `${l.uri}:${l.range.start.line + 1}:${textAt(ws.parsed(l.uri), l.range)}`);
}

/** `file:line:text` of the first place `marker` occurs in `file` (the form {@link describeLocations} gives). */
function at(ws: Workspace, file: string, marker: string, text: string): string {
  return `${file}:${positionOf(ws.parsed(file), marker).line + 1}:${text}`;
}

function withoutLine(location: string): string {
  return location.replace(/:\d+:/, ":");
}

function applied(ws: Workspace, edit: WorkspaceEdit): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, edits] of Object.entries(edit.changes ?? {})) {
    const parsed = ws.parsed(file);
    let text = parsed.text;
    const sorted = [...(edits as TextEdit[])].sort((a, b) => parsed.lines.offsetAt(b.range.start) - parsed.lines.offsetAt(a.range.start));
    for (const e of sorted) text = text.slice(0, parsed.lines.offsetAt(e.range.start)) + e.newText + text.slice(parsed.lines.offsetAt(e.range.end));
    out[file] = text;
  }
  return out;
}

describe("language: navigation", () => {
  const ws = workspace();
  const risks = ws.parsed("risks.yaml");

  describe("definition", () => {
    it("goes from a reference to the record's id in another file", () => {
      const locations = definition(ws.model, risks, positionOf(risks, "ACT-1", 2));
      assert.deepEqual(describeLocations(ws, locations), [at(ws, "actions.yaml", "id: ACT-1", "ACT-1")]);
      const person = definition(ws.model, risks, positionOf(risks, "owner: ops", 8));
      assert.deepEqual(describeLocations(ws, person), [at(ws, "isms.yaml", "id: ops", "ops")]);
    });

    it("goes from a control to its SoA entry", () => {
      const locations = definition(ws.model, risks, positionOf(risks, "A.5.15", 3));
      assert.equal(locations.length, 1);
      assert.equal(locations[0].uri, "soa.yaml");
      assert.equal(textAt(ws.parsed("soa.yaml"), locations[0].range), "A.5.15");
      const soaLine = ws.parsed("soa.yaml").lines.lineText(locations[0].range.start.line);
      assert.equal(soaLine, "  - control: A.5.15");
    });

    it("goes from a finding's nonconformity and a review reference across files", () => {
      const audits = ws.parsed("audits.yaml");
      assert.deepEqual(describeLocations(ws, definition(ws.model, audits, positionOf(audits, "NC-1", 1))), [at(ws, "nonconformities.yaml", "id: NC-1", "NC-1")]);
      assert.deepEqual(describeLocations(ws, definition(ws.model, audits, positionOf(audits, "MR-1", 1))), [at(ws, "reviews.yaml", "id: MR-1", "MR-1")]);
    });

    it("finds nothing for keys, values and unresolved references", () => {
      assert.deepEqual(definition(ws.model, risks, positionOf(risks, "treatment", 2)), []);
      assert.deepEqual(definition(undefined, risks, positionOf(risks, "ACT-1", 2)), []);
    });
  });

  describe("references", () => {
    it("lists every record citing a person, across files, with the declaration first", () => {
      const isms = ws.parsed("isms.yaml");
      const refs = references(ws.model, isms, positionOf(isms, "id: ops", 5));
      const shown = describeLocations(ws, refs);
      assert.equal(shown[0], at(ws, "isms.yaml", "id: ops", "ops"));
      assert.deepEqual(
        shown
          .slice(1)
          .map((s) => s.split(":")[0])
          .sort(),
        ["actions.yaml", "actions.yaml", "risks.yaml", "risks.yaml", "risks.yaml", "suppliers.yaml"],
      );
      assert.equal(references(ws.model, isms, positionOf(isms, "id: ops", 5), false).length, 6);
    });

    it("lists the references of an action from a reference to it", () => {
      const reviews = ws.parsed("reviews.yaml");
      const refs = references(ws.model, reviews, positionOf(reviews, "ACT-3]", 1));
      assert.deepEqual(describeLocations(ws, refs).map(withoutLine), ["actions.yaml:ACT-3", "reviews.yaml:ACT-3"]);
      assert.deepEqual(refs[0].range.start, positionOf(ws.parsed("actions.yaml"), "ACT-3"));
    });

    it("lists the risks, SoA entries, audits and findings naming a control", () => {
      const files = edit(minimalIsms(), "audits.yaml", '        clause: "9.2"', '        clause: "9.2"\n        control: A.5.15');
      const files2 = edit(files, "audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [A.5.15, A.6, A.7, A.8]");
      const w = workspace(files2);
      const r = w.parsed("risks.yaml");
      const refs = describeLocations(w, references(w.model, r, positionOf(r, "A.5.15", 1)));
      assert.deepEqual(refs.map((x) => x.split(":")[0]).sort(), ["audits.yaml", "audits.yaml", "risks.yaml", "soa.yaml"]);
      const withoutSoa = references(w.model, r, positionOf(r, "A.5.15", 1), false);
      assert.ok(!withoutSoa.some((l) => l.uri === "soa.yaml"));
    });

    it("lists a value read through an alias once, though two records read it", () => {
      const files = edit(
        edit(minimalIsms(), "risks.yaml", "    actions: [ACT-1]", "    actions: &acts [ACT-1]"),
        "risks.yaml",
        "    treatment: accept\n",
        "    treatment: accept\n    actions: *acts\n",
      );
      const w = workspace(files);
      const actions = w.parsed("actions.yaml");
      const refs = describeLocations(w, references(w.model, actions, positionOf(actions, "id: ACT-1", 5)));
      assert.deepEqual(refs, [at(w, "actions.yaml", "id: ACT-1", "ACT-1"), at(w, "risks.yaml", "&acts [ACT-1]", "ACT-1")]);
      // From the reference itself, and for an id that resolves to nothing, too.
      const r = w.parsed("risks.yaml");
      assert.equal(references(w.model, r, positionOf(r, "[ACT-1]", 1), false).length, 1);
      const unresolved = workspace(edit(files, "risks.yaml", "&acts [ACT-1]", "&acts [ACT-9]"));
      const r9 = unresolved.parsed("risks.yaml");
      assert.deepEqual(describeLocations(unresolved, references(unresolved.model, r9, positionOf(r9, "ACT-9", 1))), [at(unresolved, "risks.yaml", "ACT-9", "ACT-9")]);
    });

    it("lists a control read through an alias once", () => {
      const files = edit(
        edit(minimalIsms(), "risks.yaml", "    controls: [A.5.15]", "    controls: &c [A.5.15]"),
        "risks.yaml",
        "    treatment: accept\n",
        "    treatment: accept\n    x-controls: *c\n    controls: *c\n",
      );
      const w = workspace(files);
      const r = w.parsed("risks.yaml");
      const refs = describeLocations(w, references(w.model, r, positionOf(r, "A.5.15", 1)));
      assert.deepEqual(refs.map(withoutLine).sort(), ["risks.yaml:A.5.15", "soa.yaml:A.5.15"]);
    });

    it("lists other places naming an id that resolves to nothing", () => {
      const files = edit(edit(minimalIsms(), "risks.yaml", "actions: [ACT-1]", "actions: [ACT-9]"), "reviews.yaml", "actions: [ACT-3]", "actions: [ACT-3, ACT-9]");
      const w = workspace(files);
      const r = w.parsed("risks.yaml");
      assert.deepEqual(
        describeLocations(w, references(w.model, r, positionOf(r, "ACT-9", 1)))
          .map(withoutLine)
          .sort(),
        ["reviews.yaml:ACT-9", "risks.yaml:ACT-9"],
      );
    });
  });

  describe("rename", () => {
    it("renames a risk id and its references across files", () => {
      const result = rename(ws.model, risks, positionOf(risks, "R-001", 1), "R-100");
      assert.ok("edit" in result, JSON.stringify(result));
      const texts = applied(ws, result.edit);
      assert.deepEqual(Object.keys(texts).sort(), ["risks.yaml", "soa.yaml"]);
      assert.match(texts["risks.yaml"], /- id: R-100\n/);
      assert.match(texts["soa.yaml"], /sources: \[R-100\]/);
      assert.doesNotMatch(texts["soa.yaml"], /R-001/);
    });

    it("renames a value read through an alias with one edit (editors reject overlapping edits)", () => {
      const files = edit(
        edit(minimalIsms(), "risks.yaml", "    actions: [ACT-1]", "    actions: &acts [ACT-1]"),
        "risks.yaml",
        "    treatment: accept\n",
        "    treatment: accept\n    actions: *acts\n",
      );
      const w = workspace(files);
      const r = w.parsed("risks.yaml");
      for (const from of [
        { parsed: w.parsed("actions.yaml"), position: positionOf(w.parsed("actions.yaml"), "id: ACT-1", 5) },
        { parsed: r, position: positionOf(r, "[ACT-1]", 1) },
      ]) {
        const result = rename(w.model, from.parsed, from.position, "ACT-100");
        assert.ok("edit" in result, JSON.stringify(result));
        const changes = result.edit.changes ?? {};
        assert.deepEqual(
          Object.fromEntries(Object.entries(changes).map(([file, edits]) => [file, edits.map((e) => `${e.range.start.line + 1}:${e.range.start.character}-${e.range.end.character} ${e.newText}`)])),
          { "actions.yaml": [`${positionOf(w.parsed("actions.yaml"), "ACT-1").line + 1}:8-13 ACT-100`], "risks.yaml": [`${positionOf(r, "[ACT-1]").line + 1}:20-25 ACT-100`] },
        );
        const texts = applied(w, result.edit);
        assert.match(texts["risks.yaml"], /actions: &acts \[ACT-100\]\n[^]*actions: \*acts\n/);
      }
    });

    it("renames a person from a reference, keeping quotes and quoting ids YAML would misread", () => {
      const files = edit(minimalIsms(), "policies.yaml", "owner: ciso", 'owner: "ciso"');
      const w = workspace(files);
      const r = w.parsed("risks.yaml");
      const result = rename(w.model, r, positionOf(r, "owner: ops", 8), "operations");
      assert.ok("edit" in result);
      const changed = Object.keys(result.edit.changes ?? {}).sort();
      assert.deepEqual(changed, ["actions.yaml", "isms.yaml", "risks.yaml", "suppliers.yaml"]);
      const renamedCiso = rename(w.model, w.parsed("isms.yaml"), positionOf(w.parsed("isms.yaml"), "id: ciso", 5), "infosec");
      assert.ok("edit" in renamedCiso);
      assert.match(applied(w, renamedCiso.edit)["policies.yaml"], /owner: "infosec"/);
      const numeric = rename(w.model, r, positionOf(r, "R-002", 1), "2024");
      assert.ok("edit" in numeric);
      assert.match(applied(w, numeric.edit)["risks.yaml"], /- id: "2024"/);
    });

    it("refuses Annex A controls, invalid ids and ids already taken, with clear messages", () => {
      const control = rename(ws.model, risks, positionOf(risks, "A.5.15", 1), "A.5.99");
      assert.ok("error" in control);
      assert.match(control.error, /A\.5\.15 is an Annex A control id of ISO\/IEC 27001:2022: control ids are fixed by the standard/);
      const invalid = rename(ws.model, risks, positionOf(risks, "R-001", 1), "R 001");
      assert.ok("error" in invalid);
      assert.match(invalid.error, /"R 001" is not a valid id/);
      const controlLike = rename(ws.model, risks, positionOf(risks, "R-001", 1), "A.5.1");
      assert.ok("error" in controlLike);
      assert.match(controlLike.error, /"A\.5\.1" reads as an Annex A control id: give the risk an id of its own/);
      const taken = rename(ws.model, risks, positionOf(risks, "R-001", 1), "R-002");
      assert.ok("error" in taken);
      assert.ok(taken.error.includes(`A risk with the id R-002 already exists (risks.yaml, line ${positionOf(risks, "id: R-002").line + 1})`), taken.error);
      const key = prepareRename(ws.model, risks, positionOf(risks, "treatment", 1));
      assert.ok("error" in key);
    });

    it("prepares a rename with the id's range and text", () => {
      const prepared = prepareRename(ws.model, risks, positionOf(risks, "ACT-1", 1));
      assert.ok("range" in prepared);
      assert.equal(prepared.placeholder, "ACT-1");
      assert.equal(textAt(risks, prepared.range), "ACT-1");
      const control = prepareRename(ws.model, risks, positionOf(risks, "A.5.15", 1));
      assert.ok("error" in control);
    });
  });

  describe("symbols", () => {
    it("outlines a document: kind, then records by id and title", () => {
      const symbols = documentSymbols(ws.model, risks);
      assert.equal(symbols.length, 1);
      assert.equal(symbols[0].name, "RiskRegister");
      assert.deepEqual(
        symbols[0].children?.map((c) => `${c.name} ${c.detail}`),
        ["R-001 Unauthorised access to customer data", "R-002 Office power cut"],
      );
      assert.equal(textAt(risks, symbols[0].children?.[0].selectionRange as never), "R-001");
    });

    it("outlines audits with their findings, the SoA by control, and several documents per file", () => {
      const audits = documentSymbols(ws.model, ws.parsed("audits.yaml"));
      assert.equal(audits[0].children?.[0].name, "AUD-1");
      assert.deepEqual(
        audits[0].children?.[0].children?.map((c) => `${c.name} ${c.detail}`),
        ["F-1 minor finding on clause 9.2"],
      );
      const soa = documentSymbols(ws.model, ws.parsed("soa.yaml"));
      assert.equal(soa[0].children?.length, 93);
      assert.equal(soa[0].children?.[0].name, "A.5.1");
      assert.equal(soa[0].children?.[0].detail, "Policies for information security · implemented");
      const multi = parseFile(
        "extra.yaml",
        "apiVersion: isms/v1\nkind: Objectives\nobjectives:\n  - { id: O-1, title: One }\n---\napiVersion: isms/v1\nkind: PolicyRegister\npolicies:\n  - { id: P-1, title: Two }\n",
      );
      const outline = documentSymbols(undefined, multi);
      assert.deepEqual(
        outline.map((d) => `${d.name}: ${d.children?.map((c) => c.name).join(",")}`),
        ["Objectives: O-1", "PolicyRegister: P-1"],
      );
      const isms = documentSymbols(ws.model, ws.parsed("isms.yaml"));
      assert.deepEqual(
        isms[0].children?.map((c) => c.name),
        ["scope", "IP-CUST", "REQ-ISO", "REQ-PRIV", "REQ-MSA", "ceo", "ciso", "ops", "auditor", "responsibilities"],
      );
    });

    it("finds workspace symbols by id and by title, best matches first", () => {
      const byId = workspaceSymbols(ws.models, "act-1");
      assert.equal(byId[0].name, "ACT-1 Enforce SSO for the admin console");
      assert.equal(byId[0].location.uri, "actions.yaml");
      const byTitle = workspaceSymbols(ws.models, "power cut");
      assert.deepEqual(
        byTitle.map((s) => s.name),
        ["R-002 Office power cut"],
      );
      const control = workspaceSymbols(ws.models, "cryptography");
      assert.deepEqual(
        control.map((s) => s.name),
        ["A.8.24 Use of cryptography"],
      );
      const fuzzy = workspaceSymbols(ws.models, "R1");
      assert.ok(fuzzy.some((s) => s.name.startsWith("R-001")));
      assert.equal(workspaceSymbols(ws.models, "zzzz-no-such").length, 0);
    });
  });
});
