import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { CheckWorkspaceRequest } from "@protocol";
import { EXPORT_COMMANDS } from "./exports";
import { FLOW_COMMANDS } from "./flows";
import { revealInFile } from "./views/reveal-in-file";
import { WEBVIEW_COMMANDS, type ReportWebviews } from "./webviews";

/** What a command may use. */
export interface CommandContext {
  client: LanguageClient;
  output: vscode.OutputChannel;
  /** The extension's context: its install folder (bundled examples), global storage. */
  extension: vscode.ExtensionContext;
  /** The report webviews (SoA preview, heat map, readiness); also what the exports read the active root from. */
  webviews: ReportWebviews;
}

/** A command: its id (contributed in package.json) and a factory of its handler. */
export interface CommandFactory {
  id: string;
  create(ctx: CommandContext): (...args: unknown[]) => unknown;
}

const checkWorkspace: CommandFactory = {
  id: "isms.checkWorkspace",
  create: (ctx) => async () => {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "ISMS: checking the workspace" },
      () => ctx.client.sendRequest(CheckWorkspaceRequest.type, {}),
    );
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
