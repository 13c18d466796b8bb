import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { createLanguageClient } from "./language-client";
import { createStatusBar } from "./status-bar";

let client: LanguageClient | undefined;

/**
 * Activates ISMS Workbench: starts the language server (live checks, hovers, completions,
 * quick-fixes, navigation) and adds the status bar item and commands.
 * Returns the language client, for the integration tests.
 */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel("ISMS Workbench");
  client = createLanguageClient(context, output);
  context.subscriptions.push(output, ...registerCommands({ client, output }), createStatusBar(client));
  await client.start();
  return { client };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
