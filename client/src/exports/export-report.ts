import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReportRequest, type ReportKind } from "../../../server/src/protocol";
import { activeRoot, type ModelSource } from "../webviews/report-root";

/** The file formats a report exports to. (XLSX is not offered: no spreadsheet library is a dependency.) */
export type ExportFormat = "html" | "md" | "csv";

/** Arguments that let automation skip the prompts: `{ format: "md", uri: "file:///…/soa.md", root? }`. */
export interface ExportArgs {
  format?: ExportFormat;
  /** Where to write (a `vscode.Uri` or a URI string). */
  uri?: vscode.Uri | string;
  /** URI of the ISMS root to export (default: the root of the active editor's file, else the first). */
  root?: string;
}

const FORMATS: { format: ExportFormat; label: string; detail: string; extension: string; filter: string }[] = [
  { format: "html", label: "HTML", detail: "A standalone page: opens in any browser and prints well.", extension: "html", filter: "HTML" },
  { format: "md", label: "Markdown", detail: "GitHub-flavoured Markdown tables, for a repository or wiki.", extension: "md", filter: "Markdown" },
  { format: "csv", label: "CSV", detail: "One row per entry, for spreadsheets (UTF-8 with a byte order mark).", extension: "csv", filter: "CSV" },
];

/** A report that can be exported: what the server calls it, its name in messages and its default file name. */
export interface ExportableReport {
  report: ReportKind;
  /** "Statement of Applicability". */
  name: string;
  /** File name without extension ("statement-of-applicability"). */
  fileName: string;
}

/**
 * Exports a report of the active ISMS root: asks for the format (QuickPick) and the file (save
 * dialog, defaulting to the root folder) unless `args` give them, renders it on the server with
 * the same code as `isms report`, and writes it with `workspace.fs`, under a progress
 * notification. Resolves to the written file, or `undefined` when cancelled or nothing to export.
 */
export async function exportReport(client: LanguageClient, model: ModelSource, what: ExportableReport, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  const format = args.format ? FORMATS.find((f) => f.format === args.format) : await pickFormat(what);
  if (!format) return undefined;
  const root = args.root ?? activeRoot(model);
  const uri = args.uri !== undefined ? toUri(args.uri) : await pickFile(what, format, root);
  if (!uri) return undefined;

  // The progress notification covers the rendering and the write only: it closes when they are
  // done (or fail), before the message that says how the export went.
  let written: "written" | "no-isms";
  try {
    written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `ISMS: exporting the ${what.name}…` }, async () => {
      const result = await client.sendRequest(ReportRequest.type, { report: what.report, format: format.format, root });
      if (!result) return "no-isms";
      const text = format.format === "csv" ? `\ufeff${result.content}` : result.content;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return "written";
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`ISMS: could not export the ${what.name} to ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (written === "no-isms") {
    void vscode.window.showErrorMessage(`ISMS: there is no ISMS in this workspace to export the ${what.name} of (no isms.yaml with kind: ISMS).`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`ISMS: exported the ${what.name} to ${vscode.workspace.asRelativePath(uri)}.`, "Open").then((choice) => {
    if (choice === "Open") void vscode.commands.executeCommand("vscode.open", uri);
  });
  return uri;
}

async function pickFormat(what: ExportableReport) {
  return vscode.window.showQuickPick(
    FORMATS.map((f) => ({ ...f, description: `.${f.extension}` })),
    { title: `Export the ${what.name}`, placeHolder: "Choose a format" },
  );
}

async function pickFile(what: ExportableReport, format: (typeof FORMATS)[number], root: string | undefined): Promise<vscode.Uri | undefined> {
  const folder = root ? vscode.Uri.parse(root) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${what.fileName}.${format.extension}`;
  return vscode.window.showSaveDialog({
    title: `Export the ${what.name}`,
    saveLabel: "Export",
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [format.filter]: [format.extension] },
  });
}

function toUri(uri: vscode.Uri | string): vscode.Uri {
  return typeof uri === "string" ? vscode.Uri.parse(uri) : uri;
}
