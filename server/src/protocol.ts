/**
 * The custom messages between the ISMS Workbench client (VS Code extension) and its language
 * server, beyond the Language Server Protocol. This is the ONE file both sides import, as
 * `@protocol` (a path alias of tsconfig.json, which esbuild and tsx follow too). Its values come
 * from `vscode-languageserver-protocol` only (a dependency of both the client and the server
 * library), never from `vscode`, `vscode-languageserver` or the engine; the shapes the engine
 * builds (views, form options, new records) are imported from it as types only (`import type`,
 * erased from the bundles), so they are written once. ESLint enforces both.
 *
 * Conventions: methods are `isms/<camelCase>`; every message is a constant object holding `method` and
 * `type`, and plain-JSON param/result interfaces. URIs are strings as the client spells them.
 * To add a message, add its constant and types here, handle it in a feature of
 * `server/src/lsp/features/`, and call it from the client with `client.sendRequest(X.type, …)`.
 */
import { NotificationType, RequestType, type Range, type WorkspaceEdit } from "vscode-languageserver-protocol";
import type { FormOptions, NewAction, NewRisk } from "./core/edits";
import type {
  ActionItem,
  CadenceStatus,
  FindingCounts,
  IsmsViews,
  LevelTone,
  NonconformityItem,
  OverviewView,
  RatingView,
  RegisterGroup,
  RegisterItem,
  RiskItem,
  SoaControlItem,
  TimelineItem,
} from "./core/views/types";
import type { PersonRef } from "./core/report/people";

export type { PersonOption, LevelOption } from "./core/edits";

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
  /** The choices of the forms (see `server/src/core/edits/form-options.ts`), and the date "today" of the root's checks (`YYYY-MM-DD`). */
  options?: FormOptions & { today: string };
}

/** The fields of a new risk (only `title` is required; see `server/src/core/edits/add-record.ts`). */
export type NewRiskFields = NewRisk;

/** The fields of a new action (only `title` is required; see `server/src/core/edits/add-record.ts`). */
export type NewActionFields = NewAction;

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

// ---------------------------------------------------------------------------- isms/addReviewDraft

/** Params of {@link ReviewDraftRequest}. */
export interface ReviewDraftParams extends RootParams {
  /** Start of the pack's period, as for {@link ReportParams.since}; default the last review held. */
  since?: string;
  /** Date of the review meeting (`YYYY-MM-DD`); default today (the root's `isms.today`). */
  date?: string;
}

/**
 * `isms/addReviewDraft` (client → server): computes the minimal edit that appends a new
 * `ManagementReview` entry (next free id, beside the latest review; creates reviews.yaml when there
 * is none) whose `inputs` hold short summaries of the review pack's facts (9.3.2 a-g and resources),
 * for the user to edit before the meeting. The client applies `edit` as for {@link AddRecordRequest}.
 * A bad `since` or `date` is answered with an error whose message says why.
 */
export const ReviewDraftRequest = {
  method: "isms/addReviewDraft",
  type: new RequestType<ReviewDraftParams, AddRecordResult, void>("isms/addReviewDraft"),
} as const;

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

/**
 * The views of one ISMS root (`root` is the URI of the root folder): the engine's
 * {@link IsmsViews} (`server/src/core/views/types.ts`, which documents every field) with records
 * located by the client's URIs.
 */
export type RootViews = IsmsViews<ViewLocation>;

/** A person named by a record: the id as written and, when it resolves, the person's name. */
export type ViewPerson = PersonRef;
/** A colour of a risk level: the methodology's highest band is red, the lowest green. */
export type ViewLevelTone = LevelTone;
/** One register of the Registers view (competence 7.2, awareness 7.3, measures 9.1, suppliers A.5.19-A.5.22, incidents A.5.24-A.5.28). */
export type RegisterViewGroup = RegisterGroup<ViewLocation>;
/** A record of a register: a role, awareness activity, measure, supplier or incident. */
export type RegisterViewItem = RegisterItem<ViewLocation>;
/** Counts of findings shown as errors, warnings and information. */
export type ViewFindingCounts = FindingCounts;
/** A recurring event (9.2, 9.3): the last one held, when the next is due, the next planned. */
export type ViewCadence = CadenceStatus<ViewLocation>;
/** The Plan-Do-Check-Act health of an ISMS. */
export type OverviewViewData = OverviewView<ViewLocation>;
/** A likelihood/impact rating with its score and band. */
export type ViewRating = RatingView;
/** A risk of the register. */
export type RiskViewItem = RiskItem<ViewLocation>;
/** An Annex A control as the SoA decides it. */
export type SoaViewItem = SoaControlItem<ViewLocation>;
/** An action of the ActionPlan. */
export type ActionViewItem = ActionItem<ViewLocation>;
/** An internal audit or a management review. */
export type TimelineViewItem = TimelineItem<ViewLocation>;
/** A nonconformity. */
export type NonconformityViewItem = NonconformityItem<ViewLocation>;

// ------------------------------------------------------------------------------------ isms/report

/** The reports the server renders, with the same engine code as `isms report`. */
export type ReportKind = "soa" | "risks" | "readiness" | "heatmap" | "review-pack";

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
  /** Review pack only: start of the period, a management review id or a date (`YYYY-MM-DD`); default the last review held. */
  since?: string;
  /** URI of the ISMS root folder; default: the first root of the workspace. */
  root?: string;
}

/** Where a row or link of a report opens: a file URI and a range (0-based, as in LSP). */
export type ReportLocation = ViewLocation;

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
