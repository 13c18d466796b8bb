import type { ControlTheme } from "../catalog/catalog";
import type { LocalDate } from "../dates";
import type { Severity } from "../findings";
import type { PersonRef } from "../report/people";
import type { Location } from "../text/range";

/**
 * The data of the editor's ISMS views (overview, risks, SoA, actions, audits and reviews,
 * nonconformities) for one ISMS root, as plain JSON.
 *
 * Every type is generic in `L`, the way a record is located: the engine builds them with
 * `Location` (file key and range); the language server relocates them to client URIs (see
 * `isms/views` in `server/src/protocol.ts`, whose wire types have the same shape).
 */
export interface IsmsViews<L = Location> {
  /** Root folder key (the folder holding `isms.yaml`). */
  root: string;
  /** `organization:` of `isms.yaml`, when given. */
  organization?: string;
  /** The date "today" the views were built for. */
  today: LocalDate;
  overview: OverviewView<L>;
  /** Risks by level: the methodology's bands, highest first, then "Unrated" when any risk has no band. */
  risks: RiskLevelGroup<L>[];
  soa: SoaView<L>;
  actions: ActionsView<L>;
  /** Internal audits and management reviews, newest first (undated ones last). */
  timeline: TimelineItem<L>[];
  nonconformities: NonconformitiesView<L>;
}

/** A colour of a risk level, from the highest band (red) to the lowest (green). */
export type LevelTone = "red" | "orange" | "yellow" | "green";

// ------------------------------------------------------------------------------------ overview

/** The Plan-Do-Check-Act phases, plus the documented information (7.5) every phase relies on. */
export type PdcaPhase = "Plan" | "Do" | "Check" | "Act" | "Documented information";

/** Counts of findings shown as errors, warnings and information. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** One finding, for the overview's drill-down. */
export interface FindingItem<L = Location> {
  rule: string;
  severity: Severity;
  message: string;
  location: L;
}

/** The findings of one area: the rules sharing a rule id prefix (`soa`, `risk`, `action` …). */
export interface AreaHealth<L = Location> extends FindingCounts {
  /** The rule id prefix. */
  area: string;
  /** Human name of the area ("Statement of Applicability"). */
  label: string;
  findings: FindingItem<L>[];
}

/** The findings of one PDCA phase, by area (every known area of the phase, with or without findings). */
export interface PhaseHealth<L = Location> extends FindingCounts {
  phase: PdcaPhase;
  areas: AreaHealth<L>[];
}

/** A dated record (a review held, an audit performed or planned). */
export interface DatedRecord<L = Location> {
  id: string;
  date: LocalDate;
  location: L;
}

/** When a recurring event (management review 9.3, internal audit 9.2) is next due. */
export interface CadenceStatus<L = Location> {
  /** Months between two events (`cadence:` of `isms.yaml`, default 12). */
  cadenceMonths: number;
  /** The latest event held on or before today. */
  last?: DatedRecord<L>;
  /** `last` plus the cadence; absent when none was held. */
  nextDue?: LocalDate;
  /** Days from today to `nextDue` (negative when overdue). */
  daysUntilDue?: number;
  /** True when `nextDue` has passed, or none was ever held. */
  overdue: boolean;
  /** The earliest event planned but not held yet. */
  nextPlanned?: DatedRecord<L>;
}

/** Counts of the improvement loop (10.2) over the last 12 months. */
export interface ImprovementCounts {
  /** First day of the period (today minus 12 months); the period ends today. */
  since: LocalDate;
  nonconformitiesRaised: number;
  /** Actions of type corrective, done, with a completed date in the period. */
  correctiveActionsCompleted: number;
}

/** Implementation of the applicable controls of the SoA (6.1.3 d, 8.3). */
export interface ControlImplementation {
  applicable: number;
  implemented: number;
  partiallyImplemented: number;
  planned: number;
  notImplemented: number;
  /** implemented / applicable, from 0 to 1 (partially implemented controls do not count); absent when nothing is applicable. */
  implementedShare?: number;
}

/** How many risks have a level. */
export interface LevelCount {
  level: string;
  tone?: LevelTone;
  count: number;
}

/** The health of the ISMS at a glance. */
export interface OverviewView<L = Location> {
  /** The certification readiness verdict, as the readiness report gives it. */
  readiness: ReadinessVerdict;
  findings: FindingCounts & { phases: PhaseHealth<L>[] };
  managementReview: CadenceStatus<L>;
  internalAudit: CadenceStatus<L>;
  improvement: ImprovementCounts;
  controls: ControlImplementation;
  /** Risks per level, highest first ("Unrated" last, when any). */
  riskLevels: LevelCount[];
}

/** The readiness verdict of the overview: the same as the readiness report's. */
export interface ReadinessVerdict {
  overall: "ready" | "gaps" | "missing" | "not-tracked";
  /** In words: "Ready for the certification audit", "Gaps to close before the audit" … */
  verdict: string;
  /** Findings muted by rules turned off or lowered, or by suppressions (each blocks "Ready"). */
  mutedFindings: number;
  /** Sub-clauses of 4 to 10 not recorded in the ISMS files. */
  clausesNotTracked: number;
}

