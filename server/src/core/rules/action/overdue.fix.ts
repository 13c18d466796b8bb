import type { FixProvider } from "../../fixes/types";
import { insertPairs, pairOf, recordOf, setValue, WorkspaceEditor, type NewPair } from "../../yaml-edit";
import type { OverdueData } from "./overdue";

/** Keys after which `status` / `completed` are inserted when absent, in order of preference. */
const AFTER = ["status", "due", "owner", "type", "title", "id"];

/**
 * `action/overdue`: "Mark ACT-007 done today (2026-11-30)". Sets `status: done` (replacing the
 * status value only) and `completed: <today>` (replaced, or inserted after `status`).
 */
export const fixes: FixProvider<OverdueData> = (finding, context) => {
  const action = recordOf(context.model.actions, finding, finding.data.id);
  if (!action || action.status?.value === "done" || action.status?.value === "cancelled") return [];
  const ws = new WorkspaceEditor(context);
  const ed = ws.file(action.file);
  if (!ed) return [];
  const map = action.node;
  const wanted: NewPair[] = [
    { key: "status", value: "done" },
    { key: "completed", value: context.today },
  ];
  const absent: NewPair[] = [];
  for (const pair of wanted) {
    if (pairOf(map, pair.key)) setValue(ed, map, pair);
    else absent.push(pair);
  }
  insertPairs(ed, map, absent, AFTER);
  const edit = ws.build();
  const name = action.id?.value ?? "the action";
  return edit ? [{ title: `Mark ${name} done today (${context.today})`, ruleId: finding.rule, edit }] : [];
};
