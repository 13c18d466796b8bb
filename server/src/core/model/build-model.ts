import type { YAMLMap } from "yaml";
import { CATALOG_2022, type Catalog } from "../catalog/catalog";
import type { IsmsKind, ParsedFile } from "../parse/parsed-file";
import { convertActionPlan } from "./convert/action-plan";
import { convertAssetInventory } from "./convert/asset-inventory";
import { convertControlCatalog } from "./convert/control-catalog";
import { convertInternalAudit } from "./convert/internal-audit";
import { convertIsmsDefinition } from "./convert/isms-definition";
import { convertManagementReview } from "./convert/management-review";
import { convertNonconformityLog } from "./convert/nonconformity-log";
import { convertObjectives } from "./convert/objectives";
import { convertPolicyRegister } from "./convert/policy-register";
import { convertCompetenceRegister } from "./convert/competence-register";
import { convertIncidentLog } from "./convert/incident-log";
import { convertMonitoringPlan } from "./convert/monitoring-plan";
import { convertSupplierRegister } from "./convert/supplier-register";
import { convertRiskMethodology } from "./convert/risk-methodology";
import { convertRiskRegister } from "./convert/risk-register";
import { convertStatementOfApplicability } from "./convert/statement-of-applicability";
import type { IsmsModel } from "./isms-model";
import type { IdentifiedRecord, RecordKind, Reference } from "./types";
import { INDEXED_LISTS, LIST_OF_KIND, MERGED_LISTS, type MergedList } from "./model-lists";
import { byReferenceId, groupChunk } from "./grouped";
import { MergedGroups } from "./merged-groups";
import { chunksOf, contributionsOf, noteResolved, setContributions } from "./contributions";
import { RecordIndex, type IdGroups } from "./record-index";
import { rate } from "./risk-scoring";
import { YamlReader } from "./yaml-reader";
import { append } from "../append";
import { validateDocument } from "../schema/validate";

/** The base name of the file that holds the ISMS definition. */
const ROOT_FILE = /(?:^|\/)isms\.ya?ml$/i;

type Converter = (r: YamlReader, root: YAMLMap, m: IsmsModel) => void;

/** One converter per kind of document. */
const CONVERTERS: Record<IsmsKind, Converter> = {
  ISMS: convertIsmsDefinition,
  RiskMethodology: convertRiskMethodology,
  AssetInventory: convertAssetInventory,
  RiskRegister: convertRiskRegister,
  StatementOfApplicability: convertStatementOfApplicability,
  ActionPlan: convertActionPlan,
  InternalAudit: convertInternalAudit,
  ManagementReview: convertManagementReview,
  NonconformityLog: convertNonconformityLog,
  Objectives: convertObjectives,
  PolicyRegister: convertPolicyRegister,
  ControlCatalog: convertControlCatalog,
  CompetenceRegister: convertCompetenceRegister,
  MonitoringPlan: convertMonitoringPlan,
  SupplierRegister: convertSupplierRegister,
  IncidentLog: convertIncidentLog,
};

/** An empty model for `root`. */
export function emptyModel(root: string, catalog: Catalog = CATALOG_2022): IsmsModel {
  return {
    root,
    catalog,
    files: [],
    documents: [],
    definitions: [],
    methodologies: [],
    people: [],
    interestedParties: [],
    requirements: [],
    assets: [],
    risks: [],
    statements: [],
    soaEntries: [],
    actions: [],
    audits: [],
    findings: [],
    reviews: [],
    nonconformities: [],
    objectives: [],
    policies: [],
    controlCatalogs: [],
    catalogControls: [],
    competenceRegisters: [],
    roles: [],
    competenceRecords: [],
    awareness: [],
    monitoringPlans: [],
    measures: [],
    supplierRegisters: [],
    suppliers: [],
    incidentLogs: [],
    incidents: [],
    index: new RecordIndex(),
    references: [],
    controlReferences: [],
    readProblems: [],
    invalidFields: [],
  };
}

/** Every merged list is a list of the model (a compile-time check). */
MERGED_LISTS satisfies readonly (keyof IsmsModel)[];

/**
 * Builds the model of one ISMS root from its parsed files (clauses 4 to 10 and Annex A, as
 * recorded): every ISMS document is converted by kind and merged, ids are indexed, references
 * resolved and risk scores computed. Documents with unknown kinds are skipped (the schema check
 * reports them). Never throws on malformed content.
 *
 * With `previous` (the model of the same root before an edit), only what the changed files touch
 * is built again: a list none of them contributes to, before or after, is `previous`'s array
 * itself (so a changed list is a new array: `changedParts` compares by identity), the index keeps
 * the ids of untouched kinds, references are resolved again only when they target a touched kind,
 * and risks are rated again only when new or when the methodology changed (then `risks` is a new
 * array too). The result equals a build without `previous` (a test compares them).
 *
 * @param root  the root folder key, '/'-separated ("" for the workspace top)
 * @param files  the parsed files under that root, in a stable order (sorted by key)
 */
