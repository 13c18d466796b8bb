import type { LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import { isOnScale, levelOf, scoreOf } from "../model/risk-scoring";
import type { Rating, Risk, ScaleLevel } from "../model/types";
import { bandColor, textColorOn } from "./band-colors";

/** Which rating the heat map places risks by: as assessed (inherent), or after treatment (residual). */
export type HeatMapRating = "inherent" | "residual";

/** A score band of the methodology with its colours. */
export interface HeatMapBand {
  name: string;
  /** Lowest score of the band: the previous band's max + 1, and 0 for the first band. */
  min: number;
  max: number;
  /** Background colour: the band's `color`, else the default palette colour of its position. */
  color: string;
  /** Text colour with enough contrast on `color`. */
  textColor: string;
}

/** A risk placed on, or left off, the map. */
export interface HeatMapRisk {
  /** The id as written (empty when the risk has none). */
  id: string;
  title?: string;
  file: string;
  /** 0-based line of the risk. */
  line: number;
}

/** One likelihood × impact cell: its score and band, and the risks rated there. */
export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score?: number;
  /** Name of the score band of the cell. */
  level?: string;
  /** Index of the band in {@link HeatMapReport.bands}, when a band covers the score. */
  band?: number;
  risks: HeatMapRisk[];
}

/** One likelihood level of the grid, with a cell per impact level in ascending order. */
export interface HeatMapRow {
  likelihood: ScaleLevel;
  cells: HeatMapCell[];
}

/** A risk that the map cannot place, and why. */
export interface UnplacedRisk extends HeatMapRisk {
  reason: string;
}

/** The risk heat map as plain data, ready to render. */
export interface HeatMapReport {
  kind: "heatmap";
  organization?: string;
  today: LocalDate;
  rating: HeatMapRating;
  /** The likelihood scale, ascending. */
  likelihood: ScaleLevel[];
  /** The impact scale, ascending (the columns). */
  impact: ScaleLevel[];
  /** The grid, highest likelihood first (the way risk matrices are drawn). Empty without scales. */
  rows: HeatMapRow[];
  bands: HeatMapBand[];
  acceptanceMaxScore?: number;
  /** Risks placed in a cell. */
  placed: number;
  unplaced: UnplacedRisk[];
}

/**
 * Builds the risk heat map of an ISMS (6.1.2 d, e): the methodology's likelihood × impact grid
 * with, per cell, its score, its band and colour, and the risks whose inherent (or residual) rating
 * falls in it. Risks that cannot be placed (unrated, off the scales, no residual rating) are listed
 * with the reason. Pure; never throws on partial data.
 */
export function heatMapReport(model: IsmsModel, today: LocalDate, rating: HeatMapRating = "inherent"): HeatMapReport {
  const methodology = model.methodology;
  const likelihood = [...(methodology?.likelihood ?? [])].sort((a, b) => a.level - b.level);
  const impact = [...(methodology?.impact ?? [])].sort((a, b) => a.level - b.level);
  const levels = methodology?.levels ?? [];
  const bands: HeatMapBand[] = levels.map((band, i) => {
    const color = bandColor(band.color, i, levels.length);
    const min = i === 0 ? 0 : levels[i - 1].max + 1;
    return { name: band.name, min, max: band.max, color, textColor: textColorOn(color) };
  });

  const rows: HeatMapRow[] = [...likelihood].reverse().map((l) => ({
    likelihood: l,
    cells: impact.map((i) => {
      const score = scoreOf(methodology, l.level, i.level);
      const level = levelOf(methodology, score);
      const band = level === undefined ? undefined : levels.findIndex((b) => b.name === level);
      return { likelihood: l.level, impact: i.level, score, level, band, risks: [] };
    }),
  }));

  const unplaced: UnplacedRisk[] = [];
  let placed = 0;
  for (const risk of [...model.risks].sort((a, b) => compareIds(a.id?.value ?? "", b.id?.value ?? ""))) {
    const ref: HeatMapRisk = { id: risk.id?.value ?? "", title: risk.title?.value, file: risk.file, line: risk.range.start.line };
    const r = ratingOf(risk, rating);
    const reason = unplacedReason(r, rating, likelihood, impact);
    const cell = reason ? undefined : rows.find((row) => row.likelihood.level === r?.likelihood?.value)?.cells.find((c) => c.impact === r?.impact?.value);
    if (cell) {
      cell.risks.push(ref);
      placed++;
    } else {
      unplaced.push({ ...ref, reason: reason ?? "its rating is not a cell of the grid" });
    }
  }

  return {
    kind: "heatmap",
    organization: model.isms?.organization?.value,
    today,
    rating,
    likelihood,
    impact,
    rows,
    bands,
    acceptanceMaxScore: methodology?.acceptanceMaxScore?.value,
    placed,
    unplaced,
  };
}

function ratingOf(risk: Risk, rating: HeatMapRating): Rating | undefined {
  return rating === "residual" ? risk.residual : risk;
}

function unplacedReason(r: Rating | undefined, rating: HeatMapRating, likelihood: ScaleLevel[], impact: ScaleLevel[]): string | undefined {
  if (likelihood.length === 0 || impact.length === 0) return "no RiskMethodology defines the likelihood and impact scales";
  if (!r) return "no residual rating";
  const what = rating === "residual" ? "residual " : "";
  const l = r.likelihood?.value;
  const i = r.impact?.value;
  if (l === undefined && i === undefined) return `no ${what}likelihood and no ${what}impact`;
  if (l === undefined) return `no ${what}likelihood`;
  if (i === undefined) return `no ${what}impact`;
  if (!isOnScale(likelihood, l)) return `${what}likelihood ${l} is not a level of the scale`;
  if (!isOnScale(impact, i)) return `${what}impact ${i} is not a level of the scale`;
  return undefined;
}

/** Orders ids naturally (`R-2` before `R-10`). */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
