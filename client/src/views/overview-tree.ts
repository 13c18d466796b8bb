import type { OverviewViewData, RootViews, ViewCadence } from "@protocol";
import { countsText, healthIcon, icon, joined, levelIcon, plural, relativeDays, tooltip } from "./presentation";
import type { NodeSpec } from "./view-node";

/**
 * The Overview view: the certification readiness verdict, the findings by Plan-Do-Check-Act phase and area (down to each finding),
 * then when the next management review and internal audit are due, the improvement loop of the
 * last 12 months, the share of applicable controls implemented and the risks per level.
 */
export function overviewNodes(root: RootViews): NodeSpec[] {
  const o = root.overview;
  return [
    readinessNode(o),
    ...phaseNodes(o),
    cadenceNode("Next management review", "review", o.managementReview),
    cadenceNode("Next internal audit", "audit", o.internalAudit),
    ...improvementNodes(o),
    leadershipNode(o),
    controlsNode(o),
    riskLevelsNode(o),
  ];
}

/** The readiness verdict of the readiness report, with what it does not cover. */
function readinessNode(o: OverviewViewData): NodeSpec {
  const r = o.readiness;
  const notCovered = joined(r.mutedFindings > 0 && `${plural(r.mutedFindings, "muted finding")} not covered`, r.clausesNotTracked > 0 && `${plural(r.clausesNotTracked, "clause")} not tracked`);
  return {
    key: "readiness",
    label: "Certification readiness",
    description: r.verdict,
    icon: r.overall === "ready" ? icon("pass-filled", "charts.green") : r.overall === "not-tracked" ? icon("info") : icon("warning", "problemsWarningIcon.foreground"),
    tooltip: tooltip(
      "Certification readiness",
      [
        ["Verdict", r.verdict],
        ["Not covered", notCovered || "nothing"],
      ],
      "ISMS: Certification Readiness Report shows every clause and Annex A theme, and what this verdict does not cover.",
    ),
  };
}

function phaseNodes(o: OverviewViewData): NodeSpec[] {
  return o.findings.phases.map((phase) => ({
    key: `phase:${phase.phase}`,
    label: phase.phase,
    description: countsText(phase),
    icon: healthIcon(phase),
    tooltip: tooltip(
      `${phase.phase}: ${countsText(phase)}`,
      phase.areas.map((a) => [a.label, countsText(a)]),
    ),
    contextValue: "group",
    expanded: phase.errors + phase.warnings > 0,
    children: phase.areas.map((area) => ({
      key: area.area,
      label: area.label,
      description: countsText(area),
      icon: healthIcon(area),
      tooltip: tooltip(area.label, [
        ["Rules", `${area.area}/…`],
        ["Findings", countsText(area)],
      ]),
      contextValue: "group",
      children: area.findings.map((f) => ({
        key: `${f.rule}@${f.location.uri}:${f.location.range.start.line}`,
        label: f.message,
        description: f.rule,
        icon: healthIcon({ errors: f.severity === "error" ? 1 : 0, warnings: f.severity === "warning" ? 1 : 0, infos: f.severity === "info" ? 1 : 0 }),
        tooltip: tooltip(f.rule, [["Severity", f.severity]], f.message),
        contextValue: "finding",
        location: f.location,
      })),
    })),
  }));
}

function cadenceNode(label: string, kind: "review" | "audit", c: ViewCadence): NodeSpec {
  const what = kind === "review" ? "management review" : "internal audit";
  const due =
    c.nextDue && c.daysUntilDue !== undefined
      ? `${c.nextDue} · ${c.daysUntilDue < 0 ? `overdue since ${plural(-c.daysUntilDue, "day")}` : relativeDays(c.daysUntilDue)}`
      : `none ${kind === "review" ? "held" : "completed"} yet`;
  return {
    key: `next:${kind}`,
    label,
    description: due,
    icon: c.overdue ? icon("calendar", "problemsErrorIcon.foreground") : icon("calendar"),
    tooltip: tooltip(
      label,
      [
        ["Due", due],
        [`Last ${what}`, c.last ? `${c.last.id} on ${c.last.date}` : "none"],
        ["Cadence", `every ${plural(c.cadenceMonths, "month")}`],
        ["Next planned", c.nextPlanned ? `${c.nextPlanned.id} on ${c.nextPlanned.date}` : undefined],
      ],
      c.last ? `Click to open the last ${what}.` : undefined,
    ),
    location: c.last?.location ?? c.nextPlanned?.location,
  };
}

