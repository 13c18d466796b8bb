import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { IsmsViewRequest, ModelChangedNotification, type ModelChangedParams, type RootViews } from "@protocol";

/** What the views know: still loading, no ISMS root in the workspace, or the views of every root. */
export type ViewState = "loading" | "none" | "ready";

/** Context key holding the {@link ViewState}, for `viewsWelcome` `when` clauses. */
export const VIEW_STATE_CONTEXT = "isms.views.state";

/**
 * The client's copy of what the server's model says: the summary of the last `isms/modelChanged`
 * and the `isms/views` data of every root, asked for after each one. Every view, and the status
 * bar, reads it and listens to {@link onDidChange}.
 *
 * The language client keeps ONE handler per notification method, so this store is the only
 * listener of `isms/modelChanged` in the client: anything else that must follow the model listens
 * to the store.
 */
export class IsmsViewStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the summary or the view data changed. */
  readonly onDidChange = this.changed.event;

  private summaryValue: ModelChangedParams | undefined;
  private rootsValue: RootViews[] = [];
  private stateValue: ViewState = "loading";
  private generation = 0;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {
    void this.publishState();
    this.subscription = client.onNotification(ModelChangedNotification.type, (params) => {
      this.summaryValue = params;
      this.changed.fire();
      void this.refresh();
    });
  }

  /** The summary of the last `isms/modelChanged`, or `undefined` before the first one. */
  get summary(): ModelChangedParams | undefined {
    return this.summaryValue;
  }

  /** The views of every ISMS root (empty while loading or when there is none). */
  get roots(): readonly RootViews[] {
    return this.rootsValue;
  }

  get state(): ViewState {
    return this.stateValue;
  }

  /** Actions past due and neither done nor cancelled, over every root. */
  get overdueActions(): number {
    return this.rootsValue.reduce((n, r) => n + r.actions.overdue.length, 0);
  }

  /**
   * Asks the server for the views again; resolves once they are in (a later refresh supersedes an
   * earlier one still waiting for its answer).
   */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const result = await this.client.sendRequest(IsmsViewRequest.type, {});
      if (generation !== this.generation) return;
      this.rootsValue = result.roots;
      this.stateValue = result.roots.length > 0 ? "ready" : "none";
      await this.publishState();
      this.changed.fire();
    } catch (error) {
      if (generation === this.generation) this.output.appendLine(`Could not update the ISMS views: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async publishState(): Promise<void> {
    await vscode.commands.executeCommand("setContext", VIEW_STATE_CONTEXT, this.stateValue);
  }
}
