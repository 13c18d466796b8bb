import { chunksOf } from "./contributions";
import type { IsmsModel } from "./isms-model";
import type { MergedList } from "./model-lists";

/**
 * A lookup over one list of a model: the records of `list` under each key that `keysOf` gives them,
 * in model order. It is built per file contribution ({@link chunksOf}) and kept per chunk, then the
 * chunks are merged: after an edit in one file, only that file's records are grouped again, and
 * the merge costs one step per key and chunk. A record listed twice under one key (a risk naming
 * a control twice) is kept once.
 *
 * @param name  names the grouping (one cache per name and chunk); `keysOf` must depend on the
 *   record only (not on resolved references, which change without the record changing)
 * @returns  a map whose lists are shared between models: never change them
 */
export function grouped<L extends MergedList, K>(model: IsmsModel, list: L, name: string, keysOf: (record: IsmsModel[L][number]) => Iterable<K>): ReadonlyMap<K, readonly IsmsModel[L][number][]> {
  type R = IsmsModel[L][number];
  const whole = model[list] as readonly R[];
  let byName = merged.get(whole);
  if (!byName) merged.set(whole, (byName = new Map()));
  const known = byName.get(name) as Map<K, R[]> | undefined;
  if (known) return known;
  const result = new Map<K, R[]>();
  const owned = new Set<R[]>();
  for (const chunk of chunksOf(model, list) as readonly (readonly R[])[]) {
    for (const [key, records] of groupChunk(chunk, name, keysOf)) {
      const before = result.get(key);
      if (!before) result.set(key, records);
      else if (owned.has(before)) for (const r of records) before.push(r);
      else {
        const joined = [...before, ...records];
        owned.add(joined);
        result.set(key, joined);
      }
    }
  }
  byName.set(name, result);
  return result;
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
const merged = new WeakMap<readonly unknown[], Map<string, Map<unknown, unknown[]>>>();
