import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, fileUri, ismsDiagnostics, waitFor } from "./vscode-helpers";

/** The gaps left in examples/acme on purpose (see its README), as `file rule line`. */
const DELIBERATE_GAPS = [
  "actions.yaml action/overdue 39",
  "nonconformities.yaml nc/no-root-cause 69",
  "reviews/management-reviews.yaml review/missing-input 71",
  "risks/corporate.yaml risk/unrated 270",
  "risks/corporate.yaml yaml/numeric-control-id 157",
  "risks/platform.yaml soa/excluded-but-used 91",
  "soa.yaml soa/evidence-missing 719",
  "soa.yaml soa/untraced-control 61",
];

describe("diagnostics in VS Code", () => {
  before(async () => {
    await vscode.workspace.getConfiguration("isms").update("today", "2026-11-30", vscode.ConfigurationTarget.Workspace);
    await activateExtension();
  });

  it("shows every deliberate gap of examples/acme, in closed files too, and nothing else", async () => {
    const shown = await waitFor("the eight deliberate gaps", () => {
      const now = ismsDiagnostics();
      return now.length === DELIBERATE_GAPS.length ? now : undefined;
    });
    assert.deepEqual(shown, DELIBERATE_GAPS);
  });

  it("carries the rule id as code with a link to its documentation", async () => {
    const diagnostics = vscode.languages.getDiagnostics(fileUri("soa.yaml"));
    const untraced = diagnostics.find((d) => typeof d.code === "object" && d.code.value === "soa/untraced-control");
    assert.ok(untraced, "soa/untraced-control is shown in soa.yaml");
    assert.equal(untraced.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(String((untraced.code as { target: vscode.Uri }).target), /docs\/rules\/soa\/untraced-control\.md$/);
  });

  it("re-checks across files as the user types: un-rating a risk shows risk/unrated", async () => {
    const document = await vscode.workspace.openTextDocument(fileUri("risks/platform.yaml"));
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const at = text.indexOf("    impact: ", text.indexOf("id: R-001"));
    assert.ok(at > 0);
    const line = document.positionAt(at).line;
    await editor.edit((e) => e.delete(document.lineAt(line).rangeIncludingLineBreak));
    await waitFor("risk/unrated on R-001", () => (ismsDiagnostics().some((d) => d.startsWith("risks/platform.yaml risk/unrated")) ? true : undefined));
    await vscode.commands.executeCommand("undo");
    await waitFor("risk/unrated cleared after undo", () => (ismsDiagnostics().some((d) => d.startsWith("risks/platform.yaml risk/unrated")) ? undefined : true));
  });
});
