import * as vscode from "vscode";
import type { RootViews } from "@protocol";
import type { IsmsViewStore } from "./view-store";
import { toNodes, type NodeSpec, type ViewNode } from "./view-node";

/** Builds the rows of one view for one ISMS root. */
export type ViewBuilder = (root: RootViews) => NodeSpec[];

/** The command a row runs when clicked. */
export const REVEAL_COMMAND = "isms.revealInFile";

/**
 * The TreeDataProvider of one ISMS view: rebuilds its rows from the store's data whenever the
 * store changes. With one ISMS root the rows are at the top; with several, each root is a row
 * (its organization, else its folder name) holding its rows.
 */
export class IsmsTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: ViewNode[] = [];
  /** The store's data the rows were built from (the store also changes when only the summary does). */
  private builtFrom: readonly RootViews[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: IsmsViewStore,
    private readonly build: ViewBuilder,
  ) {
    this.rebuild();
    this.subscription = store.onDidChange(() => {
      if (store.roots === this.builtFrom) return;
      this.rebuild();
      this.changed.fire(undefined);
    });
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const hasChildren = (node.children?.length ?? 0) > 0;
    const state = !hasChildren ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = node.icon;
    item.contextValue = node.contextValue;
    if (node.accessibilityLabel) item.accessibilityInformation = { label: node.accessibilityLabel };
    if (node.location) {
      item.command = { command: REVEAL_COMMAND, title: "Reveal in File", arguments: [node.location] };
    }
    return item;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    return node ? (node.children ?? []) : this.nodes;
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private rebuild(): void {
    const roots = this.store.roots;
    this.builtFrom = roots;
    const specs: NodeSpec[] =
      roots.length === 1
        ? this.build(roots[0])
        : roots.map((root) => ({
            key: root.root,
            label: root.organization ?? folderName(root.root),
            description: root.organization ? folderName(root.root) : undefined,
            tooltip: vscode.Uri.parse(root.root).fsPath,
            icon: new vscode.ThemeIcon("root-folder"),
            contextValue: "root",
            children: this.build(root),
            expanded: true,
          }));
    this.nodes = toNodes(specs);
  }
}

function folderName(uri: string): string {
  const path = vscode.Uri.parse(uri).path.replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1) || uri;
}
