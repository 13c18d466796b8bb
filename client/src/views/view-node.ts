import type * as vscode from "vscode";
import type { ViewLocation } from "@protocol";

/**
 * What a view shows as one row, before it becomes a TreeItem: built from the view data by the
 * functions of `*-tree.ts`, plain enough to assert on in tests.
 */
export interface NodeSpec {
  /** Stable within its parent (a record id, a group name): keeps expansion and selection across refreshes. */
  key: string;
  label: string;
  description?: string;
  tooltip?: vscode.MarkdownString | string;
  /** What a screen reader says, when the label and description leave out what the icon's colour shows. */
  accessibilityLabel?: string;
  icon?: vscode.ThemeIcon;
  /** `record.<kind>` for records (their context menu offers "Copy Id"), `group` for groups. */
  contextValue?: string;
  /** Clicking the row opens the file here (`isms.revealInFile`). */
  location?: ViewLocation;
  /** The id "Copy Id" copies. */
  recordId?: string;
  /** Rows under this one; absent or empty for a leaf. */
  children?: NodeSpec[];
  /** Shown expanded the first time. */
  expanded?: boolean;
}

/** A row of a view: its spec, with an id unique within the view and its parent. */
export interface ViewNode extends NodeSpec {
  id: string;
  parent?: ViewNode;
  children?: ViewNode[];
}

/**
 * Gives every spec an id made of its ancestors' keys and its own (`High/R-001`), unique within
 * the view even when two records share an id (a `ref/duplicate-id` the views still show).
 */
export function toNodes(specs: readonly NodeSpec[], parent?: ViewNode): ViewNode[] {
  const seen = new Map<string, number>();
  return specs.map((spec) => {
    const count = seen.get(spec.key) ?? 0;
    seen.set(spec.key, count + 1);
    const key = count === 0 ? spec.key : `${spec.key}#${count + 1}`;
    const node: ViewNode = { ...spec, id: parent ? `${parent.id}/${key}` : key, parent, children: undefined };
    node.children = spec.children ? toNodes(spec.children, node) : undefined;
    return node;
  });
}
