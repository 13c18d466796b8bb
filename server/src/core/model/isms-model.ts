import type { Catalog } from "../catalog/catalog";
import type { ParsedDocument, ParsedFile } from "../parse/parsed-file";
import type { RecordIndex } from "./record-index";
import type {
  Action,
  Asset,
  CatalogControl,
  Audit,
  AuditFinding,
  ControlReference,
  InterestedParty,
  IsmsDefinition,
  ManagementReview,
  Nonconformity,
  Objective,
  Person,
  Policy,
  Reference,
  Requirement,
  Risk,
  RiskMethodology,
  SoaEntry,
  StatementOfApplicability,
} from "./types";
import type { ReadProblem } from "./yaml-reader";
import type { InvalidFieldIn } from "./invalid-fields";

/**
 * The whole ISMS under one root folder (the folder holding `isms.yaml`): every document of every
 * file below it merged by kind, with an index of ids and every reference collected.
 * Built by {@link buildModel}; read-only for rules.
 */
export interface IsmsModel {
  /** Root folder key ("" for the top of the workspace), '/'-separated. */
  root: string;
  catalog: Catalog;
  /** Files under this root that are part of the ISMS (or look like it but are broken), and empty YAML files. */
  files: ParsedFile[];
  documents: ParsedDocument[];
  /** `isms.yaml` documents: exactly one is expected. */
  definitions: IsmsDefinition[];
  /** The root definition: the first of `definitions` in a file named `isms.yaml` (or `isms.yml`), else the first. */
  isms?: IsmsDefinition;
  methodologies: RiskMethodology[];
  methodology?: RiskMethodology;
  people: Person[];
  interestedParties: InterestedParty[];
  requirements: Requirement[];
  assets: Asset[];
  risks: Risk[];
  statements: StatementOfApplicability[];
  soaEntries: SoaEntry[];
  actions: Action[];
  audits: Audit[];
  findings: AuditFinding[];
  reviews: ManagementReview[];
  nonconformities: Nonconformity[];
  objectives: Objective[];
  policies: Policy[];
  /** Controls of the ISMS's `ControlCatalog`s (other sources than Annex A). */
  catalogControls: CatalogControl[];
  index: RecordIndex;
  references: Reference[];
  controlReferences: ControlReference[];
  /** Value problems met while reading (impossible dates), reported by `schema/invalid`. */
  readProblems: ReadProblem[];
  /** Fields present with a value that failed the schema or could not be read: invalid, not absent. */
  invalidFields: InvalidFieldIn[];
}
