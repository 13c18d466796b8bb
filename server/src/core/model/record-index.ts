import { LIST_OF_KIND } from "./model-lists";
import type { IdentifiedRecord, RecordKind, Reference } from "./types";

/**
 * The records of one kind by id, in model order: a map, or a merge of the file chunks' groupings
 * (`MergedGroups`, patched after an edit) whose `keySet` stands for its sequence of ids.
 */
export interface IdGroups {
  get(id: string): readonly IdentifiedRecord[] | undefined;
  /** Every id, in model order. */
  keys(): IterableIterator<string>;
  /** One object per sequence of ids (a map stands for itself). */
  readonly keySet?: object;
  /** The ids that more than one record has, in model order (a map is scanned for them). */
  keysWithSeveral?(): string[];
}

/** {@link RecordIndex.ids} of each sequence of ids (by `keySet`, or the map itself). */
const idLists = new WeakMap<object, readonly string[]>();
const keySetOf = (ids: IdGroups): object => ids.keySet ?? ids;

/** Kinds in one fixed order, so that an index kept in part from an earlier one lists its duplicates as a new one would. */
const KIND_ORDER = Object.keys(LIST_OF_KIND) as RecordKind[];

/**
 * Every record with an id, by kind and id. Ids are unique per kind across the whole ISMS
 * (all files under one root); a duplicate keeps every record so `ref/duplicate-id` can point at each.
 */
export class RecordIndex {
  private readonly byKind = new Map<RecordKind, IdGroups>();

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
   * @param previous  the kind's ids in the index this one was kept from: their array of ids
   *   ({@link ids}) is shared when the ids are the same, in the same order (at once when `ids` has
   *   their `keySet`), so that what is kept per array (suggestions among the ids) is kept too
   */
  setKind(kind: RecordKind, ids: IdGroups, previous?: IdGroups): void {
    this.byKind.set(kind, ids);
    if (!previous || idLists.has(keySetOf(ids))) return;
    const known = idLists.get(keySetOf(previous));
    if (!known) return;
    let i = 0;
    for (const id of ids.keys()) if (id !== known[i++]) return;
    if (i === known.length) idLists.set(keySetOf(ids), known);
  }

  /** The records of `kind` by id (for a later index to patch: see `MergedGroups`). */
  idGroups(kind: RecordKind): IdGroups | undefined {
    return this.byKind.get(kind);
  }

  /** Adds a record that has an id. */
  add(record: IdentifiedRecord): void {
    if (!record.id) return;
    // Only a map of `add`: no kind set whole with setKind gets a record after that.
    let ids = this.byKind.get(record.recordKind) as Map<string, IdentifiedRecord[]> | undefined;
    if (!ids) this.byKind.set(record.recordKind, (ids = new Map()));
    idLists.delete(ids);
    duplicateLists.delete(ids);
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
    const groups = this.byKind.get(kind);
    if (!groups) return [];
    let ids = idLists.get(keySetOf(groups));
    if (!ids) idLists.set(keySetOf(groups), (ids = [...groups.keys()]));
    return ids;
  }

  /** Every group of records sharing a kind and an id, when more than one does. */
  duplicates(): IdentifiedRecord[][] {
    const groups: IdentifiedRecord[][] = [];
    for (const kind of KIND_ORDER) {
      const ids = this.byKind.get(kind);
      if (ids) for (const list of duplicatesOf(ids)) groups.push(list);
    }
    return groups;
  }
}

/** The lists of more than one record of one kind's ids, in model order: found once per ids object (an index's ids do not change once it is checked). */
function duplicatesOf(ids: IdGroups): readonly IdentifiedRecord[][] {
  let lists = duplicateLists.get(ids);
  if (!lists) {
    lists = [];
    for (const id of ids.keysWithSeveral?.() ?? ids.keys()) {
      const list = ids.get(id)!;
      if (list.length > 1) lists.push(list as IdentifiedRecord[]);
    }
    duplicateLists.set(ids, lists);
  }
  return lists;
}

const duplicateLists = new WeakMap<IdGroups, IdentifiedRecord[][]>();
