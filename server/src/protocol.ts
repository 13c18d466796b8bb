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
import { NotificationType, RequestType } from "vscode-languageserver-protocol";

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
