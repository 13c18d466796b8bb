import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from "yaml";
import { canonicalControlId, themeOf } from "../catalog/catalog";
import { isLocalDate, type LocalDate } from "../dates";
import type { ParsedFile } from "../parse/parsed-file";
import type { Range } from "../text/range";
import type { ControlReference, Located, RecordKind, Reference, Value } from "./types";
import { resolveAlias } from "./yaml-anchors";
import { ItemCache } from "../parse/item-cache";
import { append } from "../append";
import type { InvalidField } from "./invalid-fields";

/** A problem found while reading values (an impossible date), reported by `schema/invalid`. */
export interface ReadProblem {
  file: string;
  range: Range;
  message: string;
  /** The field whose value is invalid. */
  field?: InvalidField;
}

/**
 * Reads typed values with ranges out of the YAML nodes of one file. Values of the wrong type
 * read as absent: the JSON Schema check reports them, so converters stay simple and never throw.
 * Every reference and control reference read is also collected, for cross-file resolution.
 */
export class YamlReader {
  readonly references: Reference[] = [];
  readonly controlReferences: ControlReference[] = [];

  constructor(
    readonly parsed: ParsedFile,
    private readonly problems: ReadProblem[],
  ) {}

  get file(): string {
    return this.parsed.file;
  }

  /** Range of a node's value (without trailing comments). */
  rangeOf(node: Node | null | undefined): Range {
    const r = node?.range ?? [0, 0, 0];
    return this.parsed.lines.rangeOf(r[0], r[1]);
  }

  /** `{ file, range, node }` of a mapping. */
  located(map: YAMLMap): Located {
    return { file: this.file, range: this.rangeOf(map), node: map };
  }

  /** The YAML document being read, so that aliases (`*name`) resolve to their anchored node. */
  document: Document | undefined;

