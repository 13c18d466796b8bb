import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { FolderWatcher } from "../node/folder-watcher";
import type { Feature, ServerContext } from "./feature";
import { FEATURES } from "./features/index";
import { describeError, Logger } from "./logger";
import { SettingsStore } from "./settings";
import { keyToPath, UriMap } from "./uri";
import { DEFAULT_DEBOUNCE_MS, WorkspaceIndex, type ModelChangeEvent } from "./workspace-index";

/** Options a client may pass in `initializationOptions` (all optional; meant for tests and tuning). */
export interface IsmsInitializationOptions {
  /** Quiet time after the last edit before a re-check, in ms (default 150). */
  debounceMs?: number;
}

/**
 * Runs the ISMS language server on a connection: capability negotiation from the
 * {@link FEATURES} registry, the workspace index (disk + open documents), settings, and the
 * features' handlers. Returns once the connection listens.
 */
export function startServer(connection: Connection, features: readonly Feature[] = FEATURES): void {
  const log = new Logger(connection.console);
  installProcessGuards(log);
  const documents = new TextDocuments(TextDocument);
  const uris = new UriMap();
  const initializedListeners: (() => void)[] = [];
  let index: WorkspaceIndex | undefined;
  let settings: SettingsStore | undefined;
  let params: InitializeParams | undefined;
  let watcher: DiskWatch | undefined;

  const guard = <A extends unknown[], R>(name: string, handler: (...args: A) => R | Promise<R>, fallback: R) => {
    return async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) throw error;
        log.failure(name, error);
        return fallback;
      } finally {
        // The reply is written at a later turn of the event loop: a running check lets it out first.
        index?.answered();
      }
    };
  };
  const safely = (name: string, action: () => void) => {
    try {
      action();
    } catch (error) {
      log.failure(name, error);
    }
  };

  connection.onInitialize((initParams): InitializeResult => {
    params = initParams;
    const clientCapabilities = initParams.capabilities ?? {};
    const options = (initParams.initializationOptions ?? {}) as IsmsInitializationOptions;
    settings = new SettingsStore(connection, log, clientCapabilities.workspace?.configuration === true);
    const ix = new WorkspaceIndex({
      log,
      settings,
      uris,
      debounceMs: typeof options.debounceMs === "number" && Number.isFinite(options.debounceMs) ? options.debounceMs : DEFAULT_DEBOUNCE_MS,
    });
    index = ix;

    documents.onDidOpen((e) => safely("Opening a document", () => ix.openDocument(uris.toKey(e.document.uri), e.document.getText(), e.document.version)));
    documents.onDidChangeContent((e) => safely("Updating a document", () => ix.changeDocument(uris.toKey(e.document.uri), e.document.getText(), e.document.version)));
    documents.onDidClose((e) => safely("Closing a document", () => ix.closeDocument(uris.toKey(e.document.uri))));
    settings.onDidChange(() => ix.recheckAll());

    const ctx: ServerContext = {
      connection,
      documents,
      clientCapabilities,
      index: ix,
      settings,
      log,
      uriToKey: (uri) => uris.toKey(uri),
      keyToUri: (key) => uris.toUri(key),
      onModelChanged: (listener: (event: ModelChangeEvent) => void) => ({ dispose: ix.onDidCheck(listener) }),
      onInitialized: (listener) => void initializedListeners.push(listener),
      guard,
    };

    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const feature of features) {
      try {
        mergeInto(capabilities as Record<string, unknown>, feature.capabilities(clientCapabilities) as Record<string, unknown>);
        feature.register(ctx);
      } catch (error) {
        log.failure(`Starting feature ${feature.name ?? "(unnamed)"}`, error);
      }
    }
    return { capabilities, serverInfo: { name: "ISMS Workbench" } };
  });

  connection.onInitialized(() => {
    const caps = params?.capabilities ?? {};
    const folders = params?.workspaceFolders ?? (params?.rootUri ? [{ uri: params.rootUri, name: "" }] : []);
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: "**/*.{yaml,yml}" }, { globPattern: "**/*", kind: WatchKind.Create | WatchKind.Delete }],
        })
        .catch((error: unknown) => log.failure("Registering the file watcher", error));
    } else if (index) {
      watcher = watchDiskItself(index, folders, log);
    }
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: "isms" }).catch((error: unknown) => log.failure("Registering for settings changes", error));
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) =>
        safely("Changing workspace folders", () => {
          index?.removeFolders(e.removed.map((f) => f.uri));
          void index?.addFolders(e.added.map((f) => f.uri));
          watcher?.foldersChanged(
            e.added.map((f) => f.uri),
            e.removed.map((f) => f.uri),
          );
        }),
      );
    }
    void index?.setFolders(folders);
    for (const listener of initializedListeners) safely("An initialized listener", listener);
  });

  connection.onDidChangeWatchedFiles((p) => safely("Handling file changes", () => void index?.filesChanged(p.changes ?? [])));
  connection.onDidChangeConfiguration((p) => safely("Handling a settings change", () => settings?.changed(p?.settings)));
  connection.onShutdown(() => {
    watcher?.dispose();
    index?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** The server's own watch of the disk, kept in step with the workspace folders and ISMS roots. */
interface DiskWatch {
  foldersChanged(added: readonly string[], removed: readonly string[]): void;
  dispose(): void;
}

/**
 * Watches the disk for a client that cannot watch files for the server: every ISMS root below
 * (recursively) and the workspace folders themselves (their own entries, so a new `isms.yaml` or
 * root folder is seen), updated after each check as roots appear and go. Changes go to the
 * index as `workspace/didChangeWatchedFiles` would.
 */
function watchDiskItself(index: WorkspaceIndex, initialFolders: readonly { uri: string }[], log: Logger): DiskWatch {
  const folderPaths = new Set(initialFolders.map((f) => keyToPath(f.uri)).filter((p): p is string => p !== undefined));
  const watcher = new FolderWatcher(
    (changes) => void index.filesChanged(changes.map((c) => ({ uri: URI.file(c.path).toString(), type: c.type }))),
    (path, reason) => log.once("warn", `Cannot watch ${path} for changes: ${reason}`),
  );
  const update = () => {
    const roots = index
      .groups()
      .filter((g) => g.isRoot)
      .map((g) => keyToPath(g.root))
      .filter((p): p is string => p !== undefined);
    watcher.watch([...[...folderPaths].map((path) => ({ path, recursive: false })), ...roots.map((path) => ({ path, recursive: true }))]);
  };
  const stop = index.onDidCheck(update);
  update();
  return {
    foldersChanged(added, removed) {
      for (const uri of removed) folderPaths.delete(keyToPath(uri) ?? "");
      for (const uri of added) {
        const path = keyToPath(uri);
        if (path) folderPaths.add(path);
      }
      update();
    },
    dispose() {
      stop();
      watcher.dispose();
    },
  };
}

/**
 * Merges `source` into `target`: plain objects key by key (recursively), arrays concatenated
 * (without duplicates), other values replaced.
 */
export function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source ?? {})) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...new Set([...existing, ...value])];
    else if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
    else if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      mergeInto(copy, value);
      target[key] = copy;
    } else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

let guardsInstalled = false;

/** Logs unhandled rejections and uncaught exceptions (once per message) instead of dying. */
function installProcessGuards(log: Logger): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  process.on("unhandledRejection", (reason) => log.once("error", `Unhandled rejection: ${describeError(reason)}`));
  process.on("uncaughtException", (error) => log.once("error", `Uncaught exception: ${describeError(error)}`));
}
