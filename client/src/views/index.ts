import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { actionNodes } from "./actions-tree";
import { nonconformityNodes } from "./nonconformities-tree";
import { overviewNodes } from "./overview-tree";
import { registerNodes } from "./registers-tree";
import { riskNodes } from "./risks-tree";
import { soaNodes } from "./soa-tree";
import { timelineNodes } from "./timeline-tree";
import { IsmsTreeProvider, type ViewBuilder } from "./tree-provider";
import type { ViewNode } from "./view-node";
import { IsmsViewStore } from "./view-store";

export { IsmsViewStore } from "./view-store";
export type { ViewNode } from "./view-node";
export type { IsmsTreeProvider } from "./tree-provider";

/** The views of the "ISMS" activity-bar container, by key, with their ids in package.json. */
export const VIEWS = {
  overview: { id: "isms.overview", build: overviewNodes },
  risks: { id: "isms.risks", build: riskNodes },
  soa: { id: "isms.soa", build: soaNodes },
  actions: { id: "isms.actions", build: actionNodes },
  timeline: { id: "isms.timeline", build: timelineNodes },
  nonconformities: { id: "isms.nonconformities", build: nonconformityNodes },
  registers: { id: "isms.registers", build: registerNodes },
} as const satisfies Record<string, { id: string; build: ViewBuilder }>;

export type ViewKey = keyof typeof VIEWS;

/**
 * The ISMS tree views: the store that follows the server's model, a TreeDataProvider and a
 * TreeView per view, and the view commands (`isms.refreshViews`, `isms.copyId`). Exported by
 * `activate` for the integration tests.
 */
export class IsmsTreeViews implements vscode.Disposable {
  readonly store: IsmsViewStore;
  readonly providers: Record<ViewKey, IsmsTreeProvider>;
  readonly treeViews: Record<ViewKey, vscode.TreeView<ViewNode>>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(client: LanguageClient, output: vscode.OutputChannel) {
    this.store = new IsmsViewStore(client, output);
    const keys = Object.keys(VIEWS) as ViewKey[];
    this.providers = Object.fromEntries(keys.map((key) => [key, new IsmsTreeProvider(this.store, VIEWS[key].build)])) as Record<ViewKey, IsmsTreeProvider>;
    this.treeViews = Object.fromEntries(
      keys.map((key) => [key, vscode.window.createTreeView(VIEWS[key].id, { treeDataProvider: this.providers[key], showCollapseAll: key !== "overview" && key !== "timeline" })]),
    ) as Record<ViewKey, vscode.TreeView<ViewNode>>;
    this.disposables.push(
      this.store,
      ...Object.values(this.providers),
      ...Object.values(this.treeViews),
      vscode.commands.registerCommand("isms.refreshViews", () => this.store.refresh()),
      vscode.commands.registerCommand("isms.copyId", (node?: ViewNode) => copyId(node ?? this.selected())),
    );
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** The row selected in a visible view (for "Copy Id" run without a row). */
  private selected(): ViewNode | undefined {
    return Object.values(this.treeViews).find((v) => v.visible && v.selection.length > 0)?.selection[0];
  }
}

async function copyId(node: ViewNode | undefined): Promise<void> {
  if (!node?.recordId) return;
  await vscode.env.clipboard.writeText(node.recordId);
  vscode.window.setStatusBarMessage(`Copied ${node.recordId}`, 2000);
}
