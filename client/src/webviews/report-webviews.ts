import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReportPanel, type WebviewReport } from "./report-panel";
import { activeRoot, type ModelSource } from "./report-root";

/** Options of {@link ReportWebviews.show}. */
export interface ShowOptions {
  /** Heat map: show the residual rating. */
  residual?: boolean;
}

/**
 * The report webviews (SoA preview, risk heat map, certification readiness): at most one panel
 * per report, re-rendered when the model changes. Exported by `activate` for the integration
 * tests (`panel(kind).html` is the last page given to the webview).
 */
export class ReportWebviews implements vscode.Disposable {
  private readonly panels = new Map<WebviewReport, ReportPanel>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly client: LanguageClient,
    /** Where the model summary comes from (the root of the active editor is reported on). */
    readonly model: ModelSource,
  ) {
    this.subscription = model.onDidChange(() => {
      for (const panel of this.panels.values()) panel.scheduleRefresh();
    });
  }

  /** Shows a report (creating its panel, or revealing it), rendered for the active root; resolves once rendered. */
  async show(kind: WebviewReport, options: ShowOptions = {}): Promise<ReportPanel> {
    const root = activeRoot(this.model);
    let panel = this.panels.get(kind);
    if (panel) {
      panel.panel.reveal(undefined, false);
      if (root) panel.root = root;
    } else {
      panel = new ReportPanel(kind, this.client, root, () => this.panels.delete(kind));
      this.panels.set(kind, panel);
    }
    if (options.residual !== undefined) panel.residual = options.residual;
    await panel.refresh();
    return panel;
  }

  /** The open panel of a report, if any. */
  panel(kind: WebviewReport): ReportPanel | undefined {
    return this.panels.get(kind);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
    this.panels.clear();
  }
}
