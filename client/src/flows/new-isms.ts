import * as vscode from "vscode";
import type { CommandFactory } from "../command";
import { copyFolder, exists } from "./copy-folder";
import { setOrganization } from "./text";

const TITLE = "ISMS: New ISMS from Template";

/**
 * "ISMS: New ISMS from Template": copies the starter ISMS shipped with the extension
 * (`examples/starter`) into a folder the user picks, writes the organization's name into
 * isms.yaml, opens it, and offers to add the folder to the workspace when it lies outside.
 * Refuses a folder that already holds an ISMS (isms.yaml / isms.yml).
 *
 * Arguments (for tests and other commands): `(folder?: Uri, organization?: string)` skip the
 * folder dialog and the input box. Returns the URI of the new isms.yaml, or `undefined` when
 * cancelled or refused.
 */
export const newIsms: CommandFactory = {
  id: "isms.newIsms",
  create: (ctx) => async (folderArg?: unknown, organizationArg?: unknown) => {
    const folder = folderArg instanceof vscode.Uri ? folderArg : await pickFolder();
    if (!folder) return undefined;
    for (const name of ["isms.yaml", "isms.yml"]) {
      if (await exists(vscode.Uri.joinPath(folder, name))) {
        void vscode.window.showErrorMessage(`${TITLE}: ${folder.fsPath} already holds an ISMS (${name}). Choose an empty folder, or a folder without isms.yaml.`);
        return undefined;
      }
    }
    const organization = typeof organizationArg === "string" ? organizationArg : await askOrganization();
    if (organization === undefined) return undefined;

    const starter = vscode.Uri.joinPath(ctx.extension.extensionUri, "examples", "starter");
    const copied = await copyFolder(starter, folder);
    const isms = vscode.Uri.joinPath(folder, "isms.yaml");
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(isms));
    const named = setOrganization(text, organization);
    if (named !== undefined && named !== text) await vscode.workspace.fs.writeFile(isms, new TextEncoder().encode(named));
    ctx.output.appendLine(`${TITLE}: wrote ${copied.written.length} files to ${folder.fsPath}${copied.skipped.length ? `; kept existing ${copied.skipped.join(", ")}` : ""}.`);

    await vscode.window.showTextDocument(isms, { preview: false });
    if (!vscode.workspace.getWorkspaceFolder(folder)) void offerWorkspace(folder);
    return isms;
  },
};

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: `${TITLE}: choose the folder of the new ISMS`,
    openLabel: "Create ISMS Here",
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

function askOrganization(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: TITLE,
    prompt: "Name of the organization whose ISMS this is (written to isms.yaml, organization:)",
    placeHolder: "Example Ltd",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === "" ? "Enter the organization's name." : undefined),
  });
}

async function offerWorkspace(folder: vscode.Uri): Promise<void> {
  const add = "Add to Workspace";
  const open = "Open Folder";
  const choice = await vscode.window.showInformationMessage(`The new ISMS in ${folder.fsPath} is outside the workspace: its checks run only on open files.`, add, open);
  if (choice === add) {
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folder });
  } else if (choice === open) {
    await vscode.commands.executeCommand("vscode.openFolder", folder, { forceNewWindow: false });
  }
}
