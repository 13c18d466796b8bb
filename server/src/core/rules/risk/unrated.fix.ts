import type { ScaleLevel } from "../../model/types";
import type { FixProvider } from "../../fixes/types";
import { insertPairs, pairOf, recordOf, setValue, WorkspaceEditor, type NewPair } from "../../yaml-edit";
import type { UnratedData } from "./unrated";

/** Keys after which missing ratings are inserted, in order of preference. */
const AFTER = ["impact", "likelihood", "owner", "vulnerability", "threat", "assets", "title", "id"];

/**
 * `risk/unrated`: "Add likelihood and impact to R-007 (provisional worst case 5 × 5)".
 *
 * The fix cannot know the rating, and no neutral value exists: a middle level would hide the
 * risk among the acceptable ones, and an empty value is no rating at all. It therefore writes
 * the **highest** level of each missing scale, marked by a comment as provisional: a risk that
 * has not been analysed is treated as the worst case until its owner rates it, so it shows up
 * above the acceptance criteria (and in treatment checks) instead of silently passing them.
 */
export const fixes: FixProvider<UnratedData> = (finding, context) => {
  const risk = recordOf(context.model.risks, finding);
  if (!risk) return [];
  const missing = (["likelihood", "impact"] as const).filter((d) => finding.data.missing.includes(d) && !risk[d]);
  if (missing.length === 0) return [];

  const methodology = context.model.methodology;
  const ws = new WorkspaceEditor(context);
  const ed = ws.file(risk.file);
  if (!ed) return [];
  const map = risk.node;
  const absent: NewPair[] = [];
  const values: string[] = [];
  for (const d of missing) {
    const scale = methodology?.[d] ?? [];
    const top = worst(scale);
    values.push(String(top));
    const pair: NewPair = { key: d, value: String(top), comment: `provisional worst case until rated${scaleText(scale)}` };
    if (pairOf(map, d)) setValue(ed, map, pair);
    else absent.push(pair);
  }
  insertPairs(ed, map, absent, AFTER);
  const edit = ws.build();
  const name = risk.id?.value ?? "the risk";
  const title = `Add ${missing.join(" and ")} to ${name} (provisional worst case ${values.join(" × ")})`;
  return edit ? [{ title, ruleId: finding.rule, edit }] : [];
};

/** The highest level of a scale (5 when the methodology defines none). */
function worst(scale: readonly ScaleLevel[]): number {
  return scale.length > 0 ? Math.max(...scale.map((l) => l.level)) : 5;
}

/** `: 1 Rare … 5 Almost certain` for the comment, or nothing without a scale. */
function scaleText(scale: readonly ScaleLevel[]): string {
  if (scale.length === 0) return "";
  const sorted = [...scale].sort((a, b) => a.level - b.level);
  const show = (l: ScaleLevel) => (l.label ? `${l.level} ${l.label}` : String(l.level));
  return `: ${show(sorted[0])} … ${show(sorted[sorted.length - 1])}`;
}
