import type { ClientCapabilities, Connection, Disposable, ServerCapabilities, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Logger } from "./logger";
import type { SettingsStore } from "./settings";
import type { ModelChangeEvent, WorkspaceIndex } from "./workspace-index";

/**
 * A language feature of the server (diagnostics, hover, completion, code actions, navigation …),
 * one per file in `server/src/lsp/features/`, listed in `features/index.ts`.
 *
 * `capabilities` is called once during `initialize` with the client's capabilities and returns the
 * part of the server capabilities the feature provides (merged with the others: objects are merged
 * key by key, so two features may both add to `workspace` or `executeCommandProvider.commands`).
 * `register` is called right after, still during `initialize`, and installs the feature's handlers.
 */
export interface Feature {
  /** Short name, used in log lines. */
  name?: string;
  capabilities(clientCapabilities: ClientCapabilities): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}

/**
 * What a feature gets. Rules for features:
 * - Install request handlers with `ctx.connection.onHover(ctx.guard("hover", handler, null))` etc.:
 *   `guard` catches errors (logged once) and answers the fallback, so no input crashes the server.
 * - Do NOT call `connection.onInitialized`, `onDidOpen/Change/CloseTextDocument`,
 *   `onDidChangeWatchedFiles`, `onDidChangeConfiguration`, `workspace.onDidChangeWorkspaceFolders`,
 *   `onShutdown` or `onExit`: the framework owns these single-handler notifications. Use
 *   `ctx.onInitialized`, `ctx.documents.onDid…`, `ctx.settings.onDidChange` and
 *   `ctx.onModelChanged` instead.
 * - Files are identified by keys (`ctx.uriToKey(params.textDocument.uri)`); answer with
 *   `ctx.keyToUri(key)`. Findings, models and ParsedFiles use keys.
 */
export interface ServerContext {
  connection: Connection;
  /** The open documents (synchronised incrementally). */
  documents: TextDocuments<TextDocument>;
  clientCapabilities: ClientCapabilities;
  /**
   * Every ISMS file and the last check of each root: `index.parsed(key)` (latest text),
   * `index.model(key)` (model of the file's root), `index.fileCheck(key)` (what is shown),
   * `index.groups()`, `index.summaries()`, `await index.settled()` (no check pending).
   */
  index: WorkspaceIndex;
  /** `isms` settings per scope (`await settings.get(scopeUri)`), `settings.onDidChange(listener)`. */
  settings: SettingsStore;
  log: Logger;
  /** The key of a client URI (its normal form). */
  uriToKey(uri: string): string;
  /** The client URI of a key. */
  keyToUri(key: string): string;
  /** Calls `listener` after every re-check that changed something (after diagnostics were computed). */
  onModelChanged(listener: (event: ModelChangeEvent) => void): Disposable;
  /** Calls `listener` once the client sent `initialized` (dynamic registrations go here). */
  onInitialized(listener: () => void): void;
  /**
   * Wraps a handler so that it never throws or rejects: an error is logged once per handler and
   * message, and `fallback` is answered instead. Cancellation errors pass through.
   */
  guard<A extends unknown[], R>(name: string, handler: (...args: A) => R | Promise<R>, fallback: R): (...args: A) => Promise<R>;
}
