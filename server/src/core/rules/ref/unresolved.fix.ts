import type { Finding } from "../../findings";
import type { FixContext, FixProvider, QuickFix } from "../../fixes/types";
import { inQuoteStyleOf, WorkspaceEditor } from "../../yaml-edit";
import type { UnresolvedData } from "./unresolved";

/** `ref/unresolved`: "Change to ops", one action per close existing id (`data.candidates`). */
export const fixes: FixProvider<UnresolvedData> = (finding, context) => changeReference(finding, finding.data.candidates, context);

/**
 * "Change to <candidate>", one action per candidate: replaces exactly the reference's scalar at
 * the finding's range, in its quoting style (`"opps"` → `"ops"`); preferred when there is only
 * one candidate. None when the range no longer holds a single scalar. Shared by the rules that
 * report a mistyped reference (`ref/unresolved`, `soa/unknown-control`).
 */
export function changeReference(finding: Finding, candidates: readonly string[], context: FixContext): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const candidate of candidates) {
    const ws = new WorkspaceEditor(context);
    const ed = ws.file(finding.file);
    if (!ed) return [];
    const start = ed.offsetAt(finding.range.start);
    const end = ed.offsetAt(finding.range.end);
    const source = ed.text.slice(start, end);
    if (source.trim() === "" || /[\n#,[\]{}]/.test(source.replace(/^(["']).*\1$/s, "x"))) return []; // not a single scalar any more
    ed.replace(start, end, inQuoteStyleOf(source, candidate));
    const edit = ws.build();
    if (edit) fixes.push({ title: `Change to ${candidate}`, ruleId: finding.rule, isPreferred: candidates.length === 1 || undefined, edit });
  }
  return fixes;
}
