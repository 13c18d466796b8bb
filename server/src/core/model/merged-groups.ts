import { sameItems } from "../same-items";

/**
 * Records grouped by key across the file chunks of a list (each chunk grouped once: `groupChunk`
 * in grouped.ts), merged whole, and patched after an edit: a new merge is made from an earlier one
 * by joining again only the keys whose records changed in the chunks that changed, so that an edit
 * in a register of 200 risks does not merge the 10,000 risks of the ISMS again.
 */

/** At most this many chunks may differ from the earlier merge's for a patch; more is merged whole. */
const MAX_CHANGED_CHUNKS = 4;

/**
 * The records of each key in chunk order, from the groupings of each chunk. Never changed once
 * made: a patch is a new object sharing the earlier one's lists.
 */
export class MergedGroups<K, R> {
  private constructor(
    /** The groupings of each chunk, in chunk order. */
    private readonly groups: readonly ReadonlyMap<K, readonly R[]>[],
    /** Every key's records, as merged at the last whole merge. */
    private readonly base: ReadonlyMap<K, readonly R[]>,
    /** Keys joined again since the whole merge (undefined: no record has the key any more). */
    private readonly patch: ReadonlyMap<K, readonly R[] | undefined>,
    /**
     * One object per sequence of keys ({@link keys}): a patch whose changed chunks hold the same
     * keys in the same order as before shares its merge's, so what is derived from the keys (the
     * list of a kind's ids) can be kept.
     */
    readonly keySet: object,
    /** The {@link keySet} of the whole merge `base` is: while it is this merge's, `base` has every key in order. */
    private readonly baseKeySet: object,
    /** The keys with more than one record. */
    private readonly several: ReadonlySet<K>,
    /**
     * The keys whose records differ from the merge this one was patched from (joined again);
     * undefined for a whole merge (any key may differ from any earlier merge).
     */
    readonly changedKeys: ReadonlySet<K> | undefined,
  ) {}

  /** Merges the chunks' groupings whole: O(records). */
  static merge<K, R>(groups: readonly ReadonlyMap<K, readonly R[]>[]): MergedGroups<K, R> {
    const keySet = {};
    const base = mergeGroups(groups);
    const several = new Set<K>();
    for (const [key, records] of base) if (records.length > 1) several.add(key);
    return new MergedGroups(groups, base, new Map(), keySet, keySet, several, undefined);
  }

  /**
   * The merge of `groups`, patched from this one when at most a few chunks differ (by identity of
   * their groupings, position by position), else merged whole. A patch costs O(keys of the changed
   * chunks x chunks), and is made only while that is below the cost of a whole merge (O(keys)); a
   * patch that has grown past a quarter of the keys is merged whole.
   */
  next(groups: readonly ReadonlyMap<K, readonly R[]>[]): MergedGroups<K, R> {
    if (!this.patchable(groups)) return MergedGroups.merge(groups);
    const changed: number[] = [];
    for (let i = 0; i < groups.length; i++) if (groups[i] !== this.groups[i]) changed.push(i);
    const touched = new Set<K>();
    if (changed.length === 0) return new MergedGroups(groups, this.base, this.patch, this.keySet, this.baseKeySet, this.several, touched);
    // The same keys in each changed chunk, in the same order: every key is where it was.
    let sameKeys = true;
    for (const i of changed) {
      const before = this.groups[i];
      const after = groups[i];
      for (const [key, records] of after) if (!sameItems(before.get(key), records)) touched.add(key);
      for (const key of before.keys()) if (!after.has(key)) touched.add(key);
      sameKeys &&= sameSequence(before.keys(), after.keys());
    }
    // Each touched key is joined from every chunk: past the cost of a whole merge, merge whole.
    if (touched.size * groups.length > this.base.size + 64) return MergedGroups.merge(groups);
    const patch = new Map(this.patch);
    let several: Set<K> | undefined;
    for (const key of touched) {
      const joined = joinKey(groups, key);
      patch.set(key, joined);
      const count = joined?.length ?? 0;
      if (count > 1 !== this.several.has(key)) {
        several ??= new Set(this.several);
        if (count > 1) several.add(key);
        else several.delete(key);
      }
    }
    if (patch.size * 4 > this.base.size + 64) return MergedGroups.merge(groups);
    return new MergedGroups(groups, this.base, patch, sameKeys ? this.keySet : {}, this.baseKeySet, several ?? this.several, touched);
  }

