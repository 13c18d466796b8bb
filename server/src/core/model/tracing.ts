import type { IsmsModel } from "./isms-model";
import type { Risk, SoaEntry } from "./types";

/** {@link risksByControl} of each list of risks, kept while the list is unchanged (a new list is another array). */
const byRisks = new WeakMap<readonly Risk[], Map<string, Risk[]>>();

/**
 * What calls for each Annex A control (6.1.3 b-d): the risks that list it under `controls`,
 * by canonical control id.
 */
export function risksByControl(model: IsmsModel): ReadonlyMap<string, readonly Risk[]> {
  const known = byRisks.get(model.risks);
  if (known) return known;
  const byControl = new Map<string, Risk[]>();
  byRisks.set(model.risks, byControl);
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
export function isTraced(entry: SoaEntry, risks: ReadonlyMap<string, readonly Risk[]>): boolean {
  return (entry.control !== undefined && (risks.get(entry.control.id)?.length ?? 0) > 0) || entry.sources.length > 0;
}