export function buildModel(root: string, files: ParsedFile[], catalog: Catalog = CATALOG_2022, previous?: IsmsModel): IsmsModel {
  const steps = buildModelSteps(root, files, catalog, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link buildModel} in steps (each `next()` does one: a file converted, the lists merged, the
 * ids indexed, the references resolved, the risks rated), so that the language server can answer
 * requests between them. The model is returned by the last step; references and risks shared with
 * `previous` are resolved and rated again in place, as in {@link buildModel}.
 */
export function* buildModelSteps(root: string, files: ParsedFile[], catalog: Catalog = CATALOG_2022, previous?: IsmsModel): Generator<void, IsmsModel, void> {
  const m = emptyModel(root, catalog);
  m.files = files.filter((f) => f.isIsms || f.empty);
  const parts: IsmsModel[] = [];
  for (const file of m.files) {
    parts.push(convertFile(file, catalog));
    yield;
  }
  setContributions(m, parts);
  const before = previous && previous.catalog === catalog && previous.root === root ? contributionsOf(previous) : undefined;
  if (!previous || !before) {
    for (const key of MERGED_LISTS) (m[key] as unknown[]) = merged(parts, key);
    finish(m);
    for (const list of INDEXED_LISTS) for (const record of m[list] as IdentifiedRecord[]) m.index.add(record);
    yield;
    for (const ref of m.references) ref.resolved = m.index.resolve(ref);
    for (const part of parts) noteResolved(part);
    for (const risk of m.risks) rateRisk(m.methodology, risk);
    for (const part of parts) resolvedBy.set(part, m);
    return m;
  }
  const changed = new Set<MergedList>();
  for (const key of MERGED_LISTS) {
    if (sameContributors(before, parts, key)) (m[key] as unknown[]) = previous[key] as unknown[];
    else {
      changed.add(key);
      (m[key] as unknown[]) = merged(parts, key);
    }
  }
  finish(m);
  yield;
  // Each kind's records are in one list (LIST_OF_KIND): a changed list touches its kind.
  const touched = new Set<RecordKind>(KINDS.filter((kind) => changed.has(LIST_OF_KIND[kind])));
  m.index = RecordIndex.keeping(previous.index, touched);
  // A touched kind's ids are merged from its list's file chunks, each grouped once (grouped.ts).
  for (const kind of touched) {
    const before = previous.index.idGroups(kind);
    m.index.setKind(kind, idsOfKind(m, kind, before), before);
  }
  yield;
  // A contribution last resolved and rated by another model than `previous` (a file new to this
  // root, or one another build used since) is resolved and rated afresh.
  const fresh = new Set(parts.filter((part) => resolvedBy.get(part) !== previous));
  if (touched.size > 0 && !changed.has("references")) m.references = m.references.slice(); // resolutions change
  // The contributions with a reference that now names another record than in `previous` (their
  // lists count as changed, below).
  const moved = new Set<IsmsModel>();
  const known = new Set(before);
  for (const part of fresh) {
    for (const ref of part.references) ref.resolved = m.index.resolve(ref);
    noteResolved(part);
    // A contribution `previous` had, resolved by another build since: what its references named
    // in `previous` is not known any more.
    if (known.has(part)) moved.add(part);
  }
  if (touched.size > 0) {
    // A kind whose ids were patched says which ids' records changed: only the references naming
    // one of them can resolve differently. The other touched kinds: every reference targeting them.
    const changedIds = new Map<RecordKind, ReadonlySet<string>>();
    const wholeKinds: RecordKind[] = [];
    for (const kind of touched) {
      const ids = m.index.idGroups(kind);
      const changedKeys = ids instanceof MergedGroups ? (ids as MergedGroups<string, IdentifiedRecord>).changedKeys : undefined;
      if (changedKeys) changedIds.set(kind, changedKeys);
      else wholeKinds.push(kind);
    }
    for (const part of parts) {
      if (fresh.has(part)) continue;
      // Only a reference found or lost changes the contribution's unresolved references.
      let foundOrLost = false;
      const resolve = (ref: Reference) => {
        const was = ref.resolved;
        ref.resolved = m.index.resolve(ref);
        if ((was === undefined) !== (ref.resolved === undefined)) foundOrLost = true;
        if (!sameTarget(was, ref.resolved)) moved.add(part);
      };
      if (wholeKinds.length > 0) {
        const byTarget = groupChunk(part.references, "byTarget", targetsOf);
        for (const kind of wholeKinds) for (const ref of byTarget.get(kind) ?? []) resolve(ref);
      }
      if (changedIds.size > 0 && part.references.length > 0) {
        const byId = groupChunk(part.references, "byId", byReferenceId);
        for (const [kind, ids] of changedIds) for (const id of ids) for (const ref of byId.get(id) ?? []) if (ref.targets.includes(kind)) resolve(ref);
      }
      if (foundOrLost) noteResolved(part);
    }
  }
  // A reference of an unchanged record that now names another record (or none): the lists of its
  // contribution count as changed (new arrays), so that a rule that reads where a reference
  // resolves, without reading the target's list, runs again (see `Rule.reads`).
  for (const part of moved) {
    for (const key of MERGED_LISTS) {
      if ((part[key] as unknown[]).length > 0 && m[key] === previous[key]) (m[key] as unknown[]) = (m[key] as unknown[]).slice();
    }
  }
  yield;
  if (m.methodology !== previous.methodology) {
    if (!changed.has("risks")) m.risks = m.risks.slice(); // every rating may change
    for (const risk of m.risks) rateRisk(m.methodology, risk);
  } else {
    for (const part of fresh) for (const risk of part.risks) rateRisk(m.methodology, risk);
  }
  for (const part of parts) resolvedBy.set(part, m);
  return m;
}

/** The kinds a reference may target (a contribution's references are grouped by them). */
function targetsOf(ref: Reference): readonly RecordKind[] {
  return ref.targets;
}

/** Every kind of record with an id. */
const KINDS = Object.keys(LIST_OF_KIND) as RecordKind[];

/**
 * The records of `kind` by id, in model order, merged from the file chunks of its list: patched
 * from `previous` (the earlier index's) when that was merged from chunks too and few changed.
 */
function idsOfKind(m: IsmsModel, kind: RecordKind, previous: IdGroups | undefined): IdGroups {
  const keysOf = (item: object) => {
    const record = item as IdentifiedRecord;
    return record.id && record.recordKind === kind ? [record.id.value] : [];
  };
  const groups = (chunksOf(m, LIST_OF_KIND[kind]) as readonly (readonly object[])[]).map((chunk) => groupChunk(chunk, `ids:${kind}`, keysOf) as ReadonlyMap<string, readonly IdentifiedRecord[]>);
  return previous instanceof MergedGroups ? (previous as MergedGroups<string, IdentifiedRecord>).next(groups) : MergedGroups.merge(groups);
}

/**
 * True when two resolutions of a reference name the same record: the same object, or records of
 * the same kind and id in the same file (an edit re-reads a record as a new object).
 */
function sameTarget(a: IdentifiedRecord | undefined, b: IdentifiedRecord | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.recordKind === b.recordKind && a.id?.value === b.id?.value && a.file === b.file);
}

