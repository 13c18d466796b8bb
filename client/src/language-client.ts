import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/**
 * Creates the client of the ISMS language server (`dist/server.js`, run over IPC in a separate
 * Node process). YAML files in the workspace are its documents; it watches `*.yaml`/`*.yml`.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "untitled", language: "yaml" },
    ],
    synchronize: {
      configurationSection: "isms",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml}"),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient("isms", "ISMS Workbench", serverOptions, clientOptions);
}
