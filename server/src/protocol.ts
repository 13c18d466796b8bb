/**
 * The custom messages between the ISMS Workbench client (VS Code extension) and its language
 * server, beyond the Language Server Protocol. This is the ONE file both sides import: it may only
 * import from `vscode-languageserver-protocol` (a dependency of both the client and the server
 * library), never from `vscode`, `vscode-languageserver` or the engine.
 *
 * Conventions: methods are `isms/<camelCase>`; every message is a constant object holding `method` and
 * `type`, and plain-JSON param/result interfaces. URIs are strings as the client spells them.
 * To add a message, add its constant and types here, handle it in a feature of
 * `server/src/lsp/features/`, and call it from the client with `client.sendRequest(X.type, …)`.
 */
import { NotificationType, RequestType, type Range, type WorkspaceEdit } from "vscode-languageserver-protocol";

/** Counts of the findings the server shows for one ISMS root (or for the ISMS files under no root). */
export interface RootSummary {
  /**
   * URI of the ISMS root folder (the folder holding `isms.yaml` with `kind: ISMS`). For the group
   * of ISMS files that lie under no root: the URI of their workspace folder, or "" when they lie
   * outside every workspace folder.
   */
  root: string;
  /** False for the group of ISMS files under no root (checked for syntax and schema only). */
  isRoot: boolean;
  /** `organization:` of the root's isms.yaml, when given. */
  organization?: string;
  /** Findings shown as errors, warnings and information (after severity settings and suppressions). */
  errors: number;
  warnings: number;
  infos: number;
  /** ISMS files in this group. */
  files: number;
  /** The date "today" that overdue checks used (`YYYY-MM-DD`). */
  today: string;
}

