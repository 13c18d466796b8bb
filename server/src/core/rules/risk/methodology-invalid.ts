import { isMap, type Node } from "yaml";
import type { IsmsModel } from "../../model/isms-model";
import type { RiskMethodology, Value } from "../../model/types";
import { hasContent } from "../../model/yaml-reader";
import type { Range } from "../../text/range";
import { anyOf, count, flag, list, oneOf, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { MAX_SCALE_LEVEL } from "../../model/bounds";

type Dimension = "likelihood" | "impact";

/** Range of the `kind:` value of the methodology's document (or of its mapping). */
function kindRangeOf(model: IsmsModel, methodology: RiskMethodology): Range {
  return model.documents.find((d) => d.root === methodology.node)?.kindRange ?? methodology.range;
}

/** "3", "3 and 4", "2, 3 and 4". */
function listOf(values: number[]): string {
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}

/** `data` of its findings: what is wrong with the methodology: the file used, a missing part, a scale level duplicated or missing, the matrix size, a band out of order, or a score above the highest band. */
const data = anyOf(
  shape({ used: text }),
  shape({ missing: list(text) }),
  shape({ dimension: oneOf("likelihood", "impact"), level: count, duplicate: flag }),
  shape({ dimension: oneOf("likelihood", "impact"), level: count, missing: list(count) }),
  shape({ rows: count, expected: count }),
  shape({ row: count, columns: count, expected: count }),
  shape({ band: optional(text), max: count, duplicate: flag }),
  shape({ band: optional(text), max: count, previous: count }),
  shape({ score: count, likelihood: count, impact: count, max: count }),
  shape({ band: optional(text), max: count, highest: count, replacement: count }),
);
export type MethodologyInvalidData = DataOf<typeof data>;

/** `risk/methodology-invalid`: a risk methodology whose criteria cannot give consistent, comparable results. */
export const rule: Rule<MethodologyInvalidData> = {
  id: "risk/methodology-invalid",
  severity: "error",
  clause: "6.1.2 a",
  reads: ["documents", "methodologies", "risks"],
  description: "The RiskMethodology's scales, matrix, score bands or acceptance criteria are inconsistent or incomplete, or the ISMS has more than one RiskMethodology.",
  docs: `The risk criteria (6.1.2 a) must make repeated risk assessments produce consistent, valid and
comparable results (6.1.2 b). This rule checks that the \`RiskMethodology\` can do that:

- the \`likelihood\` and \`impact\` scales each run 1, 2, … n, every level once, without gaps
  (a duplicate or missing level is reported at the level);
- \`acceptance.max_score\` is set: it is the risk acceptance criterion (6.1.2 a 1), and without it
  no risk can be found unacceptable (\`risk/untreated\` and \`risk/acceptance-missing\` stay silent);
- with \`scoring: matrix\`, the \`matrix\` exists with exactly one row per likelihood level and one
  score per impact level in each row;
- the score bands (\`levels\`) are listed in ascending order of \`max\`, each with its own \`max\`,
  and the highest band reaches the highest possible score (highest likelihood × highest impact,
  or the highest matrix score), so that every score has a risk level;
- the ISMS has one \`RiskMethodology\`: any other is reported, as only the first (by file name)
  is used.

A scale that is missing while risks are rated on it is reported by \`risk/rating-out-of-scale\`;
values of the wrong type by \`schema/invalid\`. Auditors read the methodology first: criteria
that contradict themselves make every rating in the register questionable.

6.1.2 reads: "The organization shall define and apply an information security risk assessment process that: a) establishes and maintains information security risk criteria that include: 1) the risk acceptance criteria; and 2) criteria for performing information security risk assessments".

**Fix:** number each scale 1 to n, set \`acceptance: { max_score: N }\`, give the matrix one row
per likelihood level and one score per impact level, list the bands in ascending order with
the last band's \`max\` at least the highest possible score, and keep a single RiskMethodology.`,
  data,
  check({ model, report }) {
    const [used, ...extra] = model.methodologies;
    if (!used) return;
    const usedKind = kindRangeOf(model, used);
    const usedRelated = { file: used.file, range: usedKind, message: "the RiskMethodology in use" };

    for (const other of extra) {
      report({
        file: other.file,
        range: kindRangeOf(model, other),
        message: `This is a second RiskMethodology in the ISMS: only the first one (in ${used.file}) is used, so the scales, bands and acceptance criteria here are ignored. Merge them into one methodology (6.1.2 a).`,
        related: [usedRelated],
        data: { used: used.file },
      });
    }

    const rated = (d: Dimension) => model.risks.some((r) => r[d] !== undefined || r.residual?.[d] !== undefined);

    /** Checks one scale; returns its highest level, if any. */
    const checkScale = (d: Dimension): number | undefined => {
      const written: Value<number>[] = (d === "likelihood" ? used.likelihoodAsWritten : used.impactAsWritten) ?? [];
      const levels = written.filter((v) => v.value >= 1 && v.value <= MAX_SCALE_LEVEL); // beyond the bounds is schema/invalid's
      if (levels.length === 0) {
        // A scale that risks are rated on is risk/rating-out-of-scale's; content of the wrong shape is schema/invalid's.
        if (!rated(d) && !hasContent(used.node.get(d, true) as Node | undefined)) {
          report({
            file: used.file,
            range: usedKind,
            message: `The RiskMethodology defines no ${d} scale: define ${d} levels 1 to n with the criteria for choosing each, so risks can be rated consistently (6.1.2 a, d).`,
            data: { missing: [d] },
          });
        }
        return undefined;
      }
      const seen = new Set<number>();
      for (const v of levels) {
        if (seen.has(v.value)) {
          report({
            file: used.file,
            range: v.range,
            message: `${d[0].toUpperCase()}${d.slice(1)} level ${v.value} is defined more than once: each level of the scale must appear once, or the same rating means two things (6.1.2 b).`,
            data: { dimension: d, level: v.value, duplicate: true },
          });
        }
        seen.add(v.value);
      }
      const unique = [...seen].sort((a, b) => a - b);
      let expected = 1;
      for (const level of unique) {
        if (level > expected) {
          const missing = Array.from({ length: level - expected }, (_, i) => expected + i);
          const at = levels.find((v) => v.value === level)!;
          const gap = expected === 1 ? `starts at level ${level}` : `jumps from level ${expected - 1} to ${level}`;
          report({
            file: used.file,
            range: at.range,
            message: `The ${d} scale ${gap}: level${missing.length > 1 ? "s" : ""} ${listOf(missing)} ${missing.length > 1 ? "are" : "is"} missing. Number the levels 1 to n without gaps, so that scores are comparable (6.1.2 b).`,
            data: { dimension: d, level, missing },
          });
        }
        expected = level + 1;
      }
      return unique[unique.length - 1];
    };
    const maxLikelihood = checkScale("likelihood");
    const maxImpact = checkScale("impact");

    const acceptance = used.node.get("acceptance", true) as Node | undefined;
    const acceptanceWrongType = hasContent(acceptance) && !isMap(acceptance); // schema/invalid
    if (used.acceptanceMaxScore === undefined && !acceptanceWrongType && !hasContent(used.node.getIn(["acceptance", "max_score"], true) as Node | undefined)) {
      report({
        file: used.file,
        range: usedKind,
        message:
          "The RiskMethodology has no risk acceptance criteria (acceptance.max_score): without a threshold no risk can be found unacceptable, so untreated and unaccepted risks go unnoticed. Set acceptance: { max_score: <highest acceptable score> } (6.1.2 a 1).",
        data: { missing: ["acceptance.max_score"] },
      });
    }

    // Matrix shape; the matrix cells that scores can take.
    const cells: { value: number; range: Range; likelihood: number; impact: number }[] = [];
    if (used.scoring === "matrix") {
      const rows = used.matrixRows;
      if (!rows) {
        if (!hasContent(used.node.get("matrix", true) as Node | undefined)) {
          report({
            file: used.file,
            range: used.scoringRange ?? usedKind,
            message:
              "scoring: matrix needs a matrix, and the RiskMethodology has none, so no risk can be scored: add matrix with one row per likelihood level and one score per impact level (6.1.2 d).",
            data: { missing: ["matrix"] },
          });
        }
      } else {
        if (maxLikelihood !== undefined && rows.length !== maxLikelihood) {
          report({
            file: used.file,
            range: used.matrixRange ?? usedKind,
            message: `The matrix has ${rows.length} row${rows.length === 1 ? "" : "s"} but the likelihood scale has ${maxLikelihood} level${maxLikelihood === 1 ? "" : "s"}: write one row per likelihood level, level 1 first (6.1.2 d).`,
            data: { rows: rows.length, expected: maxLikelihood },
          });
        }
        rows.forEach((row, i) => {
          if (!row.cells) return; // not a sequence: schema/invalid
          if (maxImpact !== undefined && row.cells.length !== maxImpact) {
            report({
              file: used.file,
              range: row.range,
              message: `Row ${i + 1} of the matrix (likelihood ${i + 1}) has ${row.cells.length} score${row.cells.length === 1 ? "" : "s"} but the impact scale has ${maxImpact} level${maxImpact === 1 ? "" : "s"}: write one score per impact level, level 1 first (6.1.2 d).`,
              data: { row: i + 1, columns: row.cells.length, expected: maxImpact },
            });
          }
          row.cells.forEach((cell, j) => {
            const inScale = (maxLikelihood === undefined || i < maxLikelihood) && (maxImpact === undefined || j < maxImpact);
            if (Number.isFinite(cell.value) && inScale) cells.push({ ...cell, likelihood: i + 1, impact: j + 1 });
          });
        });
      }
    }

    // Score bands: as written, ascending by max, each max once, reaching the highest score.
    const bands = used.levelsAsWritten ?? [];
    if (bands.length === 0) {
      if (!hasContent(used.node.get("levels", true) as Node | undefined)) {
        report({
          file: used.file,
          range: usedKind,
          message:
            "The RiskMethodology defines no risk levels (levels): add score bands such as { name: Low, max: 4 } in ascending order, so every risk score has a level to evaluate and prioritise it by (6.1.2 d, e).",
          data: { missing: ["levels"] },
        });
      }
      return;
    }
    const bandName = (b: { name?: string; max: Value<number> }) => (b.name ? `${b.name} (max ${b.max.value})` : `the band with max ${b.max.value}`);
    let previous = bands[0];
    const firstWithMax = new Map<number, (typeof bands)[number]>([[bands[0].max.value, bands[0]]]);
    for (const band of bands.slice(1)) {
      const same = firstWithMax.get(band.max.value);
      if (!same) firstWithMax.set(band.max.value, band);
      if (same) {
        report({
          file: used.file,
          range: band.max.range,
          message: `Risk level ${band.name ?? "(no name)"} has max ${band.max.value}, like ${same.name ?? "an earlier band"}: each band needs its own max, or scores of ${band.max.value} get two levels (6.1.2 d).`,
          related: [{ file: used.file, range: same.max.range, message: `${same.name ?? "band"} max ${same.max.value}` }],
          data: { band: band.name, max: band.max.value, duplicate: true },
        });
      } else if (band.max.value < previous.max.value) {
        report({
          file: used.file,
          range: band.max.range,
          message: `Risk level ${bandName(band)} is listed after ${bandName(previous)}: list the bands in ascending order of max, each running from just above the previous band's max (6.1.2 d).`,
          related: [{ file: used.file, range: previous.max.range, message: `${previous.name ?? "band"} max ${previous.max.value}` }],
          data: { band: band.name, max: band.max.value, previous: previous.max.value },
        });
      }
      if (band.max.value > previous.max.value) previous = band;
    }

    const topMax = bands.reduce((m, b) => Math.max(m, b.max.value), -Infinity);
    const top = bands.find((b) => b.max.value === topMax)!;
    if (used.scoring === "matrix") {
      for (const cell of cells) {
        if (cell.value <= topMax) continue;
        report({
          file: used.file,
          range: cell.range,
          message: `Matrix score ${cell.value} (likelihood ${cell.likelihood}, impact ${cell.impact}) is above the highest risk level, ${bandName(top)}: it has no risk level. Raise that band's max to ${cell.value} or add a band (6.1.2 d).`,
          related: [{ file: used.file, range: top.max.range, message: `highest band max ${topMax}` }],
          data: { score: cell.value, likelihood: cell.likelihood, impact: cell.impact, max: topMax },
        });
      }
    } else if (maxLikelihood !== undefined && maxImpact !== undefined) {
      const highest = maxLikelihood * maxImpact;
      if (topMax < highest) {
        report({
          file: used.file,
          range: top.max.range,
          message: `The highest risk level, ${bandName(top)}, ends below the highest possible score ${highest} (likelihood ${maxLikelihood} × impact ${maxImpact}): ${topMax + 1 === highest ? `a score of ${highest} has` : `scores ${topMax + 1} to ${highest} have`} no risk level. Raise its max to ${highest} or add a band (6.1.2 d).`,
          data: { band: top.name, max: topMax, highest, replacement: highest },
        });
      }
    }
  },
};
