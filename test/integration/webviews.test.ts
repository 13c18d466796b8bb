import * as assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ReportPanel, ReportWebviews } from "../../client/src/webviews";
import { ReportRequest, type ReportParams, type ReportResult } from "@protocol";
import { fileUri, waitFor, workspaceRoot } from "./vscode-helpers";

interface ScreenshotHost {
  screenshot(name: string): Promise<string>;
}

/** What `activate` returns (the parts these tests use). */
interface ExtensionApi {
  client: LanguageClient;
  webviews: ReportWebviews;
}

const TODAY = "2026-11-30";

/** Rows of an SoA page: one `<tr>` per control carrying its theme. */
function soaRows(html: string): number {
  return [...html.matchAll(/<tr [^>]*data-theme="/g)].length;
}

/** Screenshots the report panel (the active editor group, maximized for the picture, notifications cleared). */
async function screenshot(name: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const host = require(path.join(__dirname, "..", "..", "..", "test", "e2e", "mocha-in-host.js")) as ScreenshotHost;
  await vscode.commands.executeCommand("notifications.clearAll");
  await vscode.commands.executeCommand("workbench.action.toggleMaximizeEditorGroup");
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await host.screenshot(name);
  } finally {
    await vscode.commands.executeCommand("workbench.action.toggleMaximizeEditorGroup");
  }
}

/** Waits until the page's script reports it set itself up, and returns the rows it shows. */
function readyRows(panel: ReportPanel): Promise<number> {
  return waitFor("the webview's script to report ready", () => panel.readyRows, 30_000);
}

describe("report webviews and exports in VS Code", () => {
  let api: ExtensionApi;

  /**
   * Sends `isms/report` by its method name: this test bundle has its own copy of the protocol
   * library, whose RequestType the extension's client would not recognise.
   */
  function report(params: ReportParams): Promise<ReportResult | null> {
    return api.client.sendRequest<ReportResult | null>(ReportRequest.method, params);
  }

  before(async () => {
    await vscode.workspace.getConfiguration("isms").update("today", TODAY, vscode.ConfigurationTarget.Workspace);
    const extension = vscode.extensions.getExtension<ExtensionApi>("isms-workbench.isms-workbench");
    assert.ok(extension, "the ISMS Workbench extension is installed");
    api = await extension.activate();
    assert.ok(api.webviews, "activate returns the report webviews");
    await waitFor("the SoA of examples/acme as of today", async () => {
      const result = await report({ report: "soa", format: "md", root: workspaceRoot().toString() });
      return result?.content.includes(`as of ${TODAY}`) ? result : undefined;
    });
    // Reports are about the root of the file in the editor: make it acme's (earlier tests open other ISMSs).
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.window.showTextDocument(fileUri("soa.yaml"));
  });

  after(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("isms/report renders the SoA body with a target for every row and source", async () => {
    const result = await report({ report: "soa", format: "html-body" });
    assert.ok(result);
    assert.equal(result.title, "Statement of Applicability — Acme Cloud Ltd");
    assert.equal(result.root, workspaceRoot().toString());
    assert.equal(soaRows(result.content), 93 + 4, "Annex A, then the four ISO/IEC 27017 controls");
    assert.ok(result.content.indexOf("CLD.6.3.1") > result.content.indexOf("A.8.34"), "catalog controls after Annex A");
    assert.ok(result.styles?.includes("--vscode-editor-foreground"));
    const keys = [...result.content.matchAll(/data-open="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(keys.length > 93, `${keys.length} rows and links`);
    for (const key of keys) assert.ok(result.targets?.[key], `${key} resolves`);
    const a515 = /data-open="(soa:\d+)"[^>]*><th scope="row">A\.5\.15</.exec(result.content);
    assert.ok(a515);
    assert.equal(result.targets?.[a515[1]].uri, fileUri("soa.yaml").toString());
  });

  it("Preview Statement of Applicability: 93 + 4 rows in a page with a strict CSP; a row opens its entry", async () => {
    const panel = await vscode.commands.executeCommand<ReportPanel>("isms.previewSoa");
    assert.equal(panel, api.webviews.panel("soa"));
    assert.equal(panel.panel.title, "Statement of Applicability — Acme Cloud Ltd");
    const html = panel.html;
    assert.equal(soaRows(html), 93 + 4);
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "").replace(/&#39;/g, "'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /^default-src 'none'; style-src [^;]+ 'nonce-[^']+'; script-src 'nonce-[^']+';$/);
    assert.ok(html.includes(`<script nonce="${nonce}">`) && html.includes(`<style nonce="${nonce}">`));
    assert.equal([...html.matchAll(/<script/g)].length, 1, "one script, the nonce'd one");
    assert.ok(!/\s(?:src|style)=/.test(html), "no resources, no inline style attributes");
    assert.ok(html.includes(`<select data-filter="theme">`) && html.includes(`<input type="checkbox" data-filter="traced" value="no">`));
    assert.equal(panel.panel.visible, true);

    assert.equal(await readyRows(panel), 93 + 4, "the page's script ran and shows every row");
    await screenshot("soa-preview");

    const key = /<tr tabindex="0" data-open="(soa:\d+)"[^>]*><th scope="row">A\.5\.15</.exec(html)?.[1];
    assert.ok(key);
    const editor = await panel.open(key);
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), fileUri("soa.yaml").toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /control: A\.5\.15\b/);
    assert.equal(await panel.open("soa:unknown"), undefined);
  });

  it("the SoA preview follows edits of the SoA", async () => {
    const panel = api.webviews.panel("soa");
    assert.ok(panel);
    const document = await vscode.workspace.openTextDocument(fileUri("soa.yaml"));
    const text = document.getText();
    const marker = "Reviewed-in-the-preview-test";
    const at = text.indexOf("justification: ") + "justification: ".length;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(at), `${marker} `);
    assert.ok(await vscode.workspace.applyEdit(edit));
    panel.panel.reveal(undefined, true);
    try {
      await waitFor("the preview to show the edit", () => (panel.html.includes(marker) ? true : undefined), 30_000);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
      await vscode.workspace.applyEdit(undo);
      await document.save();
    }
  });

  it("Show Risk Heat Map: the grid with counts, inherent then residual", async () => {
    const panel = await vscode.commands.executeCommand<ReportPanel>("isms.showHeatMap");
    assert.equal(panel, api.webviews.panel("heatmap"));
    assert.ok(panel.html.includes("Risk heat map (inherent)"));
    assert.match(panel.html, /<td class="num swatch-2" tabindex="0" data-cell="cell:3-4"><span aria-hidden="true">7<\/span>/);
    assert.ok(panel.html.includes(".swatch-3 { background-color: #c62828; color: #ffffff; }"));
    assert.ok(panel.html.includes(`<button type="button" data-residual="false" aria-pressed="true">Inherent</button>`));
    await readyRows(panel);
    await screenshot("heat-map");

    await vscode.commands.executeCommand("isms.showHeatMap", { residual: true });
    assert.ok(panel.html.includes("Risk heat map (residual)"));
    assert.ok(panel.html.includes(`<button type="button" data-residual="true" aria-pressed="true">Residual</button>`));
  });

  it("Certification Readiness Report: clauses, Annex A and the PDCA loop", async () => {
    const panel = await vscode.commands.executeCommand<ReportPanel>("isms.showReadiness");
    assert.equal(panel.panel.title, "Certification readiness — Acme Cloud Ltd");
    assert.ok(panel.html.includes("Gaps to close before the audit"));
    assert.ok(panel.html.includes("Is the PDCA loop running?"));
    assert.match(panel.html, /<caption id="readiness-clause-10">Clause 10 Improvement: Gaps<\/caption>/);
    assert.match(panel.html, /<a href="#" data-open="finding:\d+">warning nc\/no-root-cause: Nonconformity NC-004/);
  });

  it("ISMS: Prepare Management Review: the 9.3.2 inputs since MR-2026-1, records open on click, and the draft is inserted", async () => {
    const panel = await vscode.commands.executeCommand<ReportPanel>("isms.prepareManagementReview");
    assert.equal(panel.panel.title, "Management review pack — Acme Cloud Ltd");
    assert.ok(panel.html.includes("Since the last management review held, MR-2026-1 of 2026-06-18, to 2026-11-30."));
    assert.ok(panel.html.includes(`<button type="button" id="insert-draft">Insert as review draft</button>`));
    assert.ok((await readyRows(panel)) > 100, "every fact is a row");

    const key = /<a href="#" data-open="(pack:\d+)">actions\.yaml:30<\/a>/.exec(panel.html)?.[1];
    assert.ok(key, "ACT-004 links to its record");
    const editor = await panel.open(key);
    assert.equal(editor?.document.uri.toString(), fileUri("actions.yaml").toString());
    assert.equal(editor?.document.lineAt(editor.selection.active.line).text, "  - id: ACT-004");

    const reviews = fileUri("reviews/management-reviews.yaml");
    const before = readFileSync(reviews.fsPath, "utf8");
    try {
      const added = await vscode.commands.executeCommand<{ id: string; range: { start: { line: number } } } | undefined>("isms.insertReviewDraft", { root: panel.root, date: TODAY });
      assert.equal(added?.id, "MR-2026-2");
      const onDisk = readFileSync(reviews.fsPath, "utf8");
      assert.ok(onDisk.startsWith(before), "the draft is appended; every byte before it stays");
      assert.match(onDisk.slice(before.length), /^ {2}- id: MR-2026-2\n {4}date: 2026-11-30\n {4}attendees: \[ceo\]\n {4}inputs:\n {6}previous_actions: "7 actions from earlier management reviews/);
      const draftLine = added.range.start.line;
      const rulesOnDraft = () =>
        vscode.languages
          .getDiagnostics(reviews)
          .filter((d) => d.range.start.line >= draftLine)
          .map((d) => (typeof d.code === "object" ? String(d.code.value) : String(d.code)));
      await waitFor("the draft to be checked", () => (rulesOnDraft().includes("review/no-decisions") ? true : undefined));
      assert.deepEqual(rulesOnDraft(), ["review/no-decisions"], "the draft records every input: only the decisions of the meeting are missing");
      await waitFor("the live pack to start after the new review", () => (panel.html.includes("MR-2026-2 of 2026-11-30") ? true : undefined));
    } finally {
      writeFileSync(reviews.fsPath, before);
      await waitFor("the reviews file to be restored", () =>
        (vscode.workspace.textDocuments.find((d) => d.uri.toString() === reviews.toString())?.getText() ?? before) === before ? true : undefined,
      );
    }
  });

  it("Export Statement of Applicability… writes Markdown where the arguments say, without prompts", async () => {
    const target = fileUri("exported-soa.md");
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("isms.exportSoa", { format: "md", uri: target, root: workspaceRoot().toString() });
    assert.equal(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.startsWith("# Statement of Applicability\n\nAcme Cloud Ltd · ISO/IEC 27001:2022 · as of 2026-11-30\n"));
    assert.equal(text.split("\n").filter((l) => /^\| A\.[5-8]\.\d+ \|/.test(l)).length, 93);
    await vscode.workspace.fs.delete(target);
  });

  it("Export Risk Register… writes CSV with a byte order mark for spreadsheets", async () => {
    const target = fileUri("exported-risks.csv");
    await vscode.commands.executeCommand("isms.exportRisks", { format: "csv", uri: target.toString(), root: workspaceRoot().toString() });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.startsWith("\ufeffRisk,Title,Owner,"));
    assert.equal(text.trimEnd().split("\r\n").length, 34, "a header and 33 risks");
    await vscode.workspace.fs.delete(target);
  });
});
