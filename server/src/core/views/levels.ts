import type { RiskMethodology } from "../model/types";
import type { LevelTone } from "./types";

/** The label of risks without a level (no score, or a score no band covers). */
export const UNRATED = "Unrated";

/**
 * The methodology's score bands, highest first, each with its colour: the highest band is red,
 * the lowest green, and those between orange (upper part) or yellow (lower part). With four
 * bands: red, orange, yellow, green; with three: red, yellow, green; a single band is yellow.
 */
export function bandsHighestFirst(methodology: RiskMethodology | undefined): { level: string; tone: LevelTone }[] {
  const ascending = [...(methodology?.levels ?? [])].sort((a, b) => a.max - b.max);
  const n = ascending.length;
  return ascending.map((band, index) => ({ level: band.name, tone: toneAt(n === 1 ? 0.5 : index / (n - 1)) })).reverse();
}

/** The colour at a relative height (0 lowest band, 1 highest). */
function toneAt(height: number): LevelTone {
  if (height >= 1) return "red";
  if (height <= 0) return "green";
  return height > 0.5 ? "orange" : "yellow";
}

/** Orders ids naturally (`R-2` before `R-10`). */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
