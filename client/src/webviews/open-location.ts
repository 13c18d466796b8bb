import * as vscode from "vscode";
import type { ReportLocation } from "@protocol";

/**
 * Opens the file of a report row or link at its position, in the editor group beside the report
 * (or the first group when the report is not in it).
 */
export async function openLocation(location: ReportLocation, reportColumn: vscode.ViewColumn | undefined): Promise<vscode.TextEditor> {
  const { start, end } = location.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const viewColumn = reportColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range, viewColumn, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
