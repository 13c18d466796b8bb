/**
 * Entry of the ISMS Workbench language server (bundled to dist/server.js, the
 * `isms-language-server` command). The transport comes from the command line: `--stdio`,
 * `--node-ipc`, `--pipe=<name>` or `--socket=<port>`; without one it is stdio, as editors other
 * than VS Code expect (`isms-language-server` alone).
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./lsp/start-server";

const TRANSPORT = /^--(stdio|node-ipc|pipe|socket)(=|$)/;
if (!process.argv.slice(2).some((arg) => TRANSPORT.test(arg))) process.argv.push("--stdio");
if (process.argv.includes("--version")) {
  process.stdout.write(`${typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev"}\n`);
  process.exit(0);
}

startServer(createConnection(ProposedFeatures.all));

declare const __VERSION__: string | undefined;
