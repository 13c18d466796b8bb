import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit } from "vscode-languageserver-types";

/**
 * Applies LSP text edits (ranges in `text`, not overlapping) to `text` and returns the new text,
 * as the editor does (`TextDocument.applyEdits`: back to front; insertions at the same position
 * keep their order). Throws on overlapping edits.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("untitled:edit", "yaml", 0, text), [...edits]);
}
