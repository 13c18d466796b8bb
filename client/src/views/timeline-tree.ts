import type * as vscode from "vscode";
import type { RootViews, TimelineViewItem } from "@protocol";
import { icon, joined, personLabel, plural, recordLabel, tooltip } from "./presentation";
import type { NodeSpec } from "./view-node";

/** The Audits & Reviews view: internal audits and management reviews, newest first. */
export function timelineNodes(root: RootViews): NodeSpec[] {
  return root.timeline.map((t) => {
    const what = t.kind === "audit" ? "Internal audit" : "Management review";
    const counts = t.kind === "audit" ? t.findings !== undefined && plural(t.findings, "finding") : t.decisions !== undefined && plural(t.decisions, "decision");
    return {
      key: `${t.kind}:${t.id}`,
      label: recordLabel(t.id, t.title ?? (t.kind === "review" ? what : undefined)),
      description: joined(t.date ?? "no date", t.state, t.state === "completed" && counts),
      icon: stateIcon(t),
      tooltip: tooltip(recordLabel(t.id, t.title, ": "), [
        ["Kind", `${what} (${t.kind === "audit" ? "9.2" : "9.3"})`],
        ["Date", t.date],
        ["State", t.state],
        ["Auditor", personLabel(t.auditor)],
        ["Findings", t.findings === undefined ? undefined : String(t.findings)],
        ["Decisions", t.decisions === undefined ? undefined : String(t.decisions)],
      ]),
      contextValue: `record.${t.kind}`,
      recordId: t.id,
      location: t.location,
    };
  });
}

/** Planned: a calendar; cancelled: a slashed circle; held: a checklist (audit) or a discussion (review). */
function stateIcon(t: TimelineViewItem): vscode.ThemeIcon {
  if (t.state === "planned") return icon("calendar", "charts.blue");
  if (t.state === "cancelled") return icon("circle-slash", "disabledForeground");
  return t.kind === "audit" ? icon("checklist", "charts.green") : icon("comment-discussion", "charts.green");
}
