import type { IsmsModel } from "./isms-model";
import type { Action, IdentifiedRecord, Nonconformity, Risk, SoaEntry } from "./types";

/**
 * Lookups across the records of one model, built once per model on first use and shared by every
 * rule and report that needs them, so that a check stays linear in the size of the ISMS (a rule
 * looks up instead of scanning one list inside a loop over another). A model is read-only once
 * built, so the index never goes stale: a new model gets a new index.
 */
export interface ModelIndex {
  /** Actions by the record their `source` resolves to, in model order. */
  actionsBySource: Map<IdentifiedRecord, Action[]>;
  /** Nonconformities by the record their `source` resolves to, in model order. */
  nonconformitiesBySource: Map<IdentifiedRecord, Nonconformity[]>;
  /** Risks that list an action under `actions` (resolved), by action, in model order, each once. */
  risksByAction: Map<Action, Risk[]>;
  /** Position of each risk in `model.risks`. */
  riskOrder: Map<Risk, number>;
  /** Risks by the id written as their `owner`, in model order. */
  risksByOwner: Map<string, Risk[]>;
  /** SoA entries by the id written as their `owner`, in model order. */
  soaEntriesByOwner: Map<string, SoaEntry[]>;
  /** Actions by the id written as their `owner`, in model order. */
  actionsByOwner: Map<string, Action[]>;
}

const indexes = new WeakMap<IsmsModel, ModelIndex>();

/** The {@link ModelIndex} of `model`, built on first use (O(records + references)). */
export function modelIndex(model: IsmsModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = buildIndex(model)));
  return index;
}

function buildIndex(model: IsmsModel): ModelIndex {
  const index: ModelIndex = {
    actionsBySource: new Map(),
    nonconformitiesBySource: new Map(),
    risksByAction: new Map(),
    riskOrder: new Map(),
    risksByOwner: new Map(),
    soaEntriesByOwner: new Map(),
    actionsByOwner: new Map(),
  };
  for (const action of model.actions) {
    const source = action.source?.resolved;
    if (source) push(index.actionsBySource, source, action);
    if (action.owner) push(index.actionsByOwner, action.owner.id, action);
  }
  for (const nc of model.nonconformities) {
    const source = nc.source?.resolved;
    if (source) push(index.nonconformitiesBySource, source, nc);
  }
  model.risks.forEach((risk, order) => {
    index.riskOrder.set(risk, order);
    if (risk.owner) push(index.risksByOwner, risk.owner.id, risk);
    for (const ref of risk.actions) {
      const action = ref.resolved;
      if (action?.recordKind !== "action") continue;
      const risks = index.risksByAction.get(action as Action);
      if (!risks) index.risksByAction.set(action as Action, [risk]);
      else if (risks[risks.length - 1] !== risk) risks.push(risk);
    }
  });
  for (const entry of model.soaEntries) if (entry.owner) push(index.soaEntriesByOwner, entry.owner.id, entry);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
