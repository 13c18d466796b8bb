import { isNode, isScalar, isSeq, type YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { RiskMethodology, ScaleLevel, ScoreBand, Value } from "../types";
import type { YamlReader } from "../yaml-reader";
import { MAX_SCALE_LEVEL } from "../bounds";

/** Reads a `RiskMethodology` document (6.1.2): likelihood and impact scales, scoring, score bands and acceptance criteria. */
export function convertRiskMethodology(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  // The scale as used: each level from 1 to MAX_SCALE_LEVEL once (the first entry of a level wins;
  // levels out of bounds are schema/invalid's, duplicates risk/methodology-invalid's).
  const scale = (key: string): ScaleLevel[] => {
    const seen = new Set<number>();
    return r.maps(root, key).flatMap((map) => {
      const level = r.number(map, "level")?.value;
      if (level === undefined || !Number.isInteger(level) || level < 1 || level > MAX_SCALE_LEVEL || seen.has(level)) return [];
      seen.add(level);
      return [{ level, label: r.text(map, "label")?.value }];
    });
  };
  const asWritten = (key: string): Value<number>[] =>
    r.maps(root, key).flatMap((map) => {
      const level = r.number(map, "level");
      return level !== undefined && Number.isInteger(level.value) ? [level] : [];
    });
  const levelsAsWritten = r.maps(root, "levels").flatMap((map) => {
    const max = r.number(map, "max");
    return max ? [{ name: r.text(map, "name")?.value, max, range: r.rangeOf(map) }] : [];
  });
  const levels: ScoreBand[] = r
    .maps(root, "levels")
    .map((map) => ({ name: r.text(map, "name")?.value, max: r.number(map, "max")?.value, color: r.text(map, "color")?.value }))
    .filter((b): b is ScoreBand & { color: string | undefined } => typeof b.name === "string" && typeof b.max === "number")
    .sort((a, b) => a.max - b.max);
  const matrixNode = r.node(root, "matrix");
  const matrix = isSeq(matrixNode) ? matrixNode.items.map((row) => (isSeq(row) ? row.items.map((c) => (isScalar(c) && typeof c.value === "number" ? c.value : NaN)) : [])) : undefined;
  const rangeOfItem = (item: unknown) => r.rangeOf(isNode(item) ? item : undefined);
  const matrixRows = isSeq(matrixNode)
    ? matrixNode.items.map((row) => ({
        range: rangeOfItem(row),
        cells: isSeq(row) ? row.items.map((c) => ({ value: isScalar(c) && typeof c.value === "number" ? c.value : NaN, range: rangeOfItem(c) })) : undefined,
      }))
    : undefined;
  const scoringNode = r.node(root, "scoring");
  const methodology: RiskMethodology = {
    ...r.located(root),
    likelihood: scale("likelihood"),
    impact: scale("impact"),
    scoring: r.text(root, "scoring")?.value === "matrix" ? "matrix" : "multiply",
    matrix,
    levels,
    acceptanceMaxScore: r.number(r.map(root, "acceptance"), "max_score"),
    likelihoodAsWritten: asWritten("likelihood"),
    impactAsWritten: asWritten("impact"),
    levelsAsWritten,
    scoringRange: scoringNode ? r.rangeOf(scoringNode) : undefined,
    // A block sequence's range runs to the start of the next line: end it with its last row instead.
    matrixRange: matrixNode ? { start: r.rangeOf(matrixNode).start, end: matrixRows?.at(-1)?.range.end ?? r.rangeOf(matrixNode).end } : undefined,
    matrixRows,
  };
  m.methodologies.push(methodology);
}
