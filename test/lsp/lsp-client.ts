/**
 * A small Language Server Protocol client for tests: spawns the BUILT server (`dist/server.js
 * --stdio`), speaks JSON-RPC to it, records what it publishes, and answers its requests
 * (`workspace/configuration` from given settings, capability registrations).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams, Registration } from "vscode-languageserver-protocol";
import { URI } from "vscode-uri";
import { buildDist } from "../helpers/build-dist";
import { withEvidenceFiles, type Files } from "../helpers/minimal-isms";

export const REPO_ROOT = typeof __dirname !== "undefined" ? resolve(__dirname, "..", "..") : resolve(".");
export const SERVER_JS = join(REPO_ROOT, "dist", "server.js");

/**
 * How long a wait for the server may take before the test fails (ms). Waits end as soon as what
 * they wait for happens, so this only stops a test whose server hangs: generous, for busy machines.
 */
export const WAIT_MS = 60_000;

/** Builds dist/ once per test process: see {@link buildDist}. */
export const buildServer = buildDist;

/** Writes `files` (path → text) into a new temporary folder and returns its path. */
export function writeWorkspace(files: Files, prefix = "isms-lsp-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFiles(dir, withEvidenceFiles(files));
  return dir;
}

/** Writes `files` (path relative to `dir` → text). */
export function writeFiles(dir: string, files: Files): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** Removes a temporary folder. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The `file:` URI of a path, as VS Code spells it. */
export function fileUri(path: string): string {
  return URI.file(path).toString();
}

/** `isms` settings for a scope (a workspace folder URI, or undefined for the global settings). */
export type SettingsProvider = (scopeUri: string | undefined) => unknown;

export interface StartOptions {
  /** Workspace folder paths. */
  folders: string[];
  /** `isms` settings answered to `workspace/configuration` (default: `{ today: "2026-11-30" }`). */
  settings?: unknown | SettingsProvider;
  /** Default `{ debounceMs: 0 }`: each change is checked at once, so waits end sooner (the debounce has its own unit tests). */
  initializationOptions?: unknown;
  /** Environment of the server process (default: this process's, without ISMS_TODAY). */
  env?: NodeJS.ProcessEnv;
  capabilities?: ClientCapabilities;
  /** How to talk to the server: `--stdio` (default) or `--node-ipc`. */
  transport?: "stdio" | "ipc";
  /** Options for the server's Node.js process, before the script (e.g. `--cpu-prof`). */
  nodeOptions?: string[];
  /** Another server to start instead of ours: its script and arguments (run with this Node.js), e.g. a peer for benchmarks. */
  serverArgs?: string[];
  /** Answers to `workspace/configuration` for sections other than `isms`, by section (default: null). */
  sections?: Record<string, unknown>;
}

