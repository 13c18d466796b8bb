import * as vscode from "vscode";
import type { IsmsViewStore } from "./views/view-store";

/**
 * The status bar item: `ISMS: 3 errors · 2 overdue` (errors found, actions past due), else
 * `ISMS: 4 warnings`, else a check mark. Follows the store (which follows the server's
 * `isms/modelChanged` and `isms/views`); clicking it opens the ISMS Overview view.
 */
export function createStatusBar(store: IsmsViewStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem("isms.status", vscode.StatusBarAlignment.Left, 10);
  item.name = "ISMS Workbench";
  item.command = "isms.overview.focus";
  item.text = "$(sync~spin) ISMS";
  item.tooltip = "ISMS Workbench: checking…";
  item.show();
  const update = () => {
    const summary = store.summary;
    if (!summary) return;
    const { errors, warnings, infos, files } = summary;
    const overdue = store.overdueActions;
    const parts = [errors > 0 && count(errors, "error"), overdue > 0 && `${overdue} overdue`].filter((p): p is string => typeof p === "string");
    if (parts.length === 0 && warnings > 0) parts.push(count(warnings, "warning"));
    item.text = parts.length === 0 ? "$(check) ISMS" : `$(shield) ISMS: ${parts.join(" · ")}`;
    const roots = store.state === "none" ? " No ISMS root (isms.yaml) in the workspace." : "";
    item.tooltip = `ISMS Workbench: ${count(errors, "error")}, ${count(warnings, "warning")}, ${infos} info in ${count(files, "file")}; ${overdue} overdue action${overdue === 1 ? "" : "s"}.${roots} Click to open the ISMS overview.`;
  };
  const listener = store.onDidChange(update);
  return vscode.Disposable.from(item, listener);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
