/**
 * Appends every item of `items` to `target`, in order. Unlike `target.push(...items)`, works for
 * any number of items (spreading passes each as an argument and overflows the call stack at about
 * a hundred thousand, which an ISMS with that many records or findings reaches).
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
