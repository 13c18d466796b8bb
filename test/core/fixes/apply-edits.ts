import { TextDocument } from "vscode-languageserver-textdocument";
import type { QuickFix } from "../../../server/src/core/fixes";

/**
 * Applies a quick-fix to a workspace of file texts (keys as given to the engine) and returns the
 * new workspace: text edits of each file applied with `TextDocument.applyEdits` (which applies
 * them back to front, keeping the order of insertions at the same position); created files start
 * empty.
 */
export function applyFix(files: Record<string, string>, fix: QuickFix): Record<string, string> {
  const out = { ...files };
  for (const key of fix.edit.createFiles ?? []) {
    if (!(key in out)) out[key] = "";
  }
  for (const [key, edits] of Object.entries(fix.edit.changes)) {
    const text = out[key];
    if (text === undefined) throw new Error(`the fix edits ${key}, which neither exists nor is created`);
    out[key] = TextDocument.applyEdits(TextDocument.create(`file:///${key}`, "yaml", 0, text), edits);
  }
  return out;
}
