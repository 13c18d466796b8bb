import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ModelChangedNotification } from "../../server/src/protocol";

/**
 * The status bar item: `ISMS: 3 errors · 2 warnings`, or a check mark when the ISMS is clean.
 * Updated from the server's `isms/modelChanged` notification; clicking it opens the Problems panel.
 */
export function createStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem("isms.status", vscode.StatusBarAlignment.Left, 10);
  item.name = "ISMS Workbench";
  item.command = "workbench.actions.view.problems";
  item.text = "$(sync~spin) ISMS";
  item.tooltip = "ISMS Workbench: checking…";
  item.show();
  const listener = client.onNotification(ModelChangedNotification.type, (params) => {
    const { errors, warnings, infos, files } = params;
    item.text = errors + warnings === 0 ? "$(check) ISMS" : `$(shield) ISMS: ${errors} error${errors === 1 ? "" : "s"} · ${warnings} warning${warnings === 1 ? "" : "s"}`;
    item.tooltip = `ISMS Workbench: ${errors} errors, ${warnings} warnings, ${infos} info in ${files} files. Click to open the Problems panel.`;
  });
  return vscode.Disposable.from(item, listener);
}
