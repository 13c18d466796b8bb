import * as assert from "node:assert/strict";
import type { ClientCapabilities, CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { minimalIsms, type Files } from "../helpers/minimal-isms";
import { FULL_CAPABILITIES, useServerSuite, withCode, type LspClient } from "./lsp-client";

const CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: {
    ...FULL_CAPABILITIES.textDocument,
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } }, isPreferredSupport: true },
  },
  workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ["create"] } },
};

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x.yaml", "yaml", 0, text), edits);
}

describe("language server: quick-fixes", function () {
  const server = useServerSuite();
  let client: LspClient | undefined;

  const workspace = (files: Files) => server.workspace(files);

  async function codeActions(c: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ["quickfix"] } });
  }

  it("answers a quick-fix for a diagnostic, as a versioned document edit of the open document", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = files["risks.yaml"].replace("controls: [A.5.15]", "controls: [5.15]  # typed as a number");
    const ws = workspace(files);
    client = await server.start({ folders: [ws.dir], capabilities: CAPABILITIES });
    const uri = ws.uri("risks.yaml");
    await client.open(uri, files["risks.yaml"], 3);
    const [diagnostic] = withCode(await client.waitForDiagnostics(uri, (d) => withCode(d, "yaml/numeric-control-id").length === 1), "yaml/numeric-control-id");

    const actions = await codeActions(client, uri, diagnostic);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [["Write A.5.15", "quickfix", true]],
    );
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    const [change] = actions[0].edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    assert.equal(apply(files["risks.yaml"], change.edits as TextEdit[]), files["risks.yaml"].replace("[5.15]", "[A.5.15]"));
  });

  /** The minimal ISMS without ActionPlan, with NC-1 open and no corrective action. */
  function withoutActionPlan(): Files {
    const files = minimalIsms();
    delete files["actions.yaml"];
    files["risks.yaml"] = files["risks.yaml"].replace("    actions: [ACT-1]\n", "");
    files["reviews.yaml"] = files["reviews.yaml"].replace("    actions: [ACT-3]\n", "");
    files["nonconformities.yaml"] = files["nonconformities.yaml"].replace("    actions: [ACT-2]\n    status: closed\n    closed: 2026-06-01\n", "    status: open\n");
    return files;
  }

  it("creates a file with CreateFile when the fix needs one, and offers nothing for other kinds", async () => {
    const ws = workspace(withoutActionPlan());
    client = await server.start({ folders: [ws.dir], capabilities: CAPABILITIES });
    const uri = ws.uri("nonconformities.yaml");
    const [diagnostic] = withCode(await client.waitForDiagnostics(uri, (d) => withCode(d, "nc/no-corrective-action").length === 1), "nc/no-corrective-action");

    const actions = await codeActions(client, uri, diagnostic);
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Create a corrective action for NC-1"],
    );
    const changes = actions[0].edit!.documentChanges!;
    const created = changes.filter((c): c is CreateFile => "kind" in c && c.kind === "create");
    assert.deepEqual(
      created.map((c) => c.uri),
      [ws.uri("actions.yaml")],
    );
    const edits = changes.filter((c): c is TextDocumentEdit => "textDocument" in c);
    assert.deepEqual(edits.map((e) => [e.textDocument.uri, e.textDocument.version]).sort(), [
      [ws.uri("actions.yaml"), null],
      [uri, null],
    ]);
    const newFile = apply("", edits.find((e) => e.textDocument.uri === ws.uri("actions.yaml"))!.edits as TextEdit[]);
    assert.match(newFile, /^apiVersion: isms\/v1\nkind: ActionPlan\nactions:\n {2}- id: ACT-001\n/);

    const none = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ["refactor"] } });
    assert.deepEqual(none, []);
  });

  it("leaves out fixes that create files for clients that cannot create them", async () => {
    const ws = workspace(withoutActionPlan());
    const capabilities: ClientCapabilities = { ...CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };
    client = await server.start({ folders: [ws.dir], capabilities });
    const uri = ws.uri("nonconformities.yaml");
    const [diagnostic] = withCode(await client.waitForDiagnostics(uri, (d) => withCode(d, "nc/no-corrective-action").length === 1), "nc/no-corrective-action");
    assert.deepEqual(await codeActions(client, uri, diagnostic), []);
  });

  it("uses `changes` for clients without documentChanges", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = files["risks.yaml"].replace("owner: ops\n    likelihood: 3", "owner: opps\n    likelihood: 3");
    const ws = workspace(files);
    const capabilities: ClientCapabilities = { ...CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace } };
    client = await server.start({ folders: [ws.dir], capabilities });
    const uri = ws.uri("risks.yaml");
    const diagnostics = await client.waitForDiagnostics(uri, (d) => withCode(d, "ref/unresolved").length === 1);
    const [diagnostic] = withCode(diagnostics, "ref/unresolved");
    const actions = await codeActions(client, uri, diagnostic);
    assert.ok(actions.some((a) => a.title === "Change to ops"));
    const edit = actions.find((a) => a.title === "Change to ops")!.edit!;
    assert.equal(edit.documentChanges, undefined);
    assert.equal(apply(files["risks.yaml"], edit.changes![uri]), minimalIsms()["risks.yaml"]);
  });
});
