import * as assert from "node:assert/strict";
import * as vscode from "vscode";

/** The workspace folder the tests run on (a copy of examples/acme). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "a workspace folder is open");
  return folder.uri;
}

/** The URI of a file of the workspace by relative path. */
export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split("/"));
}

/** Activates the extension and returns its exports. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension("isms-workbench.isms-workbench");
  assert.ok(extension, "the ISMS Workbench extension is installed");
  await extension.activate();
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

/** The ISMS diagnostics of every file, as `relative/path rule line` strings, sorted. */
export function ismsDiagnostics(): string[] {
  const root = workspaceRoot().path;
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) =>
      diagnostics.filter((d) => d.source === "isms").map((d) => `${uri.path.slice(root.length + 1)} ${typeof d.code === "object" ? String(d.code.value) : String(d.code)} ${d.range.start.line + 1}`),
    )
    .sort();
}

/** The position of the `occurrence`-th match of `text` in a document (at its first character). */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 1): vscode.Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = document.getText().indexOf(text, index + 1);
    assert.ok(index >= 0, `"${text}" occurs ${occurrence} times in ${document.uri.path}`);
  }
  return document.positionAt(index);
}