/** Every client capability the server uses. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
};

export class LspClient {
  /** The last diagnostics published per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order. */
  readonly publications: PublishDiagnosticsParams[] = [];
  /** Every notification that is not diagnostics or a log line: method and params. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Log lines of the server (window/logMessage). */
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  configurationRequests = 0;
  stderr = "";
  private settings: SettingsProvider;
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    settings: unknown | SettingsProvider,
    sections: Record<string, unknown> = {},
  ) {
    this.settings = toProvider(settings);
    process.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    process.on("exit", () => {
      this.exited = true;
      this.wake();
    });
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publications.push(params);
      this.wake();
    });
    connection.onNotification("window/logMessage", (params: { message: string }) => {
      this.logs.push(params.message);
    });
    connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    connection.onRequest("workspace/configuration", (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === "isms" ? this.settings(item.scopeUri) : (sections[item.section ?? ""] ?? null)));
    });
    connection.onRequest("client/registerCapability", (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest("client/unregisterCapability", () => null);
    connection.onRequest("window/workDoneProgress/create", () => null);
    connection.onRequest("workspace/diagnostic/refresh", () => null);
    connection.listen();
  }

  /** Spawns the built server, initializes it with the workspace folders, and sends `initialized`. */
  static async start(options: StartOptions): Promise<LspClient> {
    const env = { ...(options.env ?? process.env) };
    if (!options.env) delete env.ISMS_TODAY;
    const ipc = options.transport === "ipc";
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), ...(options.serverArgs ?? [SERVER_JS, ipc ? "--node-ipc" : "--stdio"])], {
      stdio: ["pipe", "pipe", "pipe", ...(ipc ? ["ipc" as const] : [])],
      env,
    });
    const connection = ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    if (ipc) child.stdout?.resume();
    const client = new LspClient(child, connection, options.settings ?? { today: "2026-11-30" }, options.sections);
    try {
      await client.withTimeout(
        connection.sendRequest("initialize", {
          processId: process.pid,
          rootUri: options.folders[0] ? fileUri(options.folders[0]) : null,
          capabilities: options.capabilities ?? FULL_CAPABILITIES,
          workspaceFolders: options.folders.map((f, i) => ({ uri: fileUri(f), name: `folder${i}` })),
          initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
        }),
        WAIT_MS,
        "initialize",
      );
      await connection.sendNotification("initialized", {});
    } catch (error) {
      client.kill();
      throw error;
    }
    return client;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return !this.exited && this.process.exitCode === null;
  }

  /**
   * Changes the settings answered from now on and tells the server
   * (`workspace/didChangeConfiguration` with `pushed` as its settings, for clients that push them).
   */
  async setSettings(settings: unknown | SettingsProvider, pushed: unknown = null): Promise<void> {
    this.settings = toProvider(settings);
    await this.connection.sendNotification("workspace/didChangeConfiguration", { settings: pushed });
  }

  /** The last diagnostics of a URI ([] when none were published). */
  diagnosticsOf(uri: string): Diagnostic[] {
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  /**
   * Waits until the last diagnostics published for `uri` satisfy `predicate` (checked at once
   * against what is already there, then on every publication). Rejects after `timeout` ms with the
   * last diagnostics in the message.
   */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams | undefined) => boolean, timeout = WAIT_MS): Promise<Diagnostic[]> {
    return this.waitFor(
      () => {
        const params = this.diagnostics.get(uri);
        return predicate(params?.diagnostics ?? [], params) ? (params?.diagnostics ?? []) : undefined;
      },
      timeout,
      () => `diagnostics of ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`) ?? null)}`,
    );
  }

  /** Waits for a notification of `method` (after the `after`-th one recorded) satisfying `predicate`. */
  waitForNotification<T>(method: string, predicate: (params: T) => boolean = () => true, timeout = WAIT_MS, after = 0): Promise<T> {
    return this.waitFor(
      () => this.notifications.slice(after).find((n) => n.method === method && predicate(n.params as T))?.params as T | undefined,
      timeout,
      () => `notification ${method}`,
    );
  }

  /** Sends a request, failing after `timeout` ms. */
  request<R>(method: string, params?: unknown, timeout = WAIT_MS): Promise<R> {
    return this.withTimeout(this.connection.sendRequest<R>(method, params), timeout, method);
  }

  async open(uri: string, text: string, version = 1, languageId = "yaml"): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text of an open document; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change of an open document; returns the new version. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  /** `workspace/didChangeWatchedFiles`: type 1 created, 2 changed, 3 deleted. */
  async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification("workspace/didChangeWatchedFiles", { changes });
  }

  /** `workspace/didChangeWorkspaceFolders` with folder paths. */
  async changeFolders(added: string[], removed: string[]): Promise<void> {
    const folders = (paths: string[]) => paths.map((p) => ({ uri: fileUri(p), name: p }));
    await this.connection.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: folders(added), removed: folders(removed) } });
  }

  /** `shutdown` then `exit`; kills the process if it does not exit within 3 s. */
  async shutdown(): Promise<void> {
    if (!this.alive) return;
    try {
      await this.request("shutdown", undefined, 3000);
      await this.connection.sendNotification("exit");
      await this.waitFor(
        () => (this.alive ? undefined : true),
        3000,
        () => "server exit",
      );
    } catch {
      // fall through to kill
    } finally {
      this.kill();
    }
  }

  /** Kills the server process (no-op when it exited). */
  kill(): void {
    this.connection.dispose();
    if (this.alive) this.process.kill("SIGKILL");
  }

  private waitFor<T>(probe: () => T | undefined, timeout: number, describe: () => string): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          finish();
          reject(error);
          return true;
        }
        if (value !== undefined) {
          finish();
          resolvePromise(value);
          return true;
        }
        if (this.exited) {
          finish();
          reject(new Error(`server exited while waiting for ${describe()}\n${this.stderr}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeout} ms waiting for ${describe()}`));
      }, timeout);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => void check();
      if (!check()) this.waiters.add(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private withTimeout<T>(promise: Promise<T>, timeout: number, what: string): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeout} ms\n${this.stderr}`)), timeout);
      promise.then(
        (v) => {
          clearTimeout(timer);
          resolvePromise(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }
}

function toProvider(settings: unknown): SettingsProvider {
  return typeof settings === "function" ? (settings as SettingsProvider) : () => settings;
}

/** Diagnostics with a given rule id (`code`). */
export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The text of a range of `text` (0-based lines and UTF-16 characters). */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split("\n");
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join("\n");
}

/** What {@link useServerSuite} gives a suite of server tests. */
export interface ServerSuite {
  /** Starts the built server; it is shut down after the test. */
  start(options: StartOptions): Promise<LspClient>;
  /** A temporary workspace folder holding `files` (removed after the test), and a URI maker for its files. */
  workspace(files: Files): { dir: string; uri(path: string): string };
}

/**
 * Registers the mocha hooks every suite of server tests needs: build `dist/server.js` once before
 * the suite, and after each test shut down the clients it started and remove the workspaces it wrote.
 */
export function useServerSuite(): ServerSuite {
  const clients: LspClient[] = [];
  const dirs: string[] = [];
  before(async function () {
    await buildServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.shutdown();
    for (const dir of dirs.splice(0)) removeDir(dir);
  });
  return {
    async start(options) {
      const client = await LspClient.start(options);
      clients.push(client);
      return client;
    },
    workspace(files) {
      const dir = writeWorkspace(files);
      dirs.push(dir);
      return { dir, uri: (path: string) => fileUri(join(dir, path)) };
    },
  };
}
