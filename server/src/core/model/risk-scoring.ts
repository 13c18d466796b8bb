import type { Rating, RiskMethodology } from "./types";

/**
 * Score of a likelihood/impact pair under the methodology (6.1.2 d): the product of the levels
 * (`multiply`), or the matrix cell at row = likelihood, column = impact (`matrix`, 1-based levels).
 * `undefined` when a rating is missing or not a level of its scale.
 */
export function scoreOf(methodology: RiskMethodology | undefined, likelihood: number | undefined, impact: number | undefined): number | undefined {
  if (likelihood === undefined || impact === undefined) return undefined;
  if (methodology) {
    if (!isOnScale(methodology.likelihood, likelihood) || !isOnScale(methodology.impact, impact)) return undefined;
    if (methodology.scoring === "matrix") {
      const cell = methodology.matrix?.[likelihood - 1]?.[impact - 1];
      return typeof cell === "number" && Number.isFinite(cell) ? cell : undefined;
    }
  }
  return likelihood * impact;
}

/** The band whose range holds `score` (bands are contiguous, ascending by `max`). */
export function levelOf(methodology: RiskMethodology | undefined, score: number | undefined): string | undefined {
  if (score === undefined || !methodology) return undefined;
  return methodology.levels.find((band) => score <= band.max)?.name;
}

/** True when `value` is one of the scale's levels (or the scale is not defined). */
export function isOnScale(scale: { level: number }[], value: number): boolean {
  return scale.length === 0 || scale.some((l) => l.level === value);
}

/** Fills `score` and `level` of a rating in place. */
export function rate(methodology: RiskMethodology | undefined, rating: Rating): void {
  rating.score = scoreOf(methodology, rating.likelihood?.value, rating.impact?.value);
  rating.level = levelOf(methodology, rating.score);
}
