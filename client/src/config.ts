import * as vscode from "vscode";

/** Typed access to the `isms.*` settings. */
export class Config {
  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration("isms");
  }

  /** `isms.today`: the date overdue checks use (empty = local date). */
  get today(): string {
    return this.section.get<string>("today", "");
  }

  /** `isms.trace.server`: LSP message tracing. */
  get traceServer(): "off" | "messages" | "verbose" {
    return this.section.get("trace.server", "off");
  }
}
