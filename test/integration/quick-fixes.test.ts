import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, fileUri, ismsDiagnostics, waitFor } from "./vscode-helpers";

describe("quick-fixes in VS Code", () => {
  before(async () => {
    await activateExtension();
  });

  it("rewrites an unquoted 5.10 as A.5.10 and the file is checked again", async () => {
    const uri = fileUri("risks/corporate.yaml");
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor("the yaml/numeric-control-id diagnostic", () =>
      vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === "object" && d.code.value === "yaml/numeric-control-id"),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.includes("A.5.10"));
    assert.ok(fix?.edit, `a fix writing A.5.10 among: ${actions.map((a) => a.title).join(", ")}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(diagnostic.range.with({ end: diagnostic.range.start.translate(0, 6) })), "A.5.10");
    await waitFor("the diagnostic to clear", () => (ismsDiagnostics().some((d) => d.includes("yaml/numeric-control-id")) ? undefined : true));
  });
});
