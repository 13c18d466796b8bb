import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, fileUri, positionOf, waitFor } from "./vscode-helpers";

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))
    .join("\n");
}

describe("hovers, completions and navigation in VS Code", () => {
  let soa: vscode.TextDocument;
  before(async () => {
    await activateExtension();
    soa = await vscode.workspace.openTextDocument(fileUri("soa.yaml"));
    await vscode.window.showTextDocument(soa);
  });

  it("a control id shows its title, theme and the risks that trace to it", async () => {
    const position = positionOf(soa, "A.5.15").translate(0, 2);
    const text = await waitFor("a hover on A.5.15", async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", soa.uri, position);
      const value = hoverText(hovers ?? []);
      return value.includes("Access control") ? value : undefined;
    });
    assert.match(text, /Organizational/);
    assert.match(text, /R-\d{3}/);
  });

  it("completes control ids with their titles in a risk's controls", async () => {
    const risks = await vscode.workspace.openTextDocument(fileUri("risks/platform.yaml"));
    const position = positionOf(risks, "controls: [").translate(0, "controls: [".length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", risks.uri, position);
    const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
    assert.ok(labels.includes("A.5.15"), `A.5.15 offered among ${labels.length} items`);
  });

  it("goes from an owner to the person's definition in isms.yaml", async () => {
    const position = positionOf(soa, "owner: ").translate(0, "owner: ".length + 1);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>("vscode.executeDefinitionProvider", soa.uri, position);
    assert.ok(locations.length > 0, "a definition is found");
    const target = "targetUri" in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.match(target.path, /isms\.yaml$/);
  });
});
