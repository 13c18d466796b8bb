import type { NonconformityViewItem, RootViews } from "@protocol";
import { icon, joined, plural, recordLabel, tooltip } from "./presentation";
import type { NodeSpec } from "./view-node";

/** The Nonconformities view: open ones (oldest first), then closed ones. */
export function nonconformityNodes(root: RootViews): NodeSpec[] {
  const { open, closed } = root.nonconformities;
  return [
    {
      key: "open",
      label: "Open",
      description: plural(open.length, "nonconformity", "nonconformities"),
      icon: icon("issues", "charts.orange"),
      contextValue: "group",
      expanded: true,
      children: open.map(node),
    },
    {
      key: "closed",
      label: "Closed",
      description: plural(closed.length, "nonconformity", "nonconformities"),
      icon: icon("issue-closed", "charts.green"),
      contextValue: "group",
      children: closed.map(node),
    },
  ];
}

function node(nc: NonconformityViewItem): NodeSpec {
  const isOpen = nc.status !== "closed";
  return {
    key: nc.id,
    label: recordLabel(nc.id, nc.description),
    description: joined(nc.raised && `raised ${nc.raised}`, nc.closed && `closed ${nc.closed}`, nc.source, isOpen && !nc.rootCause && "no root cause yet"),
    icon: isOpen ? icon("issue-opened", "charts.orange") : icon("issue-closed", "charts.green"),
    tooltip: tooltip(recordLabel(nc.id, undefined), [
      ["Description", nc.description],
      ["Raised", nc.raised],
      ["Source", nc.source],
      ["Correction", nc.correction],
      ["Root cause", nc.rootCause ?? (isOpen ? "not recorded yet" : undefined)],
      ["Corrective actions", nc.actions.join(", ")],
      ["Status", nc.status],
      ["Closed", nc.closed],
    ]),
    contextValue: "record.nonconformity",
    recordId: nc.id,
    location: nc.location,
  };
}
