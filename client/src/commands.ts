import * as vscode from "vscode";
import { CheckWorkspaceRequest } from "@protocol";
import { EXPORT_COMMANDS } from "./exports";
import { FLOW_COMMANDS } from "./flows";
import { revealInFile } from "./views/reveal-in-file";
import { WEBVIEW_COMMANDS } from "./webviews";
import type { CommandFactory, CommandContext } from "./command";

const checkWorkspace: CommandFactory = {
  id: "isms.checkWorkspace",
  create: (ctx) => async () => {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "ISMS: checking the workspace" }, () => ctx.client.sendRequest(CheckWorkspaceRequest.type, {}));
    const roots = result.roots.filter((r) => r.isRoot).length;
    void vscode.window.showInformationMessage(
      `ISMS: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} info in ${result.files} files (${roots} ISMS root${roots === 1 ? "" : "s"}).`,
    );
    return result;
  },
};

const showOutput: CommandFactory = {
  id: "isms.showOutput",
  create: (ctx) => () => ctx.output.show(true),
};

const restartServer: CommandFactory = {
  id: "isms.restartServer",
  create: (ctx) => async () => {
    await ctx.client.restart();
  },
};

/** Every command of the extension. */
export const COMMANDS: CommandFactory[] = [checkWorkspace, showOutput, restartServer, ...FLOW_COMMANDS, revealInFile, ...WEBVIEW_COMMANDS, ...EXPORT_COMMANDS];

/** Registers every command; returns their disposables. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.map((c) => vscode.commands.registerCommand(c.id, c.create(ctx)));
}
