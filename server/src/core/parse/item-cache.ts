import type { Node } from "yaml";
import { contentChangesOf } from "./incremental-parse";
import type { ParsedFile } from "./parsed-file";

/**
 * What is derived from one item node of a block sequence (a risk, an action, an SoA entry …),
 * kept while the item is as it was: the same node (the incremental re-parse keeps the nodes of
 * the items an edit did not touch), in the same file, starting at the same line and column, with
 * nothing inside it replaced since ({@link contentChangesOf}). Its text, and every range derived
 * from it, is then unchanged. Nodes under an anchor or alias are never kept by the re-parse.
 */
export class ItemCache<V> {
  private readonly kept = new WeakMap<Node, { stamp: string; value: V }>();

  /**
   * The value kept for `item`, or `make()`'s (then kept).
   * @param key  what else the value depends on (a list name, a document kind)
   * @param made  called with true when `make` ran
   */
  get(item: Node, file: ParsedFile, key: string, make: () => V): { value: V; made: boolean } {
    const start = file.lines.positionAt(item.range?.[0] ?? 0);
    const stamp = `${file.file}\n${key}\n${start.line}:${start.character}:${contentChangesOf(item)}`;
    const known = this.kept.get(item);
    if (known?.stamp === stamp) return { value: known.value, made: false };
    const value = make();
    this.kept.set(item, { stamp, value });
    return { value, made: true };
  }
}
