import type * as vscode from "vscode";
import type { RootViews, SoaViewItem } from "@protocol";
import { icon, joined, personLabel, recordLabel, tooltip, words } from "./presentation";
import type { NodeSpec } from "./view-node";

/** The Statement of Applicability view: the four Annex A themes, each control with its status. */
export function soaNodes(root: RootViews): NodeSpec[] {
  const themes: NodeSpec[] = root.soa.themes.map((theme) => {
    const missing = theme.controls.filter((c) => c.missing).length;
    const untraced = theme.controls.filter((c) => c.untraced).length;
    const label = `${theme.prefix} ${theme.theme}`;
    return {
      key: theme.prefix,
      label,
      description: joined(`${theme.implemented}/${theme.applicable} implemented`, missing > 0 && `${missing} missing`, untraced > 0 && `${untraced} untraced`),
      icon: missing > 0 ? icon("error", "problemsErrorIcon.foreground") : untraced > 0 ? icon("warning", "problemsWarningIcon.foreground") : icon("symbol-folder"),
      tooltip: tooltip(label, [
        ["Controls", String(theme.controls.length)],
        ["Applicable", String(theme.applicable)],
        ["Implemented", String(theme.implemented)],
        ["Missing from the SoA", missing > 0 ? String(missing) : undefined],
        ["Untraced", untraced > 0 ? String(untraced) : undefined],
      ]),
      contextValue: "group",
      children: theme.controls.map(controlNode),
    };
  });
  for (const catalog of root.soa.catalogs) {
    const applicable = catalog.controls.filter((c) => c.applicable === true);
    const implemented = applicable.filter((c) => c.status === "implemented").length;
    themes.push({
      key: `catalog:${catalog.id ?? catalog.title}`,
      label: catalog.title,
      description: `${implemented}/${applicable.length} implemented`,
      icon: icon("library"),
      tooltip: tooltip(catalog.title, [
        ["Catalog", catalog.id],
        ["Controls in the SoA", String(catalog.controls.length)],
      ]),
      contextValue: "group",
      children: catalog.controls.map(controlNode),
    });
  }
  if (root.soa.other.length > 0) {
    themes.push({
      key: "other",
      label: "Not Annex A or catalog controls",
      description: String(root.soa.other.length),
      icon: icon("question"),
      contextValue: "group",
      children: root.soa.other.map(controlNode),
    });
  }
  return themes;
}

function controlNode(c: SoaViewItem): NodeSpec {
  return {
    key: c.control,
    label: recordLabel(c.control, c.title),
    description: statusText(c),
    icon: statusIcon(c),
    tooltip: tooltip(
      recordLabel(c.control, c.title, ": "),
      [
        ["Applicable", c.missing ? undefined : c.applicable === undefined ? "not decided" : c.applicable ? "yes" : "no"],
        ["Status", c.status ? words(c.status) : undefined],
        ["Owner", personLabel(c.owner)],
        ["Sources", c.sources.join(", ")],
        ["Risks", c.risks.join(", ")],
        ["Justification", c.justification],
      ],
      c.missing
        ? "Missing from the Statement of Applicability: every Annex A control needs an entry (6.1.3 d)."
        : c.untraced
          ? "Untraced: no risk lists this control and its sources name no risk, requirement or interested party."
          : undefined,
    ),
    contextValue: "record.control",
    recordId: c.control,
    location: c.location,
  };
}

function statusText(c: SoaViewItem): string {
  if (c.missing) return "missing from the SoA";
  if (c.applicable === false) return "excluded";
  return joined(c.untraced && "untraced", c.status ? words(c.status) : "no status", personLabel(c.owner));
}

/**
 * Missing: error; untraced: warning; implemented: filled check; excluded: slashed circle;
 * any other status (partially implemented, planned, not implemented, none): an empty circle.
 */
function statusIcon(c: SoaViewItem): vscode.ThemeIcon {
  if (c.missing) return icon("error", "problemsErrorIcon.foreground");
  if (c.untraced) return icon("warning", "problemsWarningIcon.foreground");
  if (c.applicable === false) return icon("circle-slash", "disabledForeground");
  if (c.status === "implemented") return icon("pass-filled", "charts.green");
  return icon("circle-large-outline", c.status === "partially-implemented" ? "charts.yellow" : undefined);
}
