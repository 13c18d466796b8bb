import type { FixProvider } from "../../fixes/types";
import { WorkspaceEditor } from "../../yaml-edit";
import type { NumericControlIdData } from "./numeric-control-id";

/**
 * `yaml/numeric-control-id`: "Write A.5.10". Replaces exactly the number's source text (`5.10`)
 * with the canonical control id; the rest of the line (comments, flow brackets) is untouched.
 */
export const fixes: FixProvider<NumericControlIdData> = (finding, context) => {
  const ws = new WorkspaceEditor(context);
  const ed = ws.file(finding.file);
  if (!ed) return [];
  const start = ed.offsetAt(finding.range.start);
  const end = ed.offsetAt(finding.range.end);
  const source = ed.text.slice(start, end);
  if (!/^\d+\.\d+$/.test(source)) return []; // the text changed since the check
  const replacement = finding.data.replacement;
  ed.replace(start, end, replacement);
  const edit = ws.build();
  return edit ? [{ title: `Write ${replacement}`, ruleId: finding.rule, isPreferred: true, edit }] : [];
};