  /**
   * The node under `key`, if present: aliases resolved, and keys brought in by a merge key
   * (`<<: *defaults`) found too.
   */
  node(map: YAMLMap | undefined, key: string, depth = 0): Node | undefined {
    if (!map || depth > 8) return undefined;
    const own = map.get(key, true) as Node | undefined;
    if (own !== undefined && own !== null) return this.deref(own);
    const mergePair = map.items.find((p) => isScalar(p.key) && (p.key.value === "<<" || (typeof p.key.value === "symbol" && p.key.source === "<<")));
    const merge = this.deref(mergePair?.value as Node | undefined);
    const sources = isMap(merge) ? [merge] : isSeq(merge) ? merge.items.map((i) => this.deref(i as Node)) : [];
    for (const source of sources) {
      const found = isMap(source) ? this.node(source, key, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * The node an alias points at (or the node itself): the closest node before the alias with its
   * anchor, looked up in an index of the document built once (not by walking the document again).
   */
  deref(n: Node | null | undefined): Node | undefined {
    if (n === null || n === undefined) return undefined;
    if (!isAlias(n)) return n;
    try {
      return this.document ? resolveAlias(this.document, n) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The items of a sequence node, aliases resolved. */
  private items(n: Node | undefined): Node[] {
    return isSeq(n) ? n.items.flatMap((i) => [this.deref(i as Node)].filter((x): x is Node => x !== undefined)) : [];
  }

  /** Range of the key `key` itself (for findings about a field), if present. */
  keyRange(map: YAMLMap | undefined, key: string): Range | undefined {
    const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair && isScalar(pair.key) ? this.rangeOf(pair.key) : undefined;
  }

  /** A mapping under `key`. */
  map(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
    const n = this.node(map, key);
    return isMap(n) ? n : undefined;
  }

  /** The mappings of a sequence under `key` (non-mapping items are skipped). */
  maps(map: YAMLMap | undefined, key: string): YAMLMap[] {
    const n = this.node(map, key);
    return this.items(n).filter((i): i is YAMLMap => isMap(i));
  }

  /**
   * `read` of each mapping of the sequence under `key` (one record per item: a risk, an asset, an
   * action …), reusing what an earlier read of the same item node gave. The incremental re-parse
   * keeps every item node an edit did not touch (`parse/incremental-parse.ts`), so after an edit
   * in one risk of a 1,000-risk register only that risk is read again. A reuse needs the same
   * node, `list`, file and start position: the node's text is then unchanged and so is every
   * range in the record. Reuse also brings back the references, control references and read
   * problems the item's read collected. `read` must read the item only (no other state): nodes
   * under an anchor or alias are never kept by the re-parse, so they are always read again.
   *
   * @param list  names what `read` makes of an item (one cache per list and node)
   */
  records<R>(map: YAMLMap | undefined, key: string, list: string, read: (item: YAMLMap) => R): R[] {
    return this.maps(map, key).map((item) => this.record(item, list, read));
  }

  private record<R>(item: YAMLMap, list: string, read: (item: YAMLMap) => R): R {
    const { value: known, made } = itemReads.get(item, this.parsed, list, () => {
      const references = this.references.length;
      const controlReferences = this.controlReferences.length;
      const problems = this.problems.length;
      const record = read(item);
      return {
        record,
        references: this.references.slice(references),
        controlReferences: this.controlReferences.slice(controlReferences),
        problems: this.problems.slice(problems),
      };
    });
    if (!made) {
      append(this.references, known.references);
      append(this.controlReferences, known.controlReferences);
      append(this.problems, known.problems);
    }
    return known.record as R;
  }

  /** A non-empty text; numbers and booleans are read as their text (`version: 2`). */
  text(map: YAMLMap | undefined, key: string): Value<string> | undefined {
    const n = this.node(map, key);
    return isScalar(n) ? this.scalarText(n) : undefined;
  }

  /** Texts of a sequence under `key` (a single scalar reads as a list of one). */
  texts(map: YAMLMap | undefined, key: string): Value<string>[] {
    const n = this.node(map, key);
    if (isScalar(n)) {
      const v = this.scalarText(n);
      return v ? [v] : [];
    }
    return this.items(n).flatMap((i) => (isScalar(i) ? [this.scalarText(i)].filter((v): v is Value<string> => !!v) : []));
  }

  /** True when the key holds something other than null, an empty string or an empty collection. */
  hasContent(map: YAMLMap | undefined, key: string): boolean {
    return hasContent(this.node(map, key));
  }

  /** An integer or decimal number. */
  number(map: YAMLMap | undefined, key: string): Value<number> | undefined {
    const n = this.node(map, key);
    return isScalar(n) && typeof n.value === "number" && Number.isFinite(n.value) ? { value: n.value, range: this.rangeOf(n) } : undefined;
  }

  /** A boolean. */
  boolean(map: YAMLMap | undefined, key: string): Value<boolean> | undefined {
    const n = this.node(map, key);
    return isScalar(n) && typeof n.value === "boolean" ? { value: n.value, range: this.rangeOf(n) } : undefined;
  }

  /**
   * A calendar date. A date-shaped value that is no real day (`2026-02-30`) is reported and
   * reads as absent, so date rules never compute with it.
   */
  date(map: YAMLMap | undefined, key: string): Value<LocalDate> | undefined {
    const n = this.node(map, key);
    if (!isScalar(n) || (typeof n.value !== "string" && !(n.value instanceof Date))) return undefined;
    const text = n.value instanceof Date ? n.value.toISOString().slice(0, 10) : n.value.trim();
    const range = this.rangeOf(n);
    if (isLocalDate(text)) return { value: text, range };
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const id = map?.get("id");
      const of = typeof id === "string" || typeof id === "number" ? ` of ${String(id)}` : "";
      this.problems.push({
        file: this.file,
        range,
        message: `${key}${of}: "${text}" is not a real calendar date (that month has no such day): write a day that exists, as YYYY-MM-DD.`,
        field: map ? { key, container: this.rangeOf(map) } : undefined,
      });
    }
    return undefined;
  }

  /** A single reference by id under `key`. */
  ref(map: YAMLMap | undefined, key: string, targets: RecordKind[], field: string): Reference | undefined {
    const n = this.node(map, key);
    return isScalar(n) ? this.refFrom(n, targets, field) : undefined;
  }

  /** References under `key`: a sequence of ids, or a single id. */
  refs(map: YAMLMap | undefined, key: string, targets: RecordKind[], field: string): Reference[] {
    const n = this.node(map, key);
    if (isScalar(n)) return [this.refFrom(n, targets, field)].filter((r): r is Reference => !!r);
    return this.items(n).flatMap((i) => (isScalar(i) ? [this.refFrom(i, targets, field)].filter((r): r is Reference => !!r) : []));
  }

  /** A single Annex A control reference under `key`. */
  control(map: YAMLMap | undefined, key: string, field: string, allowTheme = false): ControlReference | undefined {
    const n = this.node(map, key);
    return isScalar(n) ? this.controlFrom(n, field, allowTheme) : undefined;
  }

  /** Annex A control references under `key` (sequence or single value). */
  controls(map: YAMLMap | undefined, key: string, field: string, allowTheme = false): ControlReference[] {
    const n = this.node(map, key);
    const items = isScalar(n) ? [n] : this.items(n);
    return items.flatMap((i) => (isScalar(i) ? [this.controlFrom(i, field, allowTheme)].filter((c): c is ControlReference => !!c) : []));
  }

  private scalarText(n: Node): Value<string> | undefined {
    if (!isScalar(n)) return undefined;
    const v = n.value;
    if (v === null || v === undefined) return undefined;
    const text = typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? this.sourceText(n) : undefined;
    if (text === undefined || text.trim() === "") return undefined;
    return { value: text, range: this.rangeOf(n) };
  }

  private sourceText(n: Node): string {
    const r = n.range ?? [0, 0, 0];
    return this.parsed.text.slice(r[0], r[1]).trim();
  }

  /**
   * References and control references already read, by node. A node read again (through an alias:
   * `actions: *acts` on a second risk) gives the same reference, so the model holds one reference
   * per place in the file: one rename edit, one location, one finding.
   */
  private readonly readReferences = new Map<Node, Reference[]>();
  private readonly readControls = new Map<Node, { allowTheme: boolean; ref: ControlReference }[]>();

  private refFrom(n: Node, targets: RecordKind[], field: string): Reference | undefined {
    const v = this.scalarText(n);
    if (!v) return undefined;
    const known = this.readReferences.get(n);
    const same = known?.find((r) => r.field === field && r.targets.length === targets.length && r.targets.every((t, i) => t === targets[i]));
    if (same) return same;
    const ref: Reference = { id: v.value.trim(), file: this.file, range: v.range, targets, field };
    this.references.push(ref);
    if (known) known.push(ref);
    else this.readReferences.set(n, [ref]);
    return ref;
  }

  private controlFrom(n: Node, field: string, allowTheme: boolean): ControlReference | undefined {
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    const known = this.readControls.get(n);
    const same = known?.find((c) => c.ref.field === field && c.allowTheme === allowTheme);
    if (same) return same.ref;
    const numeric = typeof n.value === "number";
    const written = numeric ? this.sourceText(n) : String(n.value).trim();
    if (written === "") return undefined;
    const theme = allowTheme && themeOf(written) !== undefined;
    const id = theme ? `A.${written.replace(/^A\./i, "").trim()}` : (canonicalControlId(written) ?? written);
    const ref: ControlReference = { id, written, file: this.file, range: this.rangeOf(n), numeric, theme, field };
    this.controlReferences.push(ref);
    if (known) known.push({ allowTheme, ref });
    else this.readControls.set(n, [{ allowTheme, ref }]);
    return ref;
  }
}

/** What one read of a sequence item gave (see {@link YamlReader.records}): the record and what its read collected. */
interface ItemRead {
  record: unknown;
  references: Reference[];
  controlReferences: ControlReference[];
  problems: ReadProblem[];
}

const itemReads = new ItemCache<ItemRead>();

/** True when a node holds something: not null, not blank text, not an empty collection. */
export function hasContent(n: Node | null | undefined): boolean {
  if (n === null || n === undefined) return false;
  if (isScalar(n)) return n.value !== null && n.value !== undefined && String(n.value).trim() !== "";
  if (isSeq(n)) return n.items.length > 0;
  if (isMap(n)) return n.items.length > 0;
  return true;
}
