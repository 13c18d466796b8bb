import type { IsmsModel } from "./isms-model";
import type { Risk, SoaEntry } from "./types";

/**
 * What calls for each Annex A control (6.1.3 b-d): the risks that list it under `controls`,
 * by canonical control id.
 */
export function risksByControl(model: IsmsModel): Map<string, Risk[]> {
  const byControl = new Map<string, Risk[]>();
  for (const risk of model.risks) {
    for (const control of risk.controls) {
      const list = byControl.get(control.id);
      if (!list) byControl.set(control.id, [risk]);
      else if (list[list.length - 1] !== risk) list.push(risk); // a risk listing a control twice is kept once (its controls are read in order)
    }
  }
  return byControl;
}

/**
 * True when an SoA entry is traced (the format's definition): a risk lists its control, or its
 * own `sources` name something. Sources that do not resolve still count here: they are
 * `ref/unresolved`'s finding, not an untraced control.
 */
export function isTraced(entry: SoaEntry, risks: Map<string, Risk[]>): boolean {
  return (entry.control !== undefined && (risks.get(entry.control.id)?.length ?? 0) > 0) || entry.sources.length > 0;
}