/** The root definition and the methodology of a merged model. */
function finish(m: IsmsModel): void {
  // The root definition is the one in isms.yaml (or isms.yml), whatever other file also declares
  // kind: ISMS (isms/duplicate-definition reports those); then the first.
  m.isms = m.definitions.find((d) => ROOT_FILE.test(d.file)) ?? m.definitions[0];
  m.methodology = m.methodologies[0];
}

function rateRisk(methodology: IsmsModel["methodology"], risk: IsmsModel["risks"][number]): void {
  rate(methodology, risk);
  if (risk.residual) rate(methodology, risk.residual);
}

/** True when the same file contributions, in the same order, hold items of `key` in both builds. */
function sameContributors(before: readonly IsmsModel[], after: readonly IsmsModel[], key: MergedList): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < before.length && (before[i][key] as unknown[]).length === 0) i++;
    while (j < after.length && (after[j][key] as unknown[]).length === 0) j++;
    if (i === before.length || j === after.length) return i === before.length && j === after.length;
    if (before[i] !== after[j]) return false;
    i++;
    j++;
  }
}

/**
 * The model that last resolved each contribution's references and rated its risks: those are
 * written into the contribution's records, which every model built from the same parse shares.
 */
const resolvedBy = new WeakMap<IsmsModel, IsmsModel>();

/**
 * What one file contributes to a model, converted once per parsed file and reused while the
 * file is unchanged: an edit re-converts only the edited file, then the cheap cross-file steps
 * (index, resolution, scoring) run again.
 */
const contributions = new WeakMap<ParsedFile, IsmsModel>();

function convertFile(file: ParsedFile, catalog: Catalog): IsmsModel {
  const cached = contributions.get(file);
  if (cached && cached.catalog === catalog) return cached;
  const part = emptyModel("", catalog);
  const reader = new YamlReader(file, part.readProblems);
  for (const doc of file.ismsDocuments) {
    part.documents.push(doc);
    reader.document = doc.doc;
    const convert = doc.kind ? CONVERTERS[doc.kind as IsmsKind] : undefined;
    if (convert && doc.root) convert(reader, doc.root, part);
  }
  for (const doc of file.ismsDocuments) {
    for (const problem of validateDocument(file, doc)) if (problem.field) part.invalidFields.push({ file: file.file, ...problem.field });
  }
  for (const problem of part.readProblems) if (problem.field) part.invalidFields.push({ file: file.file, ...problem.field });
  append(part.references, reader.references);
  append(part.controlReferences, reader.controlReferences);
  contributions.set(file, part);
  return part;
}

/** The items of `key` of every contribution, in file order, in one new array. */
function merged(parts: readonly IsmsModel[], key: MergedList): unknown[] {
  const lists = parts.map((part) => part[key] as unknown[]).filter((list) => list.length > 0);
  if (lists.length <= MAX_SPREAD) return ([] as unknown[]).concat(...lists);
  const all: unknown[] = [];
  for (const list of lists) append(all, list);
  return all;
}

/** The most arguments one call is given by spreading (far below what overflows the stack). */
const MAX_SPREAD = 10_000;
