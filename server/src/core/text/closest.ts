/** Ids longer than this are not compared: no typo of a real id is that long, and it keeps lookups cheap. */
const MAX_COMPARED_LENGTH = 80;

/** Edit distance between two strings (Levenshtein, case-insensitive). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The candidates closest to `id` by edit distance, best first, at most `limit`, and only those
 * close enough to be a plausible typo (distance at most a third of the length, minimum 2).
 */
export function closestIds(id: string, candidates: Iterable<string>, limit = 3): string[] {
  if (id.length > MAX_COMPARED_LENGTH) return [];
  const max = Math.max(2, Math.floor(id.length / 3));
  return [...new Set(candidates)]
    .filter((c) => Math.abs(c.length - id.length) <= max && c.length <= MAX_COMPARED_LENGTH)
    .map((c) => ({ c, d: editDistance(id, c) }))
    .filter((x) => x.d <= max && x.c !== id)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}