function improvementNodes(o: OverviewViewData): NodeSpec[] {
  const since = `since ${o.improvement.since}`;
  return [
    {
      key: "nonconformities-raised",
      label: "Nonconformities raised",
      description: `${o.improvement.nonconformitiesRaised} in the last 12 months`,
      icon: icon("issues"),
      tooltip: tooltip("Nonconformities raised (10.2)", [["Raised", `${o.improvement.nonconformitiesRaised} ${since}`]]),
    },
    {
      key: "corrective-actions-completed",
      label: "Corrective actions completed",
      description: `${o.improvement.correctiveActionsCompleted} in the last 12 months`,
      icon: icon("tools"),
      tooltip: tooltip("Corrective actions completed (10.2 c)", [["Completed", `${o.improvement.correctiveActionsCompleted} ${since}`]]),
    },
  ];
}

function controlsNode(o: OverviewViewData): NodeSpec {
  const c = o.controls;
  const share = c.implementedShare === undefined ? "no applicable control" : `${Math.round(c.implementedShare * 100)}%`;
  return {
    key: "controls",
    label: "Controls implemented",
    description: joined(share, c.applicable > 0 && `${c.implemented} of ${c.applicable} applicable`, c.partiallyImplemented > 0 && `${c.partiallyImplemented} partially`),
    icon: c.implementedShare === 1 ? icon("pass-filled", "charts.green") : icon("shield"),
    tooltip: tooltip("Applicable controls (6.1.3 d)", [
      ["Applicable", String(c.applicable)],
      ["Implemented", String(c.implemented)],
      ["Partially implemented", String(c.partiallyImplemented)],
      ["Planned", String(c.planned)],
      ["Not implemented", String(c.notImplemented)],
      ["Implemented with evidence (7.5.3)", `${c.implementedWithEvidence} of ${c.implemented}`],
      ["Evidence not found", String(c.evidenceNotFound)],
    ]),
  };
}

function leadershipNode(o: OverviewViewData): NodeSpec {
  const l = o.leadership;
  const approved = l.treatmentPlans > 0 ? `${l.treatmentPlansApproved} of ${plural(l.treatmentPlans, "treatment plan")} approved` : undefined;
  const complete = l.topManagement.length > 0 && l.conformance && l.reporting && l.lastReviewWithTopManagement !== false && l.treatmentPlansApproved === l.treatmentPlans;
  return {
    key: "leadership",
    label: "Leadership",
    description: joined(l.topManagement.length > 0 ? `top management: ${l.topManagement.join(", ")}` : "no top management marked", approved),
    icon: complete ? icon("pass-filled", "charts.green") : icon("organization"),
    tooltip: tooltip("Leadership (5.1, 5.3, 6.1.3 f, 9.3.1)", [
      ["Top management", l.topManagement.join(", ") || "nobody marked top_management: true"],
      ["Conformance of the ISMS (5.3 a)", l.conformance ?? "not assigned"],
      ["Reporting to top management (5.3 b)", l.reporting ?? "not assigned"],
      ["Top management at the last review", l.lastReviewWithTopManagement === undefined ? "no review held" : l.lastReviewWithTopManagement ? "yes" : "no"],
      ["Treatment plans approved by the risk owner", `${l.treatmentPlansApproved} of ${l.treatmentPlans}`],
    ]),
  };
}

function riskLevelsNode(o: OverviewViewData): NodeSpec {
  const total = o.riskLevels.reduce((n, l) => n + l.count, 0);
  return {
    key: "risk-levels",
    label: "Risks by level",
    description: plural(total, "risk"),
    icon: icon("graph"),
    contextValue: "group",
    expanded: true,
    children: o.riskLevels.map((l) => ({ key: l.level, label: l.level, description: String(l.count), icon: levelIcon(l.tone) })),
  };
}
