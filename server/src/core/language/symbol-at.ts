import { isScalar } from "yaml";
import { canonicalControlId, themeOf } from "../catalog/catalog";
import type { IsmsModel } from "../model/isms-model";
import { contributionsOf } from "../model/contributions";
import type { ControlReference, IdentifiedRecord, Reference } from "../model/types";
import type { ParsedDocument, ParsedFile } from "../parse/parsed-file";
import type { Position, Range } from "../text/range";
import { allRecords, inRange } from "./records";
import { fieldPattern, lastKey, nodeAt, scalarSource, type YamlPath } from "./yaml-path";

/** What every kind of symbol carries: where it is and in which document. */
interface SymbolBase {
  /** YAML path of the node (for a key, of the pair it names), e.g. `["risks", 3, "likelihood"]`. */
  path: YamlPath;
  /** Range of the id, reference, control or key at the position. */
  range: Range;
  /** The `kind` of the document holding it. */
  kind?: string;
  document?: ParsedDocument;
}

/** The id of a record where it is defined (`- id: R-001`). */
export interface RecordSymbol extends SymbolBase {
  type: "record";
  record: IdentifiedRecord;
}

/** A reference to a record by id (`owner: ciso`). */
export interface ReferenceSymbol extends SymbolBase {
  type: "reference";
  reference: Reference;
}

/** A reference to an Annex A control or theme (`controls: [A.5.15]`). */
export interface ControlSymbol extends SymbolBase {
  type: "control";
  control: ControlReference;
}

/** A mapping key (`likelihood:`). */
export interface KeySymbol extends SymbolBase {
  type: "key";
  key: string;
}

/** Any other scalar value (`treatment: mitigate`). */
export interface ValueSymbol extends SymbolBase {
  type: "value";
  value: string;
}

/** What is at a position of an ISMS file. */
export type SymbolAt = RecordSymbol | ReferenceSymbol | ControlSymbol | KeySymbol | ValueSymbol;

interface FileIndex {
  readonly records: readonly IdentifiedRecord[];
  readonly references: readonly Reference[];
  readonly controls: readonly ControlReference[];
}

const FILE_INDEX = new WeakMap<IsmsModel, Map<string, FileIndex>>();

/** The {@link FileIndex} of each file contribution (kept while the file is unchanged). */
const PART_INDEX = new WeakMap<IsmsModel, FileIndex>();

const NOTHING: FileIndex = { records: [], references: [], controls: [] };

/**
 * The records, references and control references of one file of a model: those of the file's
 * contribution when `buildModel` made the model (kept across models while the file is unchanged,
 * so a hover after an edit elsewhere does not index every record again), else grouped once per model.
 */
export function fileIndex(model: IsmsModel, file: string): FileIndex {
  const parts = contributionsOf(model);
  if (parts) {
    const part = parts.find((p) => p.documents[0]?.file === file);
    if (!part) return NOTHING;
    let index = PART_INDEX.get(part);
    if (!index) PART_INDEX.set(part, (index = { records: allRecords(part).filter((r) => r.id), references: part.references, controls: part.controlReferences }));
    return index;
  }
  let byFile = FILE_INDEX.get(model);
  if (!byFile) {
    const map = new Map<string, { records: IdentifiedRecord[]; references: Reference[]; controls: ControlReference[] }>();
    const get = (f: string) => {
      let entry = map.get(f);
      if (!entry) map.set(f, (entry = { records: [], references: [], controls: [] }));
      return entry;
    };
    for (const r of allRecords(model)) if (r.id) get(r.file).records.push(r);
    for (const r of model.references) get(r.file).references.push(r);
    for (const c of model.controlReferences) get(c.file).controls.push(c);
    FILE_INDEX.set(model, (byFile = map));
  }
  return byFile.get(file) ?? NOTHING;
}

/** Fields that hold Annex A controls even where the model does not read them (`nonconformities[].control`). */
const CONTROL_FIELDS = new Set(["control", "controls"]);

/**
 * The symbol at `position` of `parsed`: a record's id, a reference, a control reference, a key or
 * a value, with its YAML path. Model ranges win (they know what a value means); the parsed nodes
 * give the path and cover files outside any model. Never throws.
 */
export function symbolAt(model: IsmsModel | undefined, parsed: ParsedFile, position: Position): SymbolAt | undefined {
  try {
    return find(model, parsed, position);
  } catch {
    return undefined;
  }
}

function find(model: IsmsModel | undefined, parsed: ParsedFile, position: Position): SymbolAt | undefined {
  const at = nodeAt(parsed, position);
  const base = { path: at?.path ?? [], kind: at?.document.kind, document: at?.document };
  if (at?.isKey && at.range && isScalar(at.node)) {
    return { ...base, type: "key", key: String(at.node.value), range: at.range };
  }
  if (model) {
    const index = fileIndex(model, parsed.file);
    const record = index.records.find((r) => r.id && inRange(r.id.range, position));
    if (record?.id) return { ...base, type: "record", record, range: record.id.range };
    const reference = index.references.find((r) => inRange(r.range, position));
    if (reference) return { ...base, type: "reference", reference, range: reference.range };
    const control = index.controls.find((c) => inRange(c.range, position));
    if (control) return { ...base, type: "control", control, range: control.range };
  }
  if (!at || !at.range || !isScalar(at.node) || at.node.value === null || at.node.value === undefined) return undefined;
  const written = scalarSource(parsed, at.node).replace(/^["']|["']$/g, "");
  const key = lastKey(at.path);
  if (key && CONTROL_FIELDS.has(key)) {
    const theme = fieldPattern(at.path).endsWith("scope.controls") && themeOf(written) !== undefined;
    const id = theme ? `A.${written.replace(/^A\./i, "")}` : canonicalControlId(written);
    if (id) {
      const control: ControlReference = { id, written, file: parsed.file, range: at.range, numeric: typeof at.node.value === "number", theme, field: fieldPattern(at.path) };
      return { ...base, type: "control", control, range: at.range };
    }
  }
  return { ...base, type: "value", value: String(at.node.value), range: at.range };
}
