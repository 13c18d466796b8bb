import type { IsmsModel } from "./isms-model";
import { grouped, type Grouping } from "./grouped";
import type { Action, IdentifiedRecord, Located, Nonconformity, Risk, SoaEntry } from "./types";

/**
 * Lookups across the records of one model, shared by every rule and report that needs them, so
 * that a check stays linear in the size of the ISMS (a rule looks up instead of scanning one list
 * inside a loop over another). Each is grouped per file contribution and kept while the file is
 * unchanged (`grouped.ts`): after an edit only the edited file's records are grouped again.
 * Lookups by resolved record group by the id written, then keep the records whose reference
 * resolves to that record (resolutions change when another file changes; ids written do not).
 */
export interface ModelIndex {
  /** The actions whose `source` resolves to `record`, in model order. */
  actionsFrom(record: IdentifiedRecord): readonly Action[];
  /** The nonconformities whose `source` resolves to `record`, in model order. */
  nonconformitiesFrom(record: IdentifiedRecord): readonly Nonconformity[];
  /** The risks that list `action` under `actions` (resolved), in model order, each once. */
  risksListing(action: Action): readonly Risk[];
  /** Risks by the id written as their `owner`, in model order. */
  risksByOwner: Grouping<string, Risk>;
  /** SoA entries by the id written as their `owner`, in model order. */
  soaEntriesByOwner: Grouping<string, SoaEntry>;
  /** Actions by the id written as their `owner`, in model order. */
  actionsByOwner: Grouping<string, Action>;
}

/** The {@link ModelIndex} of `model` (each lookup is grouped on first use: O(records)). */
export function modelIndex(model: IsmsModel): ModelIndex {
  return {
    actionsFrom(record) {
      const id = record.id?.value;
      const actions = id === undefined ? undefined : grouped(model, "actions", "bySourceId", sourceIdOf).get(id);
      return actions?.filter((a) => a.source?.resolved === record) ?? [];
    },
    nonconformitiesFrom(record) {
      const id = record.id?.value;
      const ncs = id === undefined ? undefined : grouped(model, "nonconformities", "bySourceId", sourceIdOf).get(id);
      return ncs?.filter((nc) => nc.source?.resolved === record) ?? [];
    },
    risksListing(action) {
      const id = action.id?.value;
      const risks = id === undefined ? undefined : grouped(model, "risks", "byActionId", actionIdsOf).get(id);
      return risks?.filter((risk) => risk.actions.some((ref) => ref.id === id && ref.resolved === action)) ?? [];
    },
    get risksByOwner() {
      return grouped(model, "risks", "byOwner", ownerOf);
    },
    get soaEntriesByOwner() {
      return grouped(model, "soaEntries", "byOwner", ownerOf);
    },
    get actionsByOwner() {
      return grouped(model, "actions", "byOwner", ownerOf);
    },
  };
}

/** The id written as a record's `source`, if any. */
function sourceIdOf(record: { source?: { id: string } }): string[] {
  return record.source ? [record.source.id] : [];
}

/** The ids a risk lists under `actions`. */
function actionIdsOf(risk: Risk): string[] {
  return risk.actions.map((ref) => ref.id);
}

/** The id written as a record's `owner`, if any. */
function ownerOf(record: { owner?: { id: string } }): string[] {
  return record.owner ? [record.owner.id] : [];
}

/**
 * Compares two records of one list by their order in the model: by file (in `model.files`
 * order, the order the files were merged in), then by position in the file (a file's records
 * are read in text order). Negative when `a` comes first.
 */
export function compareModelOrder(model: IsmsModel, a: Located, b: Located): number {
  if (a.file !== b.file) {
    const order = fileOrder(model);
    return (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1);
  }
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The position of each file key in `model.files`, kept per list of files. */
function fileOrder(model: IsmsModel): Map<string, number> {
  let order = fileOrders.get(model.files);
  if (!order) {
    order = new Map(model.files.map((f, i) => [f.file, i]));
    fileOrders.set(model.files, order);
  }
  return order;
}

const fileOrders = new WeakMap<readonly unknown[], Map<string, number>>();