// ------------------------------------------------------------------------------------ risks

/** A rating with its score and band. */
export interface RatingView {
  likelihood?: number;
  impact?: number;
  score?: number;
  level?: string;
  tone?: LevelTone;
}

/** A risk of the register. */
export interface RiskItem<L = Location> {
  /** The id as written ("" when missing). */
  id: string;
  title?: string;
  owner?: PersonRef;
  treatment?: string;
  inherent: RatingView;
  residual?: RatingView;
  /** True when the inherent score is above the methodology's acceptance threshold. */
  aboveAcceptance: boolean;
  /** Control ids as listed under `controls` (canonical when they are Annex A ids). */
  controls: string[];
  /** Action ids as listed under `actions`. */
  actions: string[];
  location: L;
}

/** The risks of one level, by score (highest first), then id. */
export interface RiskLevelGroup<L = Location> {
  level: string;
  /** Absent for "Unrated". */
  tone?: LevelTone;
  risks: RiskItem<L>[];
}

// ------------------------------------------------------------------------------------ SoA

/** One Annex A control as the SoA decides it (or a control the SoA does not list). */
export interface SoaControlItem<L = Location> {
  /** Canonical control id (`A.5.15`), or the text as written when it is not an Annex A id. */
  control: string;
  title?: string;
  /** True when the control has no entry in the SoA (soa/missing-control). */
  missing: boolean;
  applicable?: boolean;
  status?: string;
  justification?: string;
  /** True when the control is applicable and traced to nothing (soa/untraced-control). */
  untraced: boolean;
  owner?: PersonRef;
  /** Ids named under `sources`. */
  sources: string[];
  /** Ids of the risks that list the control under `controls`. */
  risks: string[];
  /** The entry; for a missing control, the `controls:` key of the SoA (where it would go), when there is an SoA. */
  location?: L;
}

/** The controls of one theme in catalog order, with their counts. */
export interface SoaThemeView<L = Location> {
  theme: ControlTheme;
  /** `A.5` … `A.8`. */
  prefix: string;
  applicable: number;
  implemented: number;
  controls: SoaControlItem<L>[];
}

/** The Statement of Applicability by theme. */
export interface SoaView<L = Location> {
  /** The four themes, always present, in order. */
  themes: SoaThemeView<L>[];
  /** Entries whose control is not an Annex A control (or is not given). */
  other: SoaControlItem<L>[];
}

// ------------------------------------------------------------------------------------ actions

/** An action of the ActionPlan. */
export interface ActionItem<L = Location> {
  id: string;
  title?: string;
  /** treatment, corrective or improvement. */
  type?: string;
  owner?: PersonRef;
  status?: string;
  due?: LocalDate;
  completed?: LocalDate;
  /** Days from today to `due` (negative when past). */
  daysUntilDue?: number;
  /** The id of the record the action answers (`source:`). */
  source?: string;
  location: L;
}

/** Actions by urgency. */
export interface ActionsView<L = Location> {
  /** Due before today and neither done nor cancelled (action/overdue), most overdue first. */
  overdue: ActionItem<L>[];
  /** Not done, due today or within the next 30 days, soonest first. */
  dueSoon: ActionItem<L>[];
  /** The other open actions, soonest due first (undated last). */
  open: ActionItem<L>[];
  /** Done and cancelled actions, latest completed first. */
  done: ActionItem<L>[];
}

// ------------------------------------------------------------------------------------ audits and reviews

/** An internal audit (9.2) or a management review (9.3) on the timeline. */
export interface TimelineItem<L = Location> {
  kind: "audit" | "review";
  id: string;
  title?: string;
  /** Performed (else planned) date of an audit; date of a review. */
  date?: LocalDate;
  /** An audit's status; a review dated after today (or undated) is planned. */
  state: "planned" | "completed" | "cancelled";
  /** The auditor of an audit. */
  auditor?: PersonRef;
  /** Findings of an audit; decisions of a review. */
  findings?: number;
  decisions?: number;
  location: L;
}

// ------------------------------------------------------------------------------------ nonconformities

/** A nonconformity of the NonconformityLog (10.2). */
export interface NonconformityItem<L = Location> {
  id: string;
  description?: string;
  raised?: LocalDate;
  closed?: LocalDate;
  status?: string;
  /** The id of what raised it (an audit finding, an incident …), or the source word. */
  source?: string;
  correction?: string;
  rootCause?: string;
  /** Corrective action ids. */
  actions: string[];
  location: L;
}

/** Nonconformities open (oldest first) and closed (latest closed first). */
export interface NonconformitiesView<L = Location> {
  open: NonconformityItem<L>[];
  closed: NonconformityItem<L>[];
}

/** Turns a record's location (file key and range) into the location the caller wants. */
export type Locate<L> = (location: Location) => L;
