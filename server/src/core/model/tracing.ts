import type { IsmsModel } from "./isms-model";
import type { Risk, SoaEntry } from "./types";
import { grouped, type Grouping } from "./grouped";

/**
 * What calls for each Annex A control (6.1.3 b-d): the risks that list it under `controls`,
 * by canonical control id, in model order (a risk listing a control twice is there once). Kept
 * per file contribution ({@link grouped}).
 */
export function risksByControl(model: IsmsModel): Grouping<string, Risk> {
  return grouped(model, "risks", "byControl", controlIdsOf);
}

function controlIdsOf(risk: Risk): string[] {
  return risk.controls.map((c) => c.id);
}

/**
 * True when an SoA entry is traced (the format's definition): a risk lists its control, or its
 * own `sources` name something. Sources that do not resolve still count here: they are
 * `ref/unresolved`'s finding, not an untraced control.
 */
export function isTraced(entry: SoaEntry, risks: Grouping<string, Risk>): boolean {
  return (entry.control !== undefined && (risks.get(entry.control.id)?.length ?? 0) > 0) || entry.sources.length > 0;
}
