import type { RegisterViewGroup, RegisterViewItem, RootViews } from "@protocol";
import { icon, joined, recordLabel, tooltip } from "./presentation";
import type { NodeSpec } from "./view-node";

/** Icons of the registers, by key. */
const GROUP_ICON: Record<RegisterViewGroup["key"], string> = {
  competence: "mortar-board",
  awareness: "megaphone",
  measures: "graph",
  suppliers: "package",
  incidents: "flame",
};

/** The Registers view: competence, awareness, measures, suppliers and incidents, each record with its state. */
export function registerNodes(root: RootViews): NodeSpec[] {
  return root.registers.groups.map((group) => {
    const flagged = group.items.filter((i) => i.attention).length;
    return {
      key: group.key,
      label: group.label,
      description: joined(group.present ? `${group.items.length}` : "not kept", flagged > 0 && `${flagged} need attention`, group.clause),
      icon: flagged > 0 ? icon("warning", "problemsWarningIcon.foreground") : icon(GROUP_ICON[group.key]),
      tooltip: tooltip(`${group.label} (${group.clause})`, [
        ["Records", String(group.items.length)],
        ["Needing attention", flagged > 0 ? String(flagged) : undefined],
        ["Register", group.present ? undefined : "no document of this kind yet"],
      ]),
      contextValue: "group",
      children: group.items.map((item) => itemNode(group, item)),
    };
  });
}

function itemNode(group: RegisterViewGroup, item: RegisterViewItem): NodeSpec {
  return {
    key: `${group.key}:${item.id}`,
    label: recordLabel(item.id, item.title),
    description: item.state,
    icon: item.attention ? icon("warning", "problemsWarningIcon.foreground") : icon(GROUP_ICON[group.key]),
    tooltip: tooltip(recordLabel(item.id, item.title), [["State", item.state], ...item.details]),
    contextValue: `record.${group.key}`,
    recordId: item.id,
    location: item.location,
  };
}
