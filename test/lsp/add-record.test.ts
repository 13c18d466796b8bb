import * as assert from "node:assert/strict";
import { join } from "node:path";
import type { ClientCapabilities, CreateFile, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { AddRecordResult, FormOptionsResult } from "@protocol";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";
import { fileUri, FULL_CAPABILITIES, useServerSuite, type LspClient } from "./lsp-client";

const CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ["create"] } },
};

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x.yaml", "yaml", 0, text), edits);
}

describe("language server: isms/formOptions and isms/addRecord", function () {
  const server = useServerSuite();
  let client: LspClient | undefined;

  async function start(folders: Record<string, Files>): Promise<(folder: string, path?: string) => string> {
    const paths: Record<string, string> = {};
    for (const [name, files] of Object.entries(folders)) {
      paths[name] = server.workspace(files).dir;
    }
    client = await server.start({ folders: Object.values(paths), capabilities: CAPABILITIES });
    return (folder, path) => fileUri(path ? join(paths[folder], path) : paths[folder]);
  }

  it("answers the people, the methodology's scales and the choices of the forms for the only root", async () => {
    const uri = await start({ a: minimalIsms() });
    const answer = await client!.request<FormOptionsResult>("isms/formOptions", {});
    assert.deepEqual(answer.roots, [{ root: uri("a"), organization: "Fixture Ltd" }]);
    assert.equal(answer.root, uri("a"));
    const o = answer.options!;
    assert.deepEqual(
      o.people.map((p) => `${p.id}: ${p.name} (${p.role})`),
      ["ceo: Chief Executive (Top management)", "ciso: Security Lead (ISMS manager)", "ops: Operations Lead (Operations)", "auditor: Internal Auditor (Internal audit)"],
    );
    assert.deepEqual(
      o.likelihood.map((l) => `${l.level} ${l.label}`),
      ["1 Rare", "2 Unlikely", "3 Possible", "4 Likely", "5 Almost certain"],
    );
    assert.deepEqual(
      o.impact.map((l) => l.label),
      ["Negligible", "Minor", "Moderate", "Major", "Severe"],
    );
    assert.deepEqual(o.treatments, ["mitigate", "accept", "avoid", "transfer"]);
    assert.deepEqual(o.actionTypes, ["treatment", "corrective", "improvement"]);
    assert.deepEqual(
      o.risks.map((r) => r.id),
      ["R-001", "R-002"],
    );
    assert.equal(o.today, FIXTURE_TODAY);
  });

  it("leaves the choice to the client when there are several roots, and resolves a document's root", async () => {
    const b = minimalIsms();
    b["isms.yaml"] = b["isms.yaml"].replace("organization: Fixture Ltd", "organization: Second Ltd");
    const uri = await start({ a: minimalIsms(), b });
    const none = await client!.request<FormOptionsResult>("isms/formOptions", {});
    assert.deepEqual(none.roots.map((r) => r.organization).sort(), ["Fixture Ltd", "Second Ltd"]);
    assert.equal(none.options, undefined);
    const byDocument = await client!.request<FormOptionsResult>("isms/formOptions", { document: uri("b", "risks.yaml") });
    assert.equal(byDocument.root, uri("b"));
    assert.equal(byDocument.options?.organization, "Second Ltd");
    const byRoot = await client!.request<FormOptionsResult>("isms/formOptions", { root: uri("a") });
    assert.equal(byRoot.options?.organization, "Fixture Ltd");
  });

  it("answers the edit that appends a risk, as versioned document changes, with the new id and its range", async () => {
    const files = minimalIsms();
    const uri = await start({ a: files });
    const result = await client!.request<AddRecordResult>("isms/addRecord", {
      root: uri("a"),
      kind: "risk",
      fields: { title: "Laptop stolen", owner: "ciso", likelihood: 2, impact: 4, treatment: "mitigate" },
    });
    assert.equal(result.id, "R-003");
    assert.equal(result.uri, uri("a", "risks.yaml"));
    const [change] = result.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri: uri("a", "risks.yaml"), version: null });
    const after = apply(files["risks.yaml"], change.edits as TextEdit[]);
    assert.equal(after, `${files["risks.yaml"]}  - id: R-003\n    title: Laptop stolen\n    owner: ciso\n    likelihood: 2\n    impact: 4\n    treatment: mitigate\n    reviewed: ${FIXTURE_TODAY}\n`);
    assert.deepEqual(result.range, { start: { line: 21, character: 4 }, end: { line: 27, character: 24 } });
  });

  it("creates actions.yaml with a CreateFile operation when the ISMS has no action plan", async () => {
    const files = minimalIsms();
    delete files["actions.yaml"];
    const uri = await start({ a: files });
    const result = await client!.request<AddRecordResult>("isms/addRecord", { kind: "action", fields: { title: "First action", owner: "ops", due: "2027-01-31" } });
    assert.equal(result.id, "ACT-001");
    const changes = result.edit.documentChanges!;
    assert.deepEqual(changes[0] as CreateFile, { kind: "create", uri: uri("a", "actions.yaml"), options: { overwrite: false, ignoreIfExists: false } });
    assert.equal(
      apply("", (changes[1] as TextDocumentEdit).edits as TextEdit[]),
      "apiVersion: isms/v1\nkind: ActionPlan\nactions:\n  - id: ACT-001\n    title: First action\n    owner: ops\n    due: 2027-01-31\n    status: open\n",
    );
  });

  it("answers an error that names the field when a value is not acceptable, and when no root is known", async () => {
    const uri = await start({ a: minimalIsms() });
    await assert.rejects(client!.request("isms/addRecord", { root: uri("a"), kind: "action", fields: { title: "X", due: "2027-02-30" } }), (e: Error) =>
      /^due: "2027-02-30" is not a date/.test(e.message),
    );
    await assert.rejects(client!.request("isms/addRecord", { root: fileUri("/nowhere"), kind: "risk", fields: { title: "X" } }), (e: Error) => /No ISMS root/.test(e.message));
    await assert.rejects(client!.request("isms/addRecord", { root: uri("a"), kind: "audit", fields: { title: "X" } }), (e: Error) =>
      /^Cannot add a record of kind "audit": the kinds are "risk" and "action"\.$/.test(e.message),
    );
    await assert.rejects(client!.request("isms/addRecord", { root: uri("a"), kind: "risk" }), (e: Error) => /^The risk to add has no fields\.$/.test(e.message));
  });
});
