import { LIST_OF_KIND } from "./model-lists";
import type { IdentifiedRecord, RecordKind, Reference } from "./types";

/** {@link RecordIndex.ids} of each map of ids. */
const idLists = new WeakMap<ReadonlyMap<string, unknown>, readonly string[]>();

/** Kinds in one fixed order, so that an index kept in part from an earlier one lists its duplicates as a new one would. */
const KIND_ORDER = Object.keys(LIST_OF_KIND) as RecordKind[];

/**
 * Every record with an id, by kind and id. Ids are unique per kind across the whole ISMS
 * (all files under one root); a duplicate keeps every record so `ref/duplicate-id` can point at each.
 */
export class RecordIndex {
  private readonly byKind = new Map<RecordKind, Map<string, IdentifiedRecord[]>>();

  /**
   * A new index sharing `previous`'s ids of every kind except `rebuilt` (left empty, for the
   * caller to add their records again): O(kinds), so that an edit re-indexes only the kinds it touched.
   */
  static keeping(previous: RecordIndex, rebuilt: ReadonlySet<RecordKind>): RecordIndex {
    const index = new RecordIndex();
    for (const [kind, ids] of previous.byKind) if (!rebuilt.has(kind)) index.byKind.set(kind, ids);
    return index;
  }

  /**
   * Sets every id of `kind` at once, in model order (an index kept from an earlier one, for a kind
   * an edit touched). The lists are shared with other indexes: add no record of `kind` after this.
   * @param previous  the index this one was kept from: its array of the kind's ids ({@link ids}) is
   *   shared when the ids are the same, in the same order
   */
  setKind(kind: RecordKind, ids: ReadonlyMap<string, readonly IdentifiedRecord[]>, previous?: RecordIndex): void {
    this.byKind.set(kind, ids as Map<string, IdentifiedRecord[]>);
    // Most edits of a kind's records leave its ids as they were: keep the earlier array of ids,
    // so that what is kept per array (suggestions among the ids) is kept too.
    const before = previous?.byKind.get(kind);
    const known = before && idLists.get(before);
    if (known && known.length === ids.size) {
      let i = 0;
      for (const id of ids.keys()) if (id !== known[i++]) return;
      idLists.set(ids, known);
    }
  }

  /** Adds a record that has an id. */
  add(record: IdentifiedRecord): void {
    if (!record.id) return;
    let ids = this.byKind.get(record.recordKind);
    if (!ids) this.byKind.set(record.recordKind, (ids = new Map()));
    idLists.delete(ids);
    const list = ids.get(record.id.value);
    if (list) list.push(record);
    else ids.set(record.id.value, [record]);
  }

  /** The first record of `kind` with `id`. */
  get<T extends IdentifiedRecord = IdentifiedRecord>(kind: RecordKind, id: string): T | undefined {
    return this.byKind.get(kind)?.get(id)?.[0] as T | undefined;
  }

  /** The first record of any of `kinds` (in that order) with `id`. */
  find(kinds: readonly RecordKind[], id: string): IdentifiedRecord | undefined {
    for (const kind of kinds) {
      const found = this.get(kind, id);
      if (found) return found;
    }
    return undefined;
  }

  /** Resolves a reference against the index. */
  resolve(ref: Reference): IdentifiedRecord | undefined {
    return this.find(ref.targets, ref.id);
  }

  /** All ids of `kind`, in model order: one array per kind's map, kept while it is (an edit keeps untouched kinds' maps). */
  ids(kind: RecordKind): readonly string[] {
    const map = this.byKind.get(kind);
    if (!map) return [];
    let ids = idLists.get(map);
    if (!ids) idLists.set(map, (ids = [...map.keys()]));
    return ids;
  }

  /** Every group of records sharing a kind and an id, when more than one does. */
  duplicates(): IdentifiedRecord[][] {
    const groups: IdentifiedRecord[][] = [];
    for (const kind of KIND_ORDER) {
      const ids = this.byKind.get(kind);
      if (ids) for (const list of ids.values()) if (list.length > 1) groups.push(list);
    }
    return groups;
  }
}
