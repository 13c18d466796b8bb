import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { openWalkthroughOnStart } from "./first-run";
import { createLanguageClient } from "./language-client";
import { createStatusBar } from "./status-bar";
import { IsmsTreeViews } from "./views";
import { ReportWebviews } from "./webviews";

let client: LanguageClient | undefined;

/**
 * Activates ISMS Workbench: starts the language server (live checks, hovers, completions,
 * quick-fixes, navigation) and adds the ISMS tree views, the report webviews, the status bar item
 * and commands.
 * Returns the language client, the tree views and the report webviews, for the integration tests.
 */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; views: IsmsTreeViews; webviews: ReportWebviews }> {
  const output = vscode.window.createOutputChannel("ISMS Workbench");
  client = createLanguageClient(context, output);
  const views = new IsmsTreeViews(client, output);
  const webviews = new ReportWebviews(client, views.store);
  context.subscriptions.push(output, ...registerCommands({ client, output, extension: context, webviews }), views, webviews, createStatusBar(views.store));
  await client.start();
  void openWalkthroughOnStart(context, output);
  return { client, views, webviews };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
