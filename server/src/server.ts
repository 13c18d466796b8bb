/**
 * Entry of the ISMS Workbench language server (bundled to dist/server.js). The transport comes from
 * the command line: `--stdio`, `--node-ipc` or `--socket=<port>`.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./lsp/start-server";

startServer(createConnection(ProposedFeatures.all));
