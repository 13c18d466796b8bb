import type { YAMLMap } from "yaml";
import type { LocalDate } from "../dates";
import type { Range } from "../text/range";

/** A value read from YAML with the range of its node. */
export interface Value<T> {
  value: T;
  range: Range;
}

/** The kinds of record that carry an `id`, each with its own id space. */
export type RecordKind =
  | "person"
  | "interested-party"
  | "requirement"
  | "asset"
  | "risk"
  | "action"
  | "audit"
  | "finding"
  | "review"
  | "nonconformity"
  | "objective"
  | "policy";

/** Human words for each record kind, for messages ("risk", "nonconformity", …). */
export const RECORD_KIND_LABEL: Record<RecordKind, string> = {
  person: "person",
  "interested-party": "interested party",
  requirement: "requirement",
  asset: "asset",
  risk: "risk",
  action: "action",
  audit: "internal audit",
  finding: "audit finding",
  review: "management review",
  nonconformity: "nonconformity",
  objective: "objective",
  policy: "policy",
};

/** What every mapping read from YAML keeps: where it is, and its node (for quick-fixes). */
export interface Located {
  file: string;
  /** Range of the whole mapping. */
  range: Range;
  node: YAMLMap;
}

/** A record with an identifier. `id` is absent when the YAML omits it (the schema reports that). */
export interface IdentifiedRecord extends Located {
  recordKind: RecordKind;
  id?: Value<string>;
}

/**
 * A reference from one record to another by id (a risk's `owner`, an SoA entry's `sources`, …).
 * `targets` lists the kinds of record the field may name, in resolution order.
 */
export interface Reference {
  id: string;
  file: string;
  range: Range;
  targets: RecordKind[];
  /** Dotted path of the field, for messages (`risks[].owner`). */
  field: string;
  /** The record resolved at model build time, if any. */
  resolved?: IdentifiedRecord;
}

/**
 * A reference to an Annex A control. `id` is canonical (`A.5.10`) when the text could be read as
 * a control id; `numeric` is true when YAML read it as a number (unquoted `5.10` is 5.1).
 */
export interface ControlReference {
  id: string;
  /** The text as written in the file. */
  written: string;
  file: string;
  range: Range;
  numeric: boolean;
  /** True when the text names a whole theme (`A.5`), allowed in audit scopes only. */
  theme: boolean;
  field: string;
}

/** A dated approval `{ by, date }` (5.2, 6.1.3 f, 7.5.2). */
export interface Approval extends Located {
  by?: Reference;
  date?: Value<LocalDate>;
}

/** A person of `isms.yaml` `people` (5.3). */
export interface Person extends IdentifiedRecord {
  recordKind: "person";
  name?: Value<string>;
  role?: Value<string>;
  external: boolean;
  /** A member of top management (5.1, 9.3.1), with the authority to accept risk (6.1.3 f). */
  topManagement: boolean;
}

/** An interested party (4.2) of `context.interested_parties`. */
export interface InterestedParty extends IdentifiedRecord {
  recordKind: "interested-party";
  name?: Value<string>;
  requirements: Value<string>[];
}

/** A legal, regulatory, contractual or business requirement (4.2 c, A.5.31). */
export interface Requirement extends IdentifiedRecord {
  recordKind: "requirement";
  title?: Value<string>;
  type?: Value<string>;
}

/** An information or associated asset (A.5.9). */
export interface Asset extends IdentifiedRecord {
  recordKind: "asset";
  name?: Value<string>;
  owner?: Reference;
}

/** A likelihood/impact pair with its computed score and level. */
export interface Rating {
  likelihood?: Value<number>;
  impact?: Value<number>;
  /** Score from the methodology, when both ratings are on its scales. */
  score?: number;
  /** Name of the score band (`High`), when a score exists and a band covers it. */
  level?: string;
}

/** Treatments in ISO/IEC 27001 terms; 27005's modify/retain/share map to mitigate/accept/transfer. */
export type Treatment = "mitigate" | "accept" | "avoid" | "transfer";

/** A risk of a RiskRegister (6.1.2, 6.1.3, 8.2, 8.3). */
export interface Risk extends IdentifiedRecord, Rating {
  recordKind: "risk";
  title?: Value<string>;
  owner?: Reference;
  assets: Reference[];
  /** Canonical treatment, with the range of the value as written. */
  treatment?: Value<Treatment>;
  controls: ControlReference[];
  actions: Reference[];
  residual?: Rating & Located;
  acceptance?: Approval & { expires?: Value<LocalDate> };
  reviewed?: Value<LocalDate>;
}

/** Implementation status of an SoA control (6.1.3 d). */
export type ControlStatus = "implemented" | "partially-implemented" | "planned" | "not-implemented";

/** One control entry of a Statement of Applicability (6.1.3 d). */
export interface SoaEntry extends Located {
  control?: ControlReference;
  applicable?: Value<boolean>;
  justification?: Value<string>;
  status?: Value<string>;
  sources: Reference[];
  owner?: Reference;
  evidence: Value<string>[];
}

/** A StatementOfApplicability document. */
export interface StatementOfApplicability extends Located {
  approved?: Approval;
  entries: SoaEntry[];
  /** Range of the `controls` key, where entries are inserted. */
  controlsKeyRange?: Range;
}

/** An action of an ActionPlan: risk treatment, corrective (10.2 c) or improvement (10.1). */
export interface Action extends IdentifiedRecord {
  recordKind: "action";
  title?: Value<string>;
  type?: Value<string>;
  owner?: Reference;
  due?: Value<LocalDate>;
  status?: Value<string>;
  completed?: Value<LocalDate>;
  verification?: Located & { by?: Reference; date?: Value<LocalDate>; effective?: Value<boolean> };
  followUp?: Reference;
  /** The risk, nonconformity, finding, review or objective the action answers. */
  source?: Reference;
}

