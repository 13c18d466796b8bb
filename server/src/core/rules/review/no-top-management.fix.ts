import type { Person } from "../../model/types";
import type { FixProvider, QuickFix } from "../../fixes/types";
import { addToList, labelOf, recordOf, WorkspaceEditor, yamlString } from "../../yaml-edit";
import type { NoTopManagementData } from "./no-top-management";

/** Keys after which a new `attendees` key goes, in order of preference. */
const AFTER = ["chair", "date", "id"];

/**
 * `review/no-top-management`: "Add ceo (Sarah Whitfield) to the attendees of MR-2026-1", one
 * action per member of top management (`data.candidates`). Appends to `attendees` in its style,
 * or adds the key. Apply it when that person did attend: the fix corrects the record, not the review.
 */
export const fixes: FixProvider<NoTopManagementData> = (finding, context) => {
  const data = finding.data;
  if (!("candidates" in data)) return [];
  const review = recordOf(context.model.reviews, finding);
  if (!review) return [];
  const present = new Set(review.attendees.map((a) => a.id));
  const actions: QuickFix[] = [];
  for (const candidate of data.candidates) {
    if (present.has(candidate)) continue;
    const ws = new WorkspaceEditor(context);
    const ed = ws.file(review.file);
    if (!ed) return [];
    addToList(ed, review.node, "attendees", yamlString(candidate), AFTER);
    const edit = ws.build();
    const person = context.model.index.get<Person>("person", candidate);
    if (edit) actions.push({ title: `Add ${labelOf(candidate, person)} to the attendees of ${review.id?.value ?? "the review"}`, ruleId: finding.rule, edit });
  }
  return actions;
};
