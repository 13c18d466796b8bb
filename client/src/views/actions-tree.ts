import type * as vscode from "vscode";
import type { ActionViewItem, RootViews } from "@protocol";
import { icon, joined, personLabel, plural, recordLabel, relativeDays, tooltip, words } from "./presentation";
import type { NodeSpec } from "./view-node";

/** The Actions view: overdue, due within 30 days, other open, and done (or cancelled) actions. */
export function actionNodes(root: RootViews): NodeSpec[] {
  const a = root.actions;
  return [
    group("overdue", "Overdue", a.overdue, icon("warning", "charts.red"), true),
    group("due-soon", "Due within 30 days", a.dueSoon, icon("clock", "charts.orange"), true),
    group("open", "Open", a.open, icon("circle-large-outline"), false),
    group("done", "Done", a.done, icon("pass", "charts.green"), false),
  ];
}

function group(key: string, label: string, actions: ActionViewItem[], groupIcon: vscode.ThemeIcon, expanded: boolean): NodeSpec {
  return { key, label, description: plural(actions.length, "action"), icon: groupIcon, contextValue: "group", expanded, children: actions.map((a) => actionNode(a, key)) };
}

function actionNode(a: ActionViewItem, group: string): NodeSpec {
  return {
    key: a.id,
    label: recordLabel(a.id, a.title),
    description: joined(personLabel(a.owner), when(a)),
    icon: actionIcon(a, group),
    tooltip: tooltip(recordLabel(a.id, a.title, ": "), [
      ["Type", a.type],
      ["Owner", personLabel(a.owner)],
      ["Status", a.status ? words(a.status) : "open (no status)"],
      ["Due", a.due && a.daysUntilDue !== undefined ? `${a.due} (${relativeDays(a.daysUntilDue)})` : a.due],
      ["Completed", a.completed],
      ["Answers", a.source],
    ]),
    contextValue: "record.action",
    recordId: a.id,
    location: a.location,
  };
}

/** "due 2026-10-15, 46 days overdue", "due 2026-12-11, in 11 days", "done 2026-04-22", "cancelled". */
function when(a: ActionViewItem): string | undefined {
  if (a.status === "cancelled") return "cancelled";
  if (a.status === "done") return a.completed ? `done ${a.completed}` : "done";
  if (!a.due || a.daysUntilDue === undefined) return "no due date";
  return a.daysUntilDue < 0 ? `due ${a.due}, ${plural(-a.daysUntilDue, "day")} overdue` : `due ${a.due}, ${relativeDays(a.daysUntilDue)}`;
}

function actionIcon(a: ActionViewItem, group: string): vscode.ThemeIcon {
  if (a.status === "cancelled") return icon("circle-slash", "disabledForeground");
  if (group === "done") return icon("pass", "charts.green");
  if (group === "overdue") return icon("warning", "charts.red");
  if (group === "due-soon") return icon("clock", "charts.orange");
  return icon(a.status === "in-progress" ? "play-circle" : "circle-large-outline");
}