/** A finding of an internal audit (9.2). */
export interface AuditFinding extends IdentifiedRecord {
  recordKind: "finding";
  audit: Audit;
  type?: Value<string>;
  clause?: Value<string>;
  control?: ControlReference;
  nonconformity?: Reference;
}

/** An internal audit of an InternalAudit programme (9.2). */
export interface Audit extends IdentifiedRecord {
  recordKind: "audit";
  title?: Value<string>;
  planned?: Value<LocalDate>;
  performed?: Value<LocalDate>;
  auditor?: Reference;
  scopeClauses: Value<string>[];
  scopeControls: ControlReference[];
  scopeRange?: Range;
  criteria?: Value<string>;
  status?: Value<string>;
  reported?: Located & { to?: Reference; date?: Value<LocalDate> };
  findings: AuditFinding[];
}

/** A management review (9.3). `inputs` maps each input key present to its value range. */
export interface ManagementReview extends IdentifiedRecord {
  recordKind: "review";
  date?: Value<LocalDate>;
  attendees: Reference[];
  inputsNode?: YAMLMap;
  inputsRange?: Range;
  /** Input keys present with non-empty content (`performance.audit_results` for nested ones). */
  inputs: Map<string, Range>;
  decisions: Value<string>[];
  decisionsRange?: Range;
  actions: Reference[];
}

/** A nonconformity of the NonconformityLog (10.2). */
export interface Nonconformity extends IdentifiedRecord {
  recordKind: "nonconformity";
  raised?: Value<LocalDate>;
  source?: Reference;
  sourceWord?: Value<string>;
  description?: Value<string>;
  correction?: Value<string>;
  rootCause?: Value<string>;
  similarElsewhere?: Value<string>;
  /** The recorded decision that no corrective action is needed, and why (10.2 b, c). */
  noCorrectiveAction?: Value<string>;
  actions: Reference[];
  status?: Value<string>;
  closed?: Value<LocalDate>;
}

/** An information security objective (6.2). */
export interface Objective extends IdentifiedRecord {
  recordKind: "objective";
  title?: Value<string>;
  owner?: Reference;
  due?: Value<LocalDate>;
  status?: Value<string>;
}

/** A policy of the PolicyRegister (5.2, 7.5). */
export interface Policy extends IdentifiedRecord {
  recordKind: "policy";
  title?: Value<string>;
  path?: Value<string>;
  owner?: Reference;
  approved?: Approval;
  reviewMonths?: Value<number>;
}

/** A level of a likelihood or impact scale. */
export interface ScaleLevel {
  level: number;
  label?: string;
}

/** A score band of the methodology (`{ name: High, max: 16 }`). */
export interface ScoreBand {
  name: string;
  max: number;
  /** Colour of the band in reports, as written (`"#c62828"`); renderers validate it before use. */
  color?: string;
}

/** The risk assessment methodology (6.1.2): scales, scoring, bands and acceptance criteria. */
export interface RiskMethodology extends Located {
  likelihood: ScaleLevel[];
  impact: ScaleLevel[];
  scoring: "multiply" | "matrix";
  matrix?: number[][];
  levels: ScoreBand[];
  acceptanceMaxScore?: Value<number>;
  /** Whole-number levels of the likelihood scale as written (document order, duplicates kept), for checks of the methodology. */
  likelihoodAsWritten?: Value<number>[];
  /** Whole-number levels of the impact scale as written (document order, duplicates kept). */
  impactAsWritten?: Value<number>[];
  /** Score bands as written (document order, unsorted), each with the range of its `max` value. */
  levelsAsWritten?: { name?: string; max: Value<number>; range: Range }[];
  /** Range of the `scoring` value, when written. */
  scoringRange?: Range;
  /** Range of the `matrix` value, when written. */
  matrixRange?: Range;
  /** Rows of `matrix` as written: each row's range and its cells (NaN for a cell that is not a number; no cells when the row is not a sequence). */
  matrixRows?: { range: Range; cells?: Value<number>[] }[];
}

/** A control of a `ControlCatalog` (a source other than Annex A, 6.1.3 b Note 1). */
export interface CatalogControl extends Located {
  id: Value<string>;
  title?: Value<string>;
  /** The `id` of its catalog, if given. */
  catalog?: string;
}

/** The months between recurring events (9.2, 9.3, 8.2); each defaults to 12. */
export interface Cadence {
  managementReview: number;
  internalAudit: number;
  riskReview: number;
  /** Months in which every applicable Annex A control is audited (default 36). */
  auditProgramme: number;
}

/** A rule severity as configured. */
export type ConfiguredSeverity = "error" | "warning" | "info" | "off";

/** The root document `isms.yaml` (kind ISMS): scope, context and settings. */
export interface IsmsDefinition extends Located {
  organization?: Value<string>;
  standard?: Value<string>;
  scopeNode?: YAMLMap;
  scopeRange?: Range;
  scopeStatement?: Value<string>;
  scopeBoundaries: Value<string>[];
  scopeInterfaces: Value<string>[];
  contextRange?: Range;
  climateChange?: Located & { relevant?: Value<boolean>; rationale?: Value<string> };
  cadence: Cadence;
  /** The holders of the 5.3 responsibilities (`responsibilities:` conformance, reporting …), by key. */
  responsibilities: { key: string; holder: Reference }[];
  /** Severity overrides from `rules:`. */
  ruleSeverities: Map<string, Value<ConfiguredSeverity>>;
}
