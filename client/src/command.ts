import type * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ReportWebviews } from "./webviews/report-webviews";

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
