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
import { RecordIndex } from "./record-index";
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

/**
 * Builds the model of one ISMS root from its parsed files (clauses 4 to 10 and Annex A, as
 * recorded): every ISMS document is converted by kind and merged, ids are indexed, references
 * resolved and risk scores computed. Documents with unknown kinds are skipped (the schema check
 * reports them). Never throws on malformed content.
 *
 * @param root  the root folder key, '/'-separated ("" for the workspace top)
 * @param files  the parsed files under that root, in a stable order (sorted by key)
 */
export function buildModel(root: string, files: ParsedFile[], catalog: Catalog = CATALOG_2022): IsmsModel {
  const m = emptyModel(root, catalog);
  m.files = files.filter((f) => f.isIsms || f.empty);
  for (const file of m.files) mergeInto(m, convertFile(file, catalog));
  // The root definition is the one in isms.yaml (or isms.yml), whatever other file also declares
  // kind: ISMS (isms/duplicate-definition reports those); then the first.
  m.isms = m.definitions.find((d) => ROOT_FILE.test(d.file)) ?? m.definitions[0];
  m.methodology = m.methodologies[0];

  for (const list of [
    m.people,
    m.interestedParties,
    m.requirements,
    m.assets,
    m.risks,
    m.actions,
    m.audits,
    m.findings,
    m.reviews,
    m.nonconformities,
    m.objectives,
    m.policies,
    m.controlCatalogs,
    m.catalogControls,
    m.roles,
    m.awareness,
    m.measures,
    m.suppliers,
    m.incidents,
  ]) {
    for (const record of list) m.index.add(record);
  }
  for (const ref of m.references) ref.resolved = m.index.resolve(ref);
  for (const risk of m.risks) {
    rate(m.methodology, risk);
    if (risk.residual) rate(m.methodology, risk.residual);
  }
  return m;
}

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

const MERGED_LISTS = [
  "documents",
  "definitions",
  "methodologies",
  "people",
  "interestedParties",
  "requirements",
  "assets",
  "risks",
  "statements",
  "soaEntries",
  "actions",
  "audits",
  "findings",
  "reviews",
  "nonconformities",
  "objectives",
  "policies",
  "controlCatalogs",
  "catalogControls",
  "competenceRegisters",
  "roles",
  "competenceRecords",
  "awareness",
  "monitoringPlans",
  "measures",
  "supplierRegisters",
  "suppliers",
  "incidentLogs",
  "incidents",
  "references",
  "controlReferences",
  "readProblems",
  "invalidFields",
] as const satisfies readonly (keyof IsmsModel)[];

function mergeInto(model: IsmsModel, part: IsmsModel): void {
  for (const key of MERGED_LISTS) append(model[key] as unknown[], part[key] as unknown[]);
}
