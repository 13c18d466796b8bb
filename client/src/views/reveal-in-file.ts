import * as vscode from "vscode";
import type { ViewLocation } from "@protocol";
import type { CommandFactory } from "../command";

/** True when `value` is a {@link ViewLocation} (as tree rows and webviews pass it). */
function isLocation(value: unknown): value is ViewLocation {
  const v = value as Partial<ViewLocation> | undefined;
  return typeof v?.uri === "string" && typeof v.range?.start?.line === "number" && typeof v.range.end?.line === "number";
}

/**
 * `isms.revealInFile`: opens the file of a record at its range and selects it (the record's YAML
 * mapping). The argument is a `{ uri, range }` location as the `isms/views` data carries it.
 */
export const revealInFile: CommandFactory = {
  id: "isms.revealInFile",
  create: () => async (location?: unknown) => {
    if (!isLocation(location)) {
      void vscode.window.showErrorMessage("ISMS: Reveal in File needs a record's location; run it from an ISMS view.");
      return undefined;
    }
    const { start, end } = location.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  },
};
