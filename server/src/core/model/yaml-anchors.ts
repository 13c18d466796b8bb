import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from "yaml";

/**
 * What the aliases (`*name`) of one YAML document refer to, found in one walk of the document.
 * `yaml`'s own `Alias.resolve(doc)` walks the whole document on every call, which made reading a
 * register whose records each start with `<<: *defaults` quadratic.
 */
export interface AnchorIndex {
  /**
   * The node each alias of the document refers to: the closest node before it (in document order,
   * a collection before its contents) that carries its anchor; `undefined` when there is none.
   */
  targets: Map<Alias, Node | undefined>;
  /**
   * Nodes as written: scalars, collections and aliases (pairs are not counted). Not counted (0,
   * like `expanded` and `expandedDepth`) for a document that holds no alias ({@link holdsNoAlias}).
   */
  written: number;
  /**
   * Nodes once every alias is replaced by a copy of what it refers to, as a plain-data reader
   * (`toJS`, a JSON Schema validator) walks them. `Infinity` when an alias refers to a node that
   * contains it (the data would be circular).
   */
  expanded: number;
  /** The first alias found inside the node it refers to, if any. */
  circular?: Alias;
  /**
   * How deep the document nests once every alias is replaced by what it refers to (a collection
   * holding only scalars: 2): each alias adds the height of its anchored node, so a chain of
   * anchors nests far deeper than anything written. `Infinity` when the data would be circular.
   */
  expandedDepth: number;
}

/**
 * Builds the {@link AnchorIndex} of a document: linear in the size of the document as written,
 * however far its aliases would expand.
 */
export function buildAnchorIndex(doc: Document): AnchorIndex {
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  /** Expanded size of each anchored node whose walk is finished. */
  const sizes = new Map<Node, number>();
  /** Expanded height of each anchored node whose walk is finished. */
  const heights = new Map<Node, number>();
  let written = 0;
  let circular: Alias | undefined;

  /** Walks a node; returns its expanded size and height (1 for a scalar, 1 + the highest item for a collection). */
  const walk = (node: unknown): [size: number, height: number] => {
    if (node === null || node === undefined) return [0, 0];
    if (isAlias(node)) {
      written++;
      const target = anchors.get(node.source);
      targets.set(node, target);
      if (!target) return [1, 1];
      const size = sizes.get(target);
      if (size !== undefined) return [size, heights.get(target) ?? 1];
      // Not finished: the alias is inside the node it refers to.
      circular ??= node;
      return [Infinity, Infinity];
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return [0, 0];
    written++;
    // Like yaml's resolution, an anchor counts from its node on: aliases inside the node see it.
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    let size = 1;
    let below = 0;
    const add = ([s, h]: [number, number]) => {
      size += s;
      below = Math.max(below, h);
    };
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          add(walk(item.key));
          add(walk(item.value));
        } else add(walk(item));
      }
    }
    const height = isScalar(node) ? 1 : 1 + below;
    if (anchor) {
      sizes.set(node as Node, size);
      heights.set(node as Node, height);
    }
    return [size, height];
  };

  const [expanded, expandedDepth] = walk(doc.contents);
  return { targets, written, expanded, circular, expandedDepth };
}

const indexes = new WeakMap<Document, AnchorIndex>();

/** The index of a document without aliases: nothing refers to anything, nothing expands. */
const NO_ALIASES: AnchorIndex = { targets: new Map(), written: 0, expanded: 0, expandedDepth: 0 };

/**
 * Notes that `doc` holds no alias (it was read from a text without `*`): its {@link anchorIndex}
 * needs no walk of the document. (A document that holds none has no expansion to measure.)
 */
export function holdsNoAlias(doc: Document): void {
  if (!indexes.has(doc)) indexes.set(doc, NO_ALIASES);
}

/**
 * The {@link AnchorIndex} of a document, built once and cached. A document changed in place by
 * `reparseFile` keeps its index: that re-parse only runs on files without anchors or aliases,
 * whose index (no aliases; expanded size equal to the size written) stays true for every check.
 */
export function anchorIndex(doc: Document): AnchorIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = buildAnchorIndex(doc);
    indexes.set(doc, index);
  }
  return index;
}

/**
 * The node an alias of `doc` refers to (the closest preceding node with its anchor, as YAML
 * defines it), through the cached index of the document; `undefined` when no node has the anchor.
 */
export function resolveAlias(doc: Document, alias: Alias): Node | undefined {
  let index = anchorIndex(doc);
  if (!index.targets.has(alias)) {
    // The document was changed since it was indexed (an alias the index never saw): index it again.
    index = buildAnchorIndex(doc);
    indexes.set(doc, index);
  }
  return index.targets.get(alias);
}
