import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReportRequest, type ReportResult } from "@protocol";
import { openLocation } from "./open-location";
import { createNonce, messageBody, reportPage } from "./page";
import { toolbarHtml } from "./toolbars";

/** The reports shown in a webview. */
export type WebviewReport = "soa" | "heatmap" | "readiness" | "review-pack";

/** Tab titles of the report panels. */
export const PANEL_TITLES: Record<WebviewReport, string> = {
  soa: "Statement of Applicability",
  heatmap: "Risk Heat Map",
  readiness: "Certification Readiness",
  "review-pack": "Management Review Pack",
};

/** Wait after a model change before rendering again (ms): a burst of changes renders once. */
const REFRESH_DELAY_MS = 250;

/**
 * One report webview panel: asks the server for the report (`isms/report`, `html-body`), shows it
 * in a page with a strict CSP, renders again when the model changes (only while visible; a hidden
 * panel renders when shown again), and answers the page's messages (open a row or link in the
 * editor, switch the heat map's rating, insert the review pack as a review draft). The page keeps
 * its filters itself (`setState`).
 */
export class ReportPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** The HTML last given to the webview (for tests). */
  html = "";
  /** The server's last answer (`null`: no ISMS root). */
  result: ReportResult | null | undefined;
  /** Rows the page showed when it last reported ready (for tests). */
  readyRows: number | undefined;
  /** Heat map: the residual rating is shown. */
  residual = false;

  private readonly readyEmitter = new vscode.EventEmitter<number>();
  /** Fires when the page has set itself up, with the number of rows it shows. */
  readonly onDidBecomeReady = this.readyEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private shown = "";
  private stale = false;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly kind: WebviewReport,
    private readonly client: LanguageClient,
    /** URI of the ISMS root reported on (`undefined`: the server's first root). */
    public root: string | undefined,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      `isms.report.${kind}`,
      PANEL_TITLES[kind],
      { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [] },
    );
    this.disposables.push(
      this.readyEmitter,
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.stale) void this.refresh();
      }),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  /** Renders the report again soon (after a burst of changes); a hidden panel waits until shown. */
  scheduleRefresh(): void {
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Asks the server for the report and shows it; resolves when the HTML is set (a later refresh supersedes this one). */
  async refresh(): Promise<void> {
    this.stale = false;
    const generation = ++this.generation;
    let result: ReportResult | null;
    try {
      result = await this.client.sendRequest(ReportRequest.type, { report: this.kind, format: "html-body", residual: this.residual, root: this.root });
    } catch (error) {
      if (generation === this.generation) this.show(undefined, `The report could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (generation !== this.generation) return;
    this.result = result;
    if (!result) {
      this.show(undefined, "No ISMS to report on: open a folder whose isms.yaml declares kind: ISMS. (If there is one, the language server could not render the report: see Output › ISMS Workbench.)");
      return;
    }
    this.root = result.root;
    this.panel.title = result.title;
    this.show(result);
  }

  private show(result: ReportResult | undefined, message?: string): void {
    const title = result?.title ?? PANEL_TITLES[this.kind];
    const body = result ? result.content : messageBody(title, message ?? "");
    const styles = result?.styles ?? "";
    const toolbar = result ? toolbarHtml(this.kind, { residual: this.residual }) : "";
    const shown = JSON.stringify([body, styles, toolbar]);
    if (shown === this.shown) return;
    this.shown = shown;
    this.readyRows = undefined;
    this.html = reportPage({ cspSource: this.panel.webview.cspSource, nonce: createNonce(), title, styles, toolbar, body, kind: this.kind });
    this.panel.webview.html = this.html;
  }

  /**
   * Opens what a row or link of the page names (a key of the report's targets) in the editor;
   * unknown keys do nothing. Resolves to the editor, if one was opened.
   */
  async open(key: string): Promise<vscode.TextEditor | undefined> {
    const targets = this.result?.targets;
    const location = targets && Object.hasOwn(targets, key) ? targets[key] : undefined;
    if (!location) return undefined;
    try {
      return await openLocation(location, this.panel.viewColumn);
    } catch (error) {
      void vscode.window.showErrorMessage(`ISMS: cannot open ${location.uri}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private onMessage(message: unknown): void {
    if (typeof message !== "object" || message === null) return;
    const m = message as { type?: unknown; key?: unknown; residual?: unknown; rows?: unknown };
    if (m.type === "open" && typeof m.key === "string") {
      void this.open(m.key);
    } else if (m.type === "insertDraft" && this.kind === "review-pack") {
      void vscode.commands.executeCommand("isms.insertReviewDraft", { root: this.root });
    } else if (m.type === "setResidual" && typeof m.residual === "boolean" && this.kind === "heatmap") {
      this.residual = m.residual;
      void this.refresh();
    } else if (m.type === "ready" && typeof m.rows === "number") {
      this.readyRows = m.rows;
      this.readyEmitter.fire(m.rows);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
