import type { TextEdit } from "vscode-languageserver-types";
import { LineIndex } from "../text/line-index";

/**
 * Applies LSP text edits (ranges in `text`, not overlapping) to `text` and returns the new text.
 * Edits are applied back to front; insertions at the same position keep their order.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  let out = "";
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error("overlapping edits");
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
