import { isHexColor } from "./band-colors";
import type { HeatMapCell, HeatMapReport } from "./heat-map";
import { NONE, pageTitle, subtitle, type Cell, type CsvTable, type ReportDocument, type ReportTarget, type SummaryItem, type Table } from "./layout";
import type { ScaleLevel } from "../model/types";

const RATING_LABEL = { inherent: "Inherent (as assessed)", residual: "Residual (after treatment)" } as const;

/** The key that selects a cell of the grid: `cell:<likelihood>-<impact>`. */
export function heatMapCellKey(cell: { likelihood: number; impact: number }): string {
  return `cell:${cell.likelihood}-${cell.impact}`;
}

/**
 * Lays out the heat map: a summary with the bands as legend, the likelihood × impact grid with
 * the number of risks per cell (coloured by band), the risks of each non-empty cell, and the
 * risks the map cannot place.
 */
export function layoutHeatMap(report: HeatMapReport): ReportDocument {
  const targets: Record<string, ReportTarget> = {};
  let n = 0;
  const riskLink = (risk: { id: string; title?: string; file: string; line: number }) => {
    const key = `risk:${n++}`;
    targets[key] = { file: risk.file, line: risk.line, character: 0 };
    const text = risk.title ? `${risk.id || NONE} (${risk.title})` : risk.id || NONE;
    return { text, target: key };
  };

  const cells = report.rows.flatMap((r) => r.cells);
  const inBand = (band: number) => cells.filter((c) => c.band === band).reduce((sum, c) => sum + c.risks.length, 0);
  const summary: SummaryItem[] = [
    { label: "Rating", value: RATING_LABEL[report.rating] },
    { label: "Risks on the map", value: String(report.placed) },
    { label: "Risks not on the map", value: String(report.unplaced.length), tone: report.unplaced.length > 0 ? "warn" : undefined },
    ...report.bands.map((b, i) => ({ label: `${b.name} (score ${b.min}–${b.max})`, value: String(inBand(i)) })),
    {
      label: "Acceptance threshold",
      value: report.acceptanceMaxScore === undefined ? "not set" : `score ${report.acceptanceMaxScore} or less`,
      tone: report.acceptanceMaxScore === undefined ? "warn" : undefined,
    },
  ];

  const grid: Table = {
    id: "heat-map",
    caption: `Risks per cell: likelihood (rows) × impact (columns), ${report.rating} rating`,
    columns: [{ label: "Likelihood ↓ / impact →", rowHeader: true }, ...report.impact.map((i) => ({ label: scaleLabel(i), numeric: true }))],
    rows: report.rows.map((row) => [{ text: scaleLabel(row.likelihood) }, ...row.cells.map(gridCell)]),
    empty: "No RiskMethodology defines the likelihood and impact scales.",
    grid: true,
  };
  const occupied = cells.filter((c) => c.risks.length > 0).sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.likelihood - a.likelihood || b.impact - a.impact);
  const perCell: Table = {
    id: "heat-map-cells",
    caption: "Risks by cell, highest score first",
    columns: [{ label: "Cell", rowHeader: true }, { label: "Score", numeric: true }, { label: "Level" }, { label: "Risks" }],
    rows: occupied.map((c) => {
      const links = c.risks.map(riskLink);
      return [
        { text: `Likelihood ${c.likelihood} × impact ${c.impact}` },
        { text: c.score === undefined ? NONE : String(c.score) },
        { text: c.level ?? NONE, swatch: c.band },
        { text: links.map((l) => l.text).join("; "), list: links.map((l) => l.text), links },
      ];
    }),
    empty: "No risk is on the map.",
    rowMeta: occupied.map((c) => ({ data: { cell: heatMapCellKey(c) } })),
  };
  const tables = [grid, perCell];
  if (report.unplaced.length > 0) {
    tables.push({
      id: "heat-map-unplaced",
      caption: "Risks not on the map",
      columns: [{ label: "Risk", rowHeader: true }, { label: "Why" }],
      rows: report.unplaced.map((r) => {
        const link = riskLink(r);
        return [
          { text: link.text, links: [link] },
          { text: r.reason, tone: "warn" },
        ];
      }),
      empty: "None.",
    });
  }

  const title = `Risk heat map (${report.rating})`;
  return {
    title,
    pageTitle: pageTitle(title, report.organization),
    subtitle: subtitle(report.organization, undefined, report.today),
    summaryTitle: "Summary",
    summary,
    tables,
    css: bandCss(report),
    targets,
  };
}

/** The flat CSV of the heat map: one row per cell of the grid. */
export function heatMapCsv(report: HeatMapReport): CsvTable {
  const label = (scale: ScaleLevel[], level: number) => scale.find((l) => l.level === level)?.label;
  const rows = report.rows.flatMap((row) =>
    row.cells.map((c) => [c.likelihood, label(report.likelihood, c.likelihood), c.impact, label(report.impact, c.impact), c.score, c.level, c.risks.length, c.risks.map((r) => r.id).join("; ")]),
  );
  return { header: ["Likelihood", "Likelihood label", "Impact", "Impact label", "Score", "Level", "Risks", "Risk ids"], rows };
}

function gridCell(c: HeatMapCell): Cell {
  const count = c.risks.length;
  const where = `Likelihood ${c.likelihood}, impact ${c.impact}`;
  const facts = [`${count} ${count === 1 ? "risk" : "risks"}`, c.score === undefined ? undefined : `score ${c.score}`, c.level].filter(Boolean).join(", ");
  return {
    text: String(count),
    swatch: c.band,
    key: count > 0 ? heatMapCellKey(c) : undefined,
    label: `${where}: ${facts}`,
    tone: count === 0 && c.band === undefined ? "muted" : undefined,
  };
}

function scaleLabel(level: ScaleLevel): string {
  return level.label ? `${level.level} ${level.label}` : String(level.level);
}

/** One rule per band: `.swatch-<n>` with the band's background and text colours (validated hex only). */
function bandCss(report: HeatMapReport): string {
  return report.bands
    .map((b, i) => (isHexColor(b.color) && isHexColor(b.textColor) ? `.swatch-${i} { background-color: ${b.color}; color: ${b.textColor}; }` : ""))
    .filter(Boolean)
    .join("\n");
}
