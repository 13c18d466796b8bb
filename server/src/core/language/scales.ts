import { isMap, isScalar, isSeq } from "yaml";
import type { IsmsModel } from "../model/isms-model";
import type { RiskMethodology } from "../model/types";

/** The fields of a risk register that hold a level of a methodology scale. */
export const RATING_FIELDS = new Set(["risks[].likelihood", "risks[].impact", "risks[].residual.likelihood", "risks[].residual.impact"]);

/** A level of a likelihood or impact scale with its label and criteria as written. */
export interface ScaleEntry {
  level: number;
  label?: string;
  criteria?: string;
}

const CACHE = new WeakMap<RiskMethodology, Record<"likelihood" | "impact", ScaleEntry[]>>();

/** The likelihood or impact scale of the model's methodology, with criteria read from its YAML. */
export function scaleOf(model: IsmsModel | undefined, which: "likelihood" | "impact"): ScaleEntry[] {
  const m = model?.methodology;
  if (!m) return [];
  let cached = CACHE.get(m);
  if (!cached) {
    cached = { likelihood: read(m, "likelihood"), impact: read(m, "impact") };
    CACHE.set(m, cached);
  }
  return cached[which];
}

function read(m: RiskMethodology, which: "likelihood" | "impact"): ScaleEntry[] {
  const criteria = new Map<number, string>();
  const seq = m.node.get(which, true);
  if (isSeq(seq)) {
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const level = item.get("level");
      const text = item.get("criteria", true);
      if (typeof level === "number" && isScalar(text) && typeof text.value === "string") criteria.set(level, text.value);
    }
  }
  return m[which].map((l) => ({ level: l.level, label: l.label, criteria: criteria.get(l.level) }));
}

/** "4 (Likely)" for a level of a scale, or "4" when the scale does not label it. */
export function levelText(model: IsmsModel | undefined, which: "likelihood" | "impact", level: number | undefined): string {
  if (level === undefined) return "?";
  const label = scaleOf(model, which).find((l) => l.level === level)?.label;
  return label ? `${level} (${label})` : String(level);
}
