/** Ids longer than this are not compared: no typo of a real id is that long, and it keeps lookups cheap. */
const MAX_COMPARED_LENGTH = 80;

/**
 * Levenshtein distance of two lower-cased strings when it is at most `max`, else `max + 1`: the
 * rows stop as soon as every cell exceeds `max` (no later cell can be smaller), so a candidate
 * that is clearly not a typo costs a few rows, not the whole table.
 */
function boundedDistance(x: string, y: string, max: number): number {
  // Two rows of the table, reused by every call (y is at most MAX_COMPARED_LENGTH long).
  let prev = ROWS[0];
  let cur = ROWS[1];
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x.charCodeAt(i - 1) === y.charCodeAt(j - 1) ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return Math.min(prev[y.length], max + 1);
}

const ROWS = [new Uint16Array(MAX_COMPARED_LENGTH + 1), new Uint16Array(MAX_COMPARED_LENGTH + 1)];

/**
 * The candidates closest to `id` by edit distance, best first, at most `limit`, and only those
 * close enough to be a plausible typo (distance at most a third of the length, minimum 2).
 */
export function closestIds(id: string, candidates: Iterable<string>, limit = 3): string[] {
  return closestAmong(id, distinctCandidates(candidates), limit);
}

/** Distinct candidates with their lower-cased forms, for {@link closestAmong}. */
interface Candidates {
  ids: string[];
  lower: string[];
  /** The closest candidates found so far for each id (at most {@link MAX_REMEMBERED}), by id and limit. */
  found: Map<string, string[]>;
}

/** The most lookups remembered per list of candidates (the ids still unknown after an edit are mostly the same). */
const MAX_REMEMBERED = 1000;

function distinctCandidates(candidates: Iterable<string>): Candidates {
  const known = Array.isArray(candidates) ? distinctOf.get(candidates) : undefined;
  if (known) return known;
  const ids = [...new Set(candidates)];
  // The same ids in a new array (an edit re-indexed the kind without changing its ids): the
  // lookups made among them still hold.
  const same = recent.find((r) => r.ids.length === ids.length && r.ids.every((id, i) => id === ids[i]));
  const distinct: Candidates = same ?? { ids, lower: ids.map((c) => c.toLowerCase()), found: new Map() };
  if (!same) {
    recent.unshift(distinct);
    recent.length = Math.min(recent.length, MAX_RECENT);
  }
  if (Array.isArray(candidates)) distinctOf.set(candidates, distinct);
  return distinct;
}

/** The lists of candidates made last, newest first. */
const recent: Candidates[] = [];
const MAX_RECENT = 8;

/**
 * The distinct candidates of each array of candidates, kept while the array lives: callers pass
 * the same array while the ids it lists are unchanged (`RecordIndex.ids`), and must not change it.
 */
const distinctOf = new WeakMap<readonly string[], Candidates>();

/** `closestIds` among distinct candidates: one pass, allocating only for the plausible ones. */
function closestAmong(id: string, candidates: Candidates, limit: number): string[] {
  if (id.length > MAX_COMPARED_LENGTH) return [];
  const max = Math.max(2, Math.floor(id.length / 3));
  const lower = id.toLowerCase();
  const close: { c: string; d: number }[] = [];
  for (let i = 0; i < candidates.ids.length; i++) {
    const c = candidates.ids[i];
    if (Math.abs(c.length - id.length) > max || c.length > MAX_COMPARED_LENGTH || c === id) continue;
    const d = boundedDistance(lower, candidates.lower[i], max);
    if (d <= max) close.push({ c, d });
  }
  return close
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}

/**
 * `closestIds` for the many unknown ids of one check, with the work bounded: each distinct pair of
 * id and candidate list (named by `key`) is looked up once, and at most `maxDistinct` lookups are
 * made, so a bulk rename that leaves thousands of references dangling costs at most `maxDistinct`
 * scans of the candidates (linear in the size of the ISMS), not one scan per reference. Past the
 * bound it returns no candidates. `candidates` is called once per `key`, when its first lookup is made.
 */
export function boundedClosestIds(maxDistinct = 100): (id: string, key: string, candidates: () => Iterable<string>) => string[] {
  const found = new Map<string, string[]>();
  const lists = new Map<string, Candidates>();
  return (id, key, candidates) => {
    const memoKey = `${key}\u0000${id}`;
    const known = found.get(memoKey);
    if (known) return known;
    if (found.size >= maxDistinct) return [];
    let distinct = lists.get(key);
    if (!distinct) lists.set(key, (distinct = distinctCandidates(candidates())));
    // A lookup made by an earlier check among the same candidates (kept per array) is not made again.
    let closest = distinct.found.get(id);
    if (!closest) {
      closest = closestAmong(id, distinct, 3);
      if (distinct.found.size < MAX_REMEMBERED) distinct.found.set(id, closest);
    }
    found.set(memoKey, closest);
    return closest;
  };
}
