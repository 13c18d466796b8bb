import { chunksOf } from "./contributions";
import type { IsmsModel } from "./isms-model";
import type { MergedList } from "./model-lists";
import { MergedGroups, joinKey } from "./merged-groups";

/** The records under each key of a {@link grouped} lookup, in model order. */
export interface Grouping<K, R> {
  get(key: K): readonly R[] | undefined;
}

/**
 * A lookup over one list of a model: the records of `list` under each key that `keysOf` gives them,
 * in model order. It is built per file contribution ({@link chunksOf}) and kept per chunk: after
 * an edit in one file, only that file's records are grouped again. When the same lookup of an
 * earlier model was merged whole and few chunks changed since, it is patched from that merge
 * (`MergedGroups`: only the keys of the changed chunks are joined again). Otherwise a key's list is
 * joined from the chunks when first asked for (one step per chunk); once the keys asked for would
 * cost more than joining every key, the chunks are merged whole. A record listed twice under one
 * key (a risk naming a control twice) is kept once.
 *
 * @param name  names the grouping (one cache per name and chunk); `keysOf` must depend on the
 *   record only (not on resolved references, which change without the record changing)
 * @returns  a lookup whose lists are shared between models: never change them
 */
export function grouped<L extends MergedList, K>(model: IsmsModel, list: L, name: string, keysOf: (record: IsmsModel[L][number]) => Iterable<K>): Grouping<K, IsmsModel[L][number]> {
  type R = IsmsModel[L][number];
  const whole = model[list] as readonly R[];
  let byName = lookups.get(whole);
  if (!byName) lookups.set(whole, (byName = new Map()));
  let lookup = byName.get(name) as Grouping<K, R> | undefined;
  if (!lookup) {
    const groups = (chunksOf(model, list) as readonly (readonly R[])[]).map((chunk) => groupChunk(chunk, name, keysOf));
    const key = `${list}\n${name}`;
    const earlier = latest.get(key) as MergedGroups<K, R> | undefined;
    if (groups.length === 1) lookup = groups[0];
    else if (earlier?.patchable(groups)) {
      const merged = earlier.next(groups);
      latest.set(key, merged as MergedGroups<unknown, unknown>);
      lookup = merged;
    } else lookup = new JoinedGroups<K, R>(groups, whole.length, (merged) => latest.set(key, merged as MergedGroups<unknown, unknown>));
    byName.set(name, lookup as Grouping<unknown, unknown>);
  }
  return lookup;
}

/** The last whole merge of each lookup (by list and name), or its patch: the next model's lookup is patched from it. */
const latest = new Map<string, MergedGroups<unknown, unknown>>();

/**
 * The {@link grouped} lookup over several chunks: each key's lists joined on first use, or every
 * key at once (a merge of all chunks, O(records)) when the lookups would cost more.
 */
class JoinedGroups<K, R> implements Grouping<K, R> {
  private readonly joined = new Map<K, readonly R[] | undefined>();
  private all: MergedGroups<K, R> | undefined;
  /** Chunk steps left before the lookups have cost a whole merge. */
  private budget: number;

  constructor(
    private readonly groups: readonly Map<K, R[]>[],
    records: number,
    /** Told of the whole merge, when the lookups come to it. */
    private readonly merged: (all: MergedGroups<K, R>) => void,
  ) {
    this.budget = records;
  }

  get(key: K): readonly R[] | undefined {
    if (this.all) return this.all.get(key);
    if (this.joined.has(key)) return this.joined.get(key);
    this.budget -= this.groups.length;
    if (this.budget < 0) {
      this.all = MergedGroups.merge(this.groups);
      this.merged(this.all);
      return this.all.get(key);
    }
    const result = joinKey(this.groups, key);
    this.joined.set(key, result);
    return result;
  }
}

/** The key of references (and control references) grouped by the id they name ("byId"): one function for every such grouping, since groupings are kept by chunk and name. */
export function byReferenceId(ref: { id: string }): string[] {
  return [ref.id];
}

/**
 * The grouping of one chunk (a file's records of a list, or any array that does not change), kept
 * while the chunk is: its records under each key `keysOf` gives, in order, each once per key.
 */
export function groupChunk<R, K>(chunk: readonly R[], name: string, keysOf: (record: R) => Iterable<K>): Map<K, R[]> {
  let byName = perChunk.get(chunk);
  if (!byName) perChunk.set(chunk, (byName = new Map()));
  let groups = byName.get(name) as Map<K, R[]> | undefined;
  if (groups) return groups;
  groups = new Map<K, R[]>();
  for (const record of chunk) {
    for (const key of keysOf(record)) {
      const list = groups.get(key);
      if (!list) groups.set(key, [record]);
      else if (list[list.length - 1] !== record) list.push(record);
    }
  }
  byName.set(name, groups);
  return groups;
}

const perChunk = new WeakMap<readonly unknown[], Map<string, Map<unknown, unknown[]>>>();
const lookups = new WeakMap<readonly unknown[], Map<string, Grouping<unknown, unknown>>>();
