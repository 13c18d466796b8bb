import { buildModel } from "../model/build-model";
import type { Risk } from "../model/types";
import { parseFile } from "../parse/parsed-file";

/**
 * A risk's treatment plan as a comparable text: the treatment decision, then its controls and its
 * actions as sets (order and spelling of the YAML do not matter: `[A.5.1, A.8.2]` written as a
 * block list, quoted or reordered is the same plan).
 */
export function planOf(risk: Risk): string {
  const ids = (refs: readonly { id: string }[]) => [...new Set(refs.map((r) => r.id))].sort().join(",");
  return `${risk.treatment?.value ?? ""}|${ids(risk.controls)}|${ids(risk.actions)}`;
}

const cache = new Map<string, ReadonlyMap<string, string>>();
/** At most this many earlier texts are kept parsed (each is one risk register at one commit). */
const CACHED = 64;

/**
 * The treatment plan of each risk (by id, see {@link planOf}) in an earlier text of a risk
 * register, as git holds it at a commit. Parsed once per text (a few texts are kept).
 */
export function priorPlans(text: string): ReadonlyMap<string, string> {
  const cached = cache.get(text);
  if (cached) return cached;
  const model = buildModel("", [parseFile("prior.yaml", text)]);
  const plans = new Map<string, string>();
  for (const risk of model.risks) if (risk.id && !plans.has(risk.id.value)) plans.set(risk.id.value, planOf(risk));
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  cache.set(text, plans);
  return plans;
}
