import * as vscode from "vscode";
import type { ModelChangedParams } from "@protocol";

/** What the report commands need to know about the model: the last summary, and when it changes. */
export interface ModelSource {
  /** The summary of the last `isms/modelChanged`, if one came. */
  readonly summary: ModelChangedParams | undefined;
  /** Fires after the model (or what the client knows of it) changed. */
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The ISMS root a report is about: the root holding the active editor's file, else the root of
 * a visible editor's file (a webview has the focus), else the first root (`undefined` lets the
 * server pick its first root, e.g. before the first summary came).
 */
export function activeRoot(model: ModelSource): string | undefined {
  const roots = (model.summary?.roots ?? []).filter((r) => r.isRoot).map((r) => r.root);
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
  for (const editor of editors) {
    const uri = editor?.document.uri.toString();
    if (uri === undefined) continue;
    const holding = roots.filter((root) => uri.startsWith(root.endsWith("/") ? root : `${root}/`)).sort((a, b) => b.length - a.length);
    if (holding.length > 0) return holding[0];
  }
  return roots[0];
}
