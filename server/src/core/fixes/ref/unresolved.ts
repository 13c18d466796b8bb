import { WorkspaceEditor } from "../edits";
import type { FixProvider, QuickFix } from "../types";
import { inQuoteStyleOf } from "../yaml-edits";

/**
 * `ref/unresolved`: "Change to ops", one action per close existing id (`data.candidates`); also
 * used for `soa/unknown-control` ("Change to A.5.15", the closest Annex A controls).
 * Replaces exactly the reference's scalar, in its quoting style (`"opps"` → `"ops"`).
 */
export const fix: FixProvider = (finding, context) => {
  const candidates = Array.isArray(finding.data?.candidates) ? finding.data.candidates.filter((c): c is string => typeof c === "string") : [];
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
};
