import type { RiskViewItem, RootViews, ViewRating } from "@protocol";
import { joined, levelIcon, personLabel, plural, recordLabel, tooltip } from "./presentation";
import type { NodeSpec } from "./view-node";

/** The Risks view: one row per level (highest first), its risks by score. */
export function riskNodes(root: RootViews): NodeSpec[] {
  return root.risks.map((group) => ({
    key: group.level,
    label: group.level,
    description: plural(group.risks.length, "risk"),
    icon: levelIcon(group.tone),
    contextValue: "group",
    expanded: group.risks.length > 0 && group.tone !== "green",
    children: group.risks.map(riskNode),
  }));
}

function riskNode(risk: RiskViewItem): NodeSpec {
  const label = recordLabel(risk.id, risk.title);
  const description = joined(personLabel(risk.owner), risk.treatment, scores(risk));
  return {
    key: risk.id,
    label,
    description,
    accessibilityLabel: `${label}, ${risk.inherent.level ?? "unrated"} risk, ${description}`,
    icon: levelIcon(risk.inherent.tone),
    tooltip: tooltip(
      recordLabel(risk.id, risk.title, ": "),
      [
        ["Owner", personLabel(risk.owner)],
        ["Treatment", risk.treatment ?? "none decided"],
        ["Inherent", rating(risk.inherent)],
        ["Residual", risk.residual ? rating(risk.residual) : undefined],
        ["Controls", risk.controls.join(", ")],
        ["Actions", risk.actions.join(", ")],
      ],
      risk.aboveAcceptance ? "Above the acceptance threshold of the methodology." : undefined,
    ),
    contextValue: "record.risk",
    recordId: risk.id,
    location: risk.location,
  };
}

/** "12 → 6", "12", or nothing for an unrated risk. */
function scores(risk: RiskViewItem): string | undefined {
  if (risk.inherent.score === undefined) return "unrated";
  return risk.residual?.score !== undefined ? `${risk.inherent.score} → ${risk.residual.score}` : String(risk.inherent.score);
}

/** "likelihood 3 × impact 4 = 12 (High)". */
function rating(r: ViewRating): string {
  const li = `likelihood ${r.likelihood ?? "?"} × impact ${r.impact ?? "?"}`;
  return r.score === undefined ? `${li}, not rated` : `${li} = ${r.score}${r.level ? ` (${r.level})` : ""}`;
}
