import * as assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { activateExtension, fileUri, waitFor } from "./vscode-helpers";

/** Result of isms.addRisk / isms.addAction (see protocol.ts AddRecordResult). */
interface Added {
  id: string;
  uri: string;
}

describe("guided flows in VS Code", () => {
  let tmp: string;
  before(async () => {
    await activateExtension();
    tmp = mkdtempSync(path.join(tmpdir(), "isms-flows-"));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("Add Action appends the action to actions.yaml, saves it and shows it", async () => {
    const uri = fileUri("actions.yaml");
    const before = readFileSync(uri.fsPath, "utf8");
    const added = await vscode.commands.executeCommand<Added | undefined>("isms.addAction", {
      fields: { title: "Encrypt every laptop disk", type: "treatment", source: "R-018", owner: "it-lead", due: "2027-01-31" },
    });
    assert.ok(added, "the command answered the new record");
    assert.equal(added.id, "ACT-025");
    const onDisk = readFileSync(uri.fsPath, "utf8");
    assert.equal(onDisk, `${before}  - id: ACT-025\n    title: Encrypt every laptop disk\n    type: treatment\n    source: R-018\n    owner: it-lead\n    due: 2027-01-31\n    status: open\n`);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.isDirty, false);
    assert.equal(editor?.document.lineAt(editor.selection.active.line).text, "  - id: ACT-025");
  });

  it("Add Risk refuses a likelihood that is not on the methodology's scale and changes nothing", async () => {
    const uri = fileUri("risks/platform.yaml");
    const before = readFileSync(uri.fsPath, "utf8");
    const added = await vscode.commands.executeCommand<Added | undefined>("isms.addRisk", { fields: { title: "Off the scale", likelihood: 9, impact: 2 } });
    assert.equal(added, undefined);
    assert.equal(readFileSync(uri.fsPath, "utf8"), before);
  });

  it("New ISMS from Template copies the starter with the organization's name, and refuses a folder that has an ISMS", async () => {
    const folder = vscode.Uri.file(path.join(tmp, "globex"));
    const isms = await vscode.commands.executeCommand<vscode.Uri | undefined>("isms.newIsms", folder, "Globex: Europe & UK");
    assert.ok(isms);
    assert.deepEqual(readdirSync(folder.fsPath).sort(), [
      "README.md",
      "actions.yaml",
      "competence.yaml",
      "controls.yaml",
      "incidents.yaml",
      "isms.yaml",
      "monitoring.yaml",
      "objectives.yaml",
      "policies",
      "policies.yaml",
      "risk",
      "risks.yaml",
      "soa.yaml",
      "suppliers.yaml",
    ]);
    const text = readFileSync(isms.fsPath, "utf8");
    assert.match(text, /^organization: "Globex: Europe & UK"$/m);
    const extension = vscode.extensions.getExtension("isms-workbench.isms-workbench");
    assert.ok(extension);
    const starter = readFileSync(path.join(extension.extensionPath, "examples", "starter", "isms.yaml"), "utf8").split("\n");
    assert.deepEqual(
      text.split("\n").filter((line, i) => line !== starter[i]),
      ['organization: "Globex: Europe & UK"'],
      "only the organization line changes",
    );
    await waitFor("isms.yaml in an editor", () => (vscode.window.activeTextEditor?.document.uri.fsPath === isms.fsPath ? true : undefined), 10_000);
    assert.equal(await vscode.commands.executeCommand("isms.newIsms", folder, "Again"), undefined);
    assert.match(readFileSync(isms.fsPath, "utf8"), /^organization: "Globex: Europe & UK"$/m);
  });

  it("Open the Example copies Acme with isms.today set for its eight gaps", async () => {
    const target = vscode.Uri.file(path.join(tmp, "acme-isms"));
    const copied = await vscode.commands.executeCommand<vscode.Uri | undefined>("isms.openExample", target);
    assert.equal(copied?.fsPath, target.fsPath);
    assert.deepEqual(JSON.parse(readFileSync(path.join(target.fsPath, ".vscode", "settings.json"), "utf8")), { "isms.today": "2026-11-30" });
    assert.ok(readdirSync(path.join(target.fsPath, "risks")).includes("platform.yaml"));
  });
});
