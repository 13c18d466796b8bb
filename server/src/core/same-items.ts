/** True when both lists hold the same objects in the same order (an identity test per item, no deep comparison). */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  return a === b || (a !== undefined && a.length === b.length && a.every((item, i) => item === b[i]));
}