/** Totals over every root. */
export interface SummaryTotals {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

/**
 * `isms/checkWorkspace` (client → server): re-read every ISMS file of the workspace from disk
 * (open editors still win), check every root again and answer when done. Backs the "ISMS: Check
 * workspace" command.
 */
export const CheckWorkspaceRequest = {
  method: "isms/checkWorkspace",
  type: new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>("isms/checkWorkspace"),
} as const;

/** Params of {@link CheckWorkspaceRequest}: none yet (an object so that options can be added). */
export type CheckWorkspaceParams = Record<string, never>;

/** Result of {@link CheckWorkspaceRequest}. */
export interface CheckWorkspaceResult extends SummaryTotals {
  roots: RootSummary[];
}

/**
 * `isms/modelChanged` (server → client): sent after every re-check (an edit, a file change on
 * disk, a settings change). `roots` holds the summary of EVERY root the server knows (not only the
 * re-checked ones), so a client can replace its state; `changed` lists the roots re-checked by this
 * run and `removed` the roots that no longer exist. Clients refresh tree views and the status bar
 * from it (and may ask for details with further requests).
 */
export const ModelChangedNotification = {
  method: "isms/modelChanged",
  type: new NotificationType<ModelChangedParams>("isms/modelChanged"),
} as const;

/** Params of {@link ModelChangedNotification}. */
export interface ModelChangedParams extends SummaryTotals {
  roots: RootSummary[];
  /** `root` of every summary that this run re-checked. */
  changed: string[];
  /** `root` of every group that disappeared (its isms.yaml was deleted or stopped declaring kind: ISMS). */
  removed: string[];
}

/** Which ISMS root a form is about: a root URI, or a document whose root is meant. */
export interface RootParams {
  /** URI of the ISMS root folder (the folder holding isms.yaml). */
  root?: string;
  /** URI of a document (the active editor's): its root is used when `root` is not given. */
  document?: string;
}

/** A person a form may name as owner (from `isms.yaml` `people`). */
export interface PersonOption {
  id: string;
  name?: string;
  role?: string;
}

/** A level of the methodology's likelihood or impact scale. */
export interface LevelOption {
  level: number;
  label?: string;
}

/**
 * `isms/formOptions` (client → server): the choices of the "Add Risk" / "Add Action" forms for
 * one ISMS root: people, the methodology's scales with their labels, treatments, action types.
 * When the root cannot be decided (several roots, no `root`, `document` under none of them)
 * `options` is absent and the client asks the user to pick one of `roots`.
 */
export const FormOptionsRequest = {
  method: "isms/formOptions",
  type: new RequestType<RootParams, FormOptionsResult, void>("isms/formOptions"),
} as const;

/** Result of {@link FormOptionsRequest}. */
export interface FormOptionsResult {
  /** Every ISMS root of the workspace. */
  roots: { root: string; organization?: string }[];
  /** The root the options are for. */
  root?: string;
  options?: {
    organization?: string;
    people: PersonOption[];
    likelihood: LevelOption[];
    impact: LevelOption[];
    treatments: string[];
    actionTypes: string[];
    actionStatuses: string[];
    risks: { id: string; title?: string }[];
    /** The date "today" of the root's checks (`YYYY-MM-DD`). */
    today: string;
  };
}

/** The fields of a new risk (only `title` is required). */
export interface NewRiskFields {
  title: string;
  owner?: string;
  likelihood?: number;
  impact?: number;
  /** mitigate, accept, avoid or transfer. */
  treatment?: string;
}

/** The fields of a new action (only `title` is required). */
export interface NewActionFields {
  title: string;
  /** treatment, corrective or improvement. */
  type?: string;
  owner?: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  /** open (default), in-progress, done or cancelled. */
  status?: string;
  /** Id of the risk, nonconformity … the action answers. */
  source?: string;
}

/** Params of {@link AddRecordRequest}. */
export type AddRecordParams = RootParams & ({ kind: "risk"; fields: NewRiskFields } | { kind: "action"; fields: NewActionFields });

/**
 * `isms/addRecord` (client → server): computes the minimal edit that appends a new risk or action
 * to the root's RiskRegister / ActionPlan (the document with the most records; creates risks.yaml /
 * actions.yaml when there is none) with the next free id. The client applies `edit`, saves, and
 * reveals `range` in `uri`. A field that is not acceptable is answered with an error whose message
 * says why.
 */
export const AddRecordRequest = {
  method: "isms/addRecord",
  type: new RequestType<AddRecordParams, AddRecordResult, void>("isms/addRecord"),
} as const;

/** Result of {@link AddRecordRequest}. */
export interface AddRecordResult {
  /** The edit, as an LSP WorkspaceEdit (`documentChanges` with a `create` operation for a new file). */
  edit: WorkspaceEdit;
  /** Id given to the new record. */
  id: string;
  /** URI of the file that receives it. */
  uri: string;
  /** Range of the new record in that file after the edit. */
  range: Range;
}

// ------------------------------------------------------------------------------------ isms/views

/**
 * `isms/views` (client → server): the data of the ISMS tree views (overview, risks, Statement of
 * Applicability, actions, audits and reviews, nonconformities) for every ISMS root, from the latest
 * check (the server first waits for pending checks). Clients ask again after `isms/modelChanged`.
 * Built by the engine (`server/src/core/views/`, same shapes with file keys); records are located by
 * the client's URIs here.
 */
export const IsmsViewRequest = {
  method: "isms/views",
  type: new RequestType<IsmsViewParams, IsmsViewResult, void>("isms/views"),
} as const;

/** Params of {@link IsmsViewRequest}: none yet. */
export type IsmsViewParams = Record<string, never>;

/** Result of {@link IsmsViewRequest}: one entry per ISMS root (none when the workspace has no isms.yaml). */
export interface IsmsViewResult {
  roots: RootViews[];
}

/** Where a record is: a file URI and the range of the whole record (0-based, as in LSP). */
export interface ViewLocation {
  uri: string;
  range: Range;
}

/** A person named by a record: the id as written and, when it resolves, the person's name. */
export interface ViewPerson {
  id: string;
  name?: string;
}

/** A colour of a risk level: the methodology's highest band is red, the lowest green. */
export type ViewLevelTone = "red" | "orange" | "yellow" | "green";

/** The views of one ISMS root. */
export interface RootViews {
  /** URI of the root folder. */
  root: string;
  organization?: string;
  /** The date "today" the views were built for (`YYYY-MM-DD`). */
  today: string;
  overview: OverviewViewData;
  /** Risks by level: the methodology's bands highest first (empty ones too), then "Unrated" when any risk has no band. */
  risks: { level: string; tone?: ViewLevelTone; risks: RiskViewItem[] }[];
  soa: {
    /** A.5 Organizational … A.8 Technological, always all four, controls in catalog order. */
    themes: { theme: string; prefix: string; applicable: number; implemented: number; controls: SoaViewItem[] }[];
    /** Entries that name no Annex A control. */
    other: SoaViewItem[];
  };
  actions: {
    /** Past due, neither done nor cancelled; most overdue first. */
    overdue: ActionViewItem[];
    /** Due today or within 30 days; soonest first. */
    dueSoon: ActionViewItem[];
    /** Other open actions; soonest first, undated last. */
    open: ActionViewItem[];
    /** Done and cancelled; latest completed first. */
    done: ActionViewItem[];
  };
  /** Internal audits and management reviews, newest first (undated last). */
  timeline: TimelineViewItem[];
  /** Open (oldest raised first) and closed (latest closed first) nonconformities. */
  nonconformities: { open: NonconformityViewItem[]; closed: NonconformityViewItem[] };
}

/** Counts of findings shown as errors, warnings and information. */
export interface ViewFindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A recurring event (9.2, 9.3): the last one held, when the next is due, the next planned. */
export interface ViewCadence {
  cadenceMonths: number;
  last?: { id: string; date: string; location: ViewLocation };
  nextDue?: string;
  /** Days from today to `nextDue` (negative when overdue). */
  daysUntilDue?: number;
  /** True when `nextDue` has passed or none was ever held. */
  overdue: boolean;
  nextPlanned?: { id: string; date: string; location: ViewLocation };
}

/** The Plan-Do-Check-Act health of an ISMS. */
export interface OverviewViewData {
  /** The certification readiness verdict, as the readiness report gives it. */
  readiness: { overall: "ready" | "gaps" | "missing" | "not-tracked"; verdict: string; mutedFindings: number; clausesNotTracked: number };
  /** Findings by phase ("Plan", "Do", "Check", "Act", "Documented information") and area (rule id prefix). */
  findings: ViewFindingCounts & {
    phases: (ViewFindingCounts & {
      phase: string;
      areas: (ViewFindingCounts & { area: string; label: string; findings: { rule: string; severity: "error" | "warning" | "info"; message: string; location: ViewLocation }[] })[];
    })[];
  };
  managementReview: ViewCadence;
  internalAudit: ViewCadence;
  /** The last 12 months: after `since`, up to today. */
  improvement: { since: string; nonconformitiesRaised: number; correctiveActionsCompleted: number };
  /** Applicable SoA controls by status; `implementedShare` = implemented / applicable (0 to 1). */
  controls: { applicable: number; implemented: number; partiallyImplemented: number; planned: number; notImplemented: number; implementedShare?: number };
  /** Risks per level, highest first. */
  riskLevels: { level: string; tone?: ViewLevelTone; count: number }[];
}

/** A likelihood/impact rating with its score and band. */
export interface ViewRating {
  likelihood?: number;
  impact?: number;
  score?: number;
  level?: string;
  tone?: ViewLevelTone;
}

/** A risk of the register. */
export interface RiskViewItem {
  id: string;
  title?: string;
  owner?: ViewPerson;
  treatment?: string;
  inherent: ViewRating;
  residual?: ViewRating;
  aboveAcceptance: boolean;
  controls: string[];
  actions: string[];
  location: ViewLocation;
}

/** An Annex A control as the SoA decides it. */
export interface SoaViewItem {
  control: string;
  title?: string;
  /** Not listed in the SoA (its location is then the SoA's `controls:` key, when there is an SoA). */
  missing: boolean;
  applicable?: boolean;
  status?: string;
  justification?: string;
  /** Applicable and traced to nothing. */
  untraced: boolean;
  owner?: ViewPerson;
  sources: string[];
  /** Risks that list the control. */
  risks: string[];
  location?: ViewLocation;
}

/** An action of the ActionPlan. */
export interface ActionViewItem {
  id: string;
  title?: string;
  type?: string;
  owner?: ViewPerson;
  status?: string;
  due?: string;
  completed?: string;
  /** Days from today to `due` (negative when past). */
  daysUntilDue?: number;
  source?: string;
  location: ViewLocation;
}

/** An internal audit or a management review. */
export interface TimelineViewItem {
  kind: "audit" | "review";
  id: string;
  title?: string;
  date?: string;
  state: "planned" | "completed" | "cancelled";
  auditor?: ViewPerson;
  /** Findings of an audit. */
  findings?: number;
  /** Decisions of a review. */
  decisions?: number;
  location: ViewLocation;
}

/** A nonconformity. */
export interface NonconformityViewItem {
  id: string;
  description?: string;
  raised?: string;
  closed?: string;
  status?: string;
  source?: string;
  correction?: string;
  rootCause?: string;
  actions: string[];
  location: ViewLocation;
}

// ------------------------------------------------------------------------------------ isms/report

/** The reports the server renders, with the same engine code as `isms report`. */
export type ReportKind = "soa" | "risks" | "readiness" | "heatmap";

/**
 * Formats of {@link ReportRequest}: `html-body` is a `<main>` element for a webview (interactive:
 * rows and links carry `data-open` keys of `targets`, SoA rows carry `data-theme`, `data-applicable`,
 * `data-status` and `data-traced`, heat-map cells `data-cell`); `html` a standalone document with
 * its own strict CSP and no script; `md` GitHub Markdown; `csv` RFC 4180.
 */
export type ReportFormat = "html-body" | "html" | "md" | "csv";

/**
 * `isms/report` (client → server): renders a report of one ISMS root from the latest check (the
 * server first waits for pending checks). Answers `null` when the workspace has no ISMS root (or
 * `root` names none).
 */
export const ReportRequest = {
  method: "isms/report",
  type: new RequestType<ReportParams, ReportResult | null, void>("isms/report"),
} as const;

/** Params of {@link ReportRequest}. */
export interface ReportParams {
  report: ReportKind;
  format: ReportFormat;
  /** Heat map only: place risks by their residual rating instead of the inherent one. */
  residual?: boolean;
  /** URI of the ISMS root folder; default: the first root of the workspace. */
  root?: string;
}

/** Where a row or link of a report opens: a file URI and a range (0-based, as in LSP). */
export interface ReportLocation {
  uri: string;
  range: Range;
}

/** Result of {@link ReportRequest}. */
export interface ReportResult {
  /** The rendered report. */
  content: string;
  /** The report's title with the organization ("Statement of Applicability — Acme Ltd"). */
  title: string;
  /** URI of the ISMS root reported on. */
  root: string;
  /** `html-body` only: the style sheet the body needs (report CSS and band colours), for the page's nonce'd style element. */
  styles?: string;
  /** `html-body` only: where each `data-open` key of the body lies (SoA entries, their sources, risks, findings). */
  targets?: Record<string, ReportLocation>;
}
