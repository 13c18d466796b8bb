import * as vscode from "vscode";
import type { CommandFactory } from "../command";
import { copyFolder, exists } from "./copy-folder";
import { freeName } from "./text";

/** The date the example's findings are computed for (see examples/acme/README.md). */
export const EXAMPLE_TODAY = "2026-11-30";

/**
 * "ISMS: Open the Example ISMS (Acme Cloud)": copies the example ISMS shipped with the extension
 * (`examples/acme`) to a folder the user picks (as `acme-isms`, or `acme-isms-2` … when taken) or
 * to a scratch folder in the extension's global storage (replaced each time), sets `isms.today`
 * to the example's date in the copy's `.vscode/settings.json` so that it shows its seven
 * deliberate gaps, and opens the copy as the workspace folder.
 *
 * Argument (for tests): `(destination?: Uri)` skips the choice and copies into that folder.
 */
export const openExample: CommandFactory = {
  id: "isms.openExample",
  create: (ctx) => async (destinationArg?: unknown) => {
    const target = destinationArg instanceof vscode.Uri ? destinationArg : await chooseTarget(ctx.extension.globalStorageUri);
    if (!target) return undefined;
    const example = vscode.Uri.joinPath(ctx.extension.extensionUri, "examples", "acme");
    await copyFolder(example, target);
    const settings = vscode.Uri.joinPath(target, ".vscode", "settings.json");
    if (!(await exists(settings))) {
      await vscode.workspace.fs.writeFile(settings, new TextEncoder().encode(`${JSON.stringify({ "isms.today": EXAMPLE_TODAY }, null, 2)}\n`));
    }
    ctx.output.appendLine(`ISMS: copied the Acme example to ${target.fsPath}.`);
    if (destinationArg === undefined) await vscode.commands.executeCommand("vscode.openFolder", target, { forceNewWindow: false });
    return target;
  },
};

async function chooseTarget(storage: vscode.Uri): Promise<vscode.Uri | undefined> {
  const items: (vscode.QuickPickItem & { where: "folder" | "scratch" })[] = [
    { label: "$(folder) Copy into a folder I choose…", detail: "Creates acme-isms in that folder: yours to keep and edit.", where: "folder" },
    { label: "$(beaker) Open a scratch copy", detail: "In the extension's storage; replaced the next time you open the example.", where: "scratch" },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: "ISMS: Open the Example ISMS (Acme Cloud)", placeHolder: "Where should the copy of the example go?" });
  if (!choice) return undefined;
  if (choice.where === "scratch") {
    const scratch = vscode.Uri.joinPath(storage, "acme-isms");
    if (await exists(scratch)) await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false });
    return scratch;
  }
  const picked = await vscode.window.showOpenDialog({ title: "Copy the example ISMS into…", openLabel: "Copy Here", canSelectFolders: true, canSelectFiles: false, canSelectMany: false });
  const parent = picked?.[0];
  if (!parent) return undefined;
  const taken = new Set((await vscode.workspace.fs.readDirectory(parent)).map(([name]) => name));
  return vscode.Uri.joinPath(parent, freeName("acme-isms", taken));
}
