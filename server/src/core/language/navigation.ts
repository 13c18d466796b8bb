import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { SymbolKind, type DocumentSymbol, type Location, type TextEdit, type WorkspaceEdit, type WorkspaceSymbol } from "vscode-languageserver-types";
import { canonicalControlId } from "../catalog/catalog";
import { buildModel } from "../model/build-model";
import type { IsmsModel } from "../model/isms-model";
import { RECORD_KIND_LABEL, type Audit, type IdentifiedRecord, type RecordKind, type Reference } from "../model/types";
import type { ParsedFile } from "../parse/parsed-file";
import type { Position, Range } from "../text/range";
import { allRecords, controlReferencesNamed, inRange, oneLine, recordTitle, recordsOfKind, referencesNamed, referencesTo } from "./records";
import { symbolAt, type SymbolAt } from "./symbol-at";
import { catalogControl, knownControl } from "../model/controls";

/** The pattern every record id follows (common.schema.json `id`). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function location(file: string, range: Range): Location {
  return { uri: file, range };
}

/**
 * One of each place (file and range), first occurrence first. A value read through an alias
 * (`actions: *acts`) is one place however many records read it: editors reject a rename with two
 * edits of the same range, and list a location once.
 */
function uniquePlaces<T extends { range: Range }>(places: T[], fileOf: (place: T) => string): T[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${fileOf(p)}\u0000${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueLocations(locations: Location[]): Location[] {
  return uniquePlaces(locations, (l) => l.uri);
}

/** The record a symbol names: the record itself, or the target of a reference. */
function recordOf(model: IsmsModel | undefined, symbol: SymbolAt | undefined): IdentifiedRecord | undefined {
  if (!symbol) return undefined;
  if (symbol.type === "record") return symbol.record;
  if (symbol.type === "reference") return symbol.reference.resolved ?? model?.index.resolve(symbol.reference);
  if (symbol.type === "control" && !symbol.control.theme && model) return catalogControl(model, symbol.control.id);
  return undefined;
}

/**
 * Where a record is cited: the references resolved to it and, for a catalog control, every
 * place a control field names it (risks, SoA entries, audit scopes), each with its file and range.
 */
function citations(model: IsmsModel, record: IdentifiedRecord): { file: string; range: Range }[] {
  const refs: { file: string; range: Range }[] = referencesTo(model, record);
  const id = record.id?.value;
  if (record.recordKind !== "control" || id === undefined) return refs;
  return [...refs, ...controlReferencesNamed(model, id).filter((c) => !c.theme && c.field !== "controls[].maps_to")];
}

/**
 * Go to definition: a reference goes to the id of the record it names (in whichever file), a
 * control to its Statement of Applicability entry. Empty when nothing is defined.
 */
export function definition(model: IsmsModel | undefined, parsed: ParsedFile, position: Position): Location[] {
  try {
    const symbol = symbolAt(model, parsed, position);
    if (!symbol || !model) return [];
    if (symbol.type === "control") {
      if (symbol.control.theme) return [];
      const other = catalogControl(model, symbol.control.id);
      if (other?.id) return [location(other.file, other.id.range)];
      return model.soaEntries.filter((e) => e.control?.id === symbol.control.id).map((e) => location(e.file, (e.control as { range: Range }).range));
    }
    if (symbol.type === "record") return symbol.record.id ? [location(symbol.record.file, symbol.record.id.range)] : [];
    if (symbol.type === "reference") {
      const ref = symbol.reference;
      const targets = ref.targets.flatMap((kind) => recordsOfKind(model, kind).filter((r) => r.id?.value === ref.id));
      return targets.flatMap((r) => (r.id ? [location(r.file, r.id.range)] : []));
    }
    return [];
  } catch {
    return [];
  }
}

/**
 * Find all references: every place citing the id at `position` across the files of the ISMS
 * (and its definition when `includeDeclaration`). For a control: the risks, SoA entries, audit
 * scopes and findings naming it.
 */
export function references(model: IsmsModel | undefined, parsed: ParsedFile, position: Position, includeDeclaration = true): Location[] {
  try {
    const symbol = symbolAt(model, parsed, position);
    if (!symbol || !model) return [];
    if (symbol.type === "control" && !catalogControl(model, symbol.control.id)) {
      const id = symbol.control.id;
      const declarations = new Set(model.soaEntries.map((e) => e.control));
      return uniqueLocations(
        controlReferencesNamed(model, id)
          .filter((c) => c.theme === symbol.control.theme)
          .filter((c) => includeDeclaration || !declarations.has(c))
          .map((c) => location(c.file, c.range)),
      );
    }
    const record = recordOf(model, symbol);
    if (record?.id) {
      const refs = citations(model, record).map((r) => location(r.file, r.range));
      return uniqueLocations(includeDeclaration ? [location(record.file, record.id.range), ...refs] : refs);
    }
    if (symbol.type === "reference") {
      // An id that resolves to nothing: the other places naming the same id.
      const ref = symbol.reference;
      return uniqueLocations(sameId(model, ref).map((r) => location(r.file, r.range)));
    }
    return [];
  } catch {
    return [];
  }
}

function sameId(model: IsmsModel, ref: Reference): Reference[] {
  return referencesNamed(model, ref.id).filter((r) => r.targets.some((t) => ref.targets.includes(t)));
}

/** The range and text of the id at `position` when it can be renamed, else an error message. */
export function prepareRename(model: IsmsModel | undefined, parsed: ParsedFile, position: Position): { range: Range; placeholder: string } | { error: string } {
  try {
    const symbol = symbolAt(model, parsed, position);
    const checked = renameTarget(model, symbol);
    if ("error" in checked) return checked;
    return { range: innerRange(parsed, symbol?.range as Range), placeholder: checked.record.id?.value ?? "" };
  } catch (error) {
    return { error: `Cannot rename here: ${String(error)}` };
  }
}

function renameTarget(model: IsmsModel | undefined, symbol: SymbolAt | undefined): { record: IdentifiedRecord } | { error: string } {
  if (!symbol) return { error: "Nothing to rename here: place the cursor on a record id or on a reference to one." };
  if (symbol.type === "control" && !(model && !symbol.control.theme && catalogControl(model, symbol.control.id))) {
    return { error: `${symbol.control.id} is an Annex A control id of ISO/IEC 27001:2022: control ids are fixed by the standard and cannot be renamed.` };
  }
  if (!model) return { error: "This file is not part of an ISMS (no isms.yaml above it), so its ids cannot be renamed across files." };
  const record = recordOf(model, symbol);
  if (!record?.id) {
    if (symbol.type === "reference") return { error: `\`${symbol.reference.id}\` does not name any record of this ISMS: rename the record it should name, or fix the reference.` };
    return { error: "Only record ids can be renamed: place the cursor on an `id` value or on a reference to one." };
  }
  return { record };
}

/**
 * Renames the id at `position` (a record's `id` or a reference to it) and every reference to it
 * across the files of the ISMS. Returns an error message instead when the symbol is an Annex A
 * control, the new id is not a valid id, or another record of the same kind already has it.
 */
export function rename(model: IsmsModel | undefined, parsed: ParsedFile, position: Position, newName: string): { edit: WorkspaceEdit } | { error: string } {
  try {
    const symbol = symbolAt(model, parsed, position);
    const checked = renameTarget(model, symbol);
    if ("error" in checked) return checked;
    const { record } = checked;
    const m = model as IsmsModel;
    const newId = newName.trim();
    const oldId = record.id?.value ?? "";
    if (!ID_PATTERN.test(newId)) {
      return { error: `"${newName}" is not a valid id: start with a letter or digit, then use only letters, digits and . _ : - (no spaces).` };
    }
    if (canonicalControlId(newId) !== undefined) {
      return {
        error: `"${newId}" reads as an Annex A control id: give the ${RECORD_KIND_LABEL[record.recordKind]} an id of its own (e.g. with a prefix), so that it is not taken for a control where both may be written.`,
      };
    }
    if (newId === oldId) return { edit: { changes: {} } };
    const clash = recordsOfKind(m, record.recordKind).find((r) => r.id?.value === newId);
    if (clash) return { error: `A ${RECORD_KIND_LABEL[record.recordKind]} with the id ${newId} already exists (${clash.file}, line ${(clash.id?.range.start.line ?? 0) + 1}): ids must be unique.` };
    const places = uniquePlaces([{ file: record.file, range: (record.id as { range: Range }).range }, ...citations(m, record).map((r) => ({ file: r.file, range: r.range }))], (p) => p.file);
    const changes: Record<string, TextEdit[]> = {};
    for (const place of places) {
      const file = m.files.find((f) => f.file === place.file) ?? (place.file === parsed.file ? parsed : undefined);
      const edit = file ? idEdit(file, place.range, newId) : { range: place.range, newText: newId };
      (changes[place.file] ??= []).push(edit);
    }
    return { edit: { changes } };
  } catch (error) {
    return { error: `Cannot rename here: ${String(error)}` };
  }
}

/** The range inside quotes, when the scalar at `range` is quoted. */
function innerRange(parsed: ParsedFile, range: Range): Range {
  const text = parsed.text;
  const start = parsed.lines.offsetAt(range.start);
  const end = parsed.lines.offsetAt(range.end);
  const q = text[start];
  if ((q === '"' || q === "'") && end - start >= 2 && text[end - 1] === q) {
    return { start: parsed.lines.positionAt(start + 1), end: parsed.lines.positionAt(end - 1) };
  }
  return range;
}

/** The edit writing `id` over the scalar at `range`, keeping its quotes, quoting when YAML would misread it. */
function idEdit(parsed: ParsedFile, range: Range, id: string): TextEdit {
  const inner = innerRange(parsed, range);
  if (inner !== range) return { range: inner, newText: id };
  const plain = parseDocument(id).contents;
  const readsAsString = isScalar(plain) && typeof plain.value === "string" && plain.value === id;
  return { range, newText: readsAsString ? id : `"${id}"` };
}

const SYMBOL_KIND: Record<RecordKind, SymbolKind> = {
  person: SymbolKind.Constant,
  "interested-party": SymbolKind.Constant,
  requirement: SymbolKind.Interface,
  asset: SymbolKind.Object,
  risk: SymbolKind.Event,
  action: SymbolKind.Function,
  audit: SymbolKind.Class,
  finding: SymbolKind.Field,
  review: SymbolKind.Class,
  nonconformity: SymbolKind.Struct,
  objective: SymbolKind.Enum,
  policy: SymbolKind.File,
  "control-catalog": SymbolKind.Package,
  control: SymbolKind.Constant,
  role: SymbolKind.Interface,
  awareness: SymbolKind.Event,
  measure: SymbolKind.Number,
  supplier: SymbolKind.Object,
  incident: SymbolKind.Event,
};

function recordSymbol(record: IdentifiedRecord, children?: DocumentSymbol[]): DocumentSymbol | undefined {
  if (!record.id) return undefined;
  const title = recordTitle(record);
  return {
    name: record.id.value,
    detail: title ? oneLine(title, 80) : RECORD_KIND_LABEL[record.recordKind],
    kind: SYMBOL_KIND[record.recordKind],
    range: record.range,
    selectionRange: record.id.range,
    children,
  };
}

/**
 * The outline of a file: one symbol per document (its kind), holding its records by id and
 * title (findings under their audit; SoA entries by control). `model` may be omitted for a file
 * outside any ISMS: the file alone is read then.
 */
export function documentSymbols(model: IsmsModel | undefined, parsed: ParsedFile): DocumentSymbol[] {
  try {
    const m = model && model.files.some((f) => f.file === parsed.file) ? model : buildModel("", [parsed]);
    const records = allRecords(m).filter((r) => r.file === parsed.file && r.recordKind !== "finding");
    const entries = m.soaEntries.filter((e) => e.file === parsed.file);
    const out: DocumentSymbol[] = [];
    for (const doc of parsed.documents) {
      if (!doc.root) continue;
      const inDoc = (range: Range) => inRange(doc.range, range.start);
      const children: DocumentSymbol[] = [];
      for (const record of records) {
        if (!inDoc(record.range)) continue;
        const sub = record.recordKind === "audit" ? (record as Audit).findings.flatMap((f) => recordSymbol(f) ?? []) : undefined;
        const symbol = recordSymbol(record, sub && sub.length ? sub : undefined);
        if (symbol) children.push(symbol);
      }
      for (const entry of entries) {
        if (!entry.control || !inDoc(entry.range)) continue;
        const control = knownControl(m, entry.control.id);
        const state = entry.applicable === undefined ? undefined : entry.applicable.value ? (entry.status?.value ?? "applicable") : "excluded";
        children.push({
          name: entry.control.id,
          detail: [control?.title, state].filter(Boolean).join(" · "),
          kind: SymbolKind.Constant,
          range: entry.range,
          selectionRange: entry.control.range,
        });
      }
      if (doc.kind === "RiskMethodology" || doc.kind === "ISMS") children.push(...sectionSymbols(parsed, doc.root, children));
      children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const name = doc.kind ?? "YAML document";
      out.push({
        name,
        detail: doc.kind ? `${children.length} ${children.length === 1 ? "entry" : "entries"}` : undefined,
        kind: SymbolKind.Module,
        range: doc.range,
        selectionRange: doc.kindRange ?? doc.range,
        children,
      });
    }
    return out;
  } catch {
    return [];
  }
}

/** Top-level sections (`scope`, `likelihood`, …) of documents without many records, except those already holding record symbols. */
function sectionSymbols(parsed: ParsedFile, root: YAMLMap, taken: DocumentSymbol[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    if (key === "apiVersion" || key === "kind") continue;
    const value = pair.value;
    if (!(isMap(value) || isSeq(value)) || !value.range) continue;
    const range = parsed.lines.rangeOf(pair.key.range[0], value.range[1]);
    if (taken.some((t) => inRange(range, t.range.start))) continue;
    out.push({ name: key, kind: SymbolKind.Namespace, range, selectionRange: parsed.lines.rangeOf(pair.key.range[0], pair.key.range[1]) });
  }
  return out;
}

/** True when the characters of `query` appear in `text` in order (case-insensitive). */
function subsequence(query: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < query.length; j++) if (text[j] === query[i]) i++;
  return i === query.length;
}

/**
 * Workspace symbols: the records of every model (and SoA entries by control) whose id or title
 * contains `query` (exact and prefix id matches first, then substrings, then fuzzy subsequences).
 */
export function workspaceSymbols(models: readonly IsmsModel[], query: string, limit = 500): WorkspaceSymbol[] {
  try {
    const q = query.trim().toLowerCase();
    const scored: { score: number; symbol: WorkspaceSymbol }[] = [];
    const consider = (id: string, title: string | undefined, kind: SymbolKind, file: string, range: Range, container: string) => {
      const lid = id.toLowerCase();
      const ltitle = (title ?? "").toLowerCase();
      let score: number;
      if (!q) score = 5;
      else if (lid === q) score = 0;
      else if (lid.startsWith(q)) score = 1;
      else if (lid.includes(q)) score = 2;
      else if (ltitle.includes(q)) score = 3;
      else if (subsequence(q, lid) || subsequence(q, `${lid} ${ltitle}`)) score = 4;
      else return;
      scored.push({ score, symbol: { name: title ? `${id} ${oneLine(title, 80)}` : id, kind, location: location(file, range), containerName: container } });
    };
    for (const model of models) {
      for (const record of allRecords(model)) {
        if (record.id) consider(record.id.value, recordTitle(record), SYMBOL_KIND[record.recordKind], record.file, record.id.range, RECORD_KIND_LABEL[record.recordKind]);
      }
      for (const entry of model.soaEntries) {
        if (entry.control) consider(entry.control.id, knownControl(model, entry.control.id)?.title, SymbolKind.Constant, entry.file, entry.control.range, "Statement of Applicability");
      }
    }
    return scored
      .sort((a, b) => a.score - b.score || (a.symbol.name < b.symbol.name ? -1 : a.symbol.name > b.symbol.name ? 1 : 0))
      .slice(0, limit)
      .map((s) => s.symbol);
  } catch {
    return [];
  }
}