  /** True when {@link next} would patch this merge for `groups` (the same number of chunks, at most a few of them changed). */
  patchable(groups: readonly ReadonlyMap<K, readonly R[]>[]): boolean {
    if (groups.length !== this.groups.length) return false;
    let changed = 0;
    for (let i = 0; i < groups.length; i++) if (groups[i] !== this.groups[i] && ++changed > MAX_CHANGED_CHUNKS) return false;
    return true;
  }

  /** The records of `key` in chunk order, or undefined when none has it. */
  get(key: K): readonly R[] | undefined {
    return this.patch.has(key) ? this.patch.get(key) : this.base.get(key);
  }

  /** Every key, in the order of its first record (chunk order): O(records), or O(keys) while the keys are the whole merge's. */
  *keys(): IterableIterator<K> {
    if (this.keySet === this.baseKeySet) {
      yield* this.base.keys();
      return;
    }
    const seen = new Set<K>();
    for (const group of this.groups) {
      for (const key of group.keys()) {
        if (seen.has(key)) continue;
        seen.add(key);
        yield key;
      }
    }
  }

  /** The keys with more than one record, in {@link keys} order: O(such keys x chunks). */
  keysWithSeveral(): K[] {
    const at = new Map<K, [number, number]>();
    for (const key of this.several) {
      for (let i = 0; i < this.groups.length; i++) {
        const position = positionsOf(this.groups[i]).get(key);
        if (position === undefined) continue;
        at.set(key, [i, position]);
        break;
      }
    }
    return [...this.several].sort((a, b) => {
      const [ca, pa] = at.get(a)!;
      const [cb, pb] = at.get(b)!;
      return ca - cb || pa - pb;
    });
  }
}

/** The position of each key in a chunk's grouping (its order of first records), made once per grouping. */
function positionsOf<K>(group: ReadonlyMap<K, unknown>): ReadonlyMap<K, number> {
  let positions = positionsIn.get(group) as Map<K, number> | undefined;
  if (!positions) {
    positions = new Map();
    for (const key of group.keys()) positions.set(key, positions.size);
    positionsIn.set(group, positions);
  }
  return positions;
}

const positionsIn = new WeakMap<ReadonlyMap<unknown, unknown>, Map<unknown, number>>();

/**
 * The records of `key` in chunk order: one chunk's list shared as it is, several joined into a new
 * one; undefined when no chunk has the key.
 */
export function joinKey<K, R>(groups: readonly ReadonlyMap<K, readonly R[]>[], key: K): readonly R[] | undefined {
  const lists: (readonly R[])[] = [];
  for (const group of groups) {
    const records = group.get(key);
    if (records) lists.push(records);
  }
  return lists.length <= 1 ? lists[0] : ([] as R[]).concat(...lists);
}

/**
 * Every key of the chunks' groupings with its records in chunk order: a map whose lists are shared
 * with the chunks where one chunk holds the key.
 */
export function mergeGroups<K, R>(groups: readonly ReadonlyMap<K, readonly R[]>[]): Map<K, readonly R[]> {
  const result = new Map<K, readonly R[]>();
  const owned = new Set<readonly R[]>();
  for (const group of groups) {
    for (const [key, records] of group) {
      const before = result.get(key);
      if (!before) result.set(key, records);
      else if (owned.has(before)) for (const r of records) (before as R[]).push(r);
      else {
        const joined = [...before, ...records];
        owned.add(joined);
        result.set(key, joined);
      }
    }
  }
  return result;
}

function sameSequence<K>(a: Iterator<K>, b: Iterator<K>): boolean {
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done || y.done) return x.done === y.done;
    if (x.value !== y.value) return false;
  }
}
