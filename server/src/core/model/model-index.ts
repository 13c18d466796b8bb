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

/** The {@link ModelIndex} of `model`, each part built on first use (O(records + references)). */
export function modelIndex(model: IsmsModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = buildIndex(model)));
  return index;
}

/**
 * The index with each group of maps built on first use: a rule that needs only the actions by
 * source does not pay for the risks by owner (a re-check after an edit builds a new index).
 */
function buildIndex(model: IsmsModel): ModelIndex {
  const lazy = <T>(build: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= build());
  };
  const actions = lazy(() => {
    const bySource = new Map<IdentifiedRecord, Action[]>();
    const byOwner = new Map<string, Action[]>();
    for (const action of model.actions) {
      const source = action.source?.resolved;
      if (source) push(bySource, source, action);
      if (action.owner) push(byOwner, action.owner.id, action);
    }
    return { bySource, byOwner };
  });
  const nonconformities = lazy(() => {
    const bySource = new Map<IdentifiedRecord, Nonconformity[]>();
    for (const nc of model.nonconformities) {
      const source = nc.source?.resolved;
      if (source) push(bySource, source, nc);
    }
    return bySource;
  });
  const risks = lazy(() => {
    const byAction = new Map<Action, Risk[]>();
    const order = new Map<Risk, number>();
    const byOwner = new Map<string, Risk[]>();
    model.risks.forEach((risk, i) => {
      order.set(risk, i);
      if (risk.owner) push(byOwner, risk.owner.id, risk);
      for (const ref of risk.actions) {
        const action = ref.resolved;
        if (action?.recordKind !== "action") continue;
        const list = byAction.get(action as Action);
        if (!list) byAction.set(action as Action, [risk]);
        else if (list[list.length - 1] !== risk) list.push(risk);
      }
    });
    return { byAction, order, byOwner };
  });
  const soaEntries = lazy(() => {
    const byOwner = new Map<string, SoaEntry[]>();
    for (const entry of model.soaEntries) if (entry.owner) push(byOwner, entry.owner.id, entry);
    return byOwner;
  });
  return {
    get actionsBySource() {
      return actions().bySource;
    },
    get actionsByOwner() {
      return actions().byOwner;
    },
    get nonconformitiesBySource() {
      return nonconformities();
    },
    get risksByAction() {
      return risks().byAction;
    },
    get riskOrder() {
      return risks().order;
    },
    get risksByOwner() {
      return risks().byOwner;
    },
    get soaEntriesByOwner() {
      return soaEntries();
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
