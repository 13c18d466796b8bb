import type { FixProvider, QuickFix } from "../../fixes/types";
import { addToList, labelOf, recordOf, siblingListStyle, WorkspaceEditor, yamlString } from "../../yaml-edit";
import type { UntracedControlData } from "./untraced-control";

/** Keys after which a new `sources` key goes, in order of preference (the format's key order). */
const AFTER = ["status", "justification", "applicable", "control"];

/**
 * `soa/untraced-control`: "Trace A.5.6 to R-012 (Title)", one action per candidate source
 * (`data.candidates`: risks, then requirements). Appends the id to the entry's `sources` in its
 * style (`[a, b]` or `- b` lines), or adds `sources` shaped like the other entries' lists.
 */
export const fixes: FixProvider<UntracedControlData> = (finding, context) => {
  const { model } = context;
  const entry = recordOf(model.soaEntries, finding);
  if (!entry?.control) return [];
  const candidates = finding.data.candidates;
  const present = new Set(entry.sources.map((s) => s.id));
  const fixes: QuickFix[] = [];
  for (const candidate of candidates) {
    if (present.has(candidate)) continue;
    const ws = new WorkspaceEditor(context);
    const ed = ws.file(entry.file);
    if (!ed) return [];
    const siblings = model.soaEntries.filter((e) => e.file === entry.file).map((e) => e.node);
    addToList(ed, entry.node, "sources", yamlString(candidate), AFTER, siblingListStyle(ed.text, siblings, "sources"));
    const edit = ws.build();
    const record = model.index.find(["risk", "requirement", "interested-party"], candidate);
    if (edit) fixes.push({ title: `Trace ${entry.control.id} to ${labelOf(candidate, record)}`, ruleId: finding.rule, edit });
  }
  return fixes;
};
