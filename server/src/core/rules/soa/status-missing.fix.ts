import type { FixProvider, QuickFix } from "../../fixes/types";
import { recordOf, setValue, WorkspaceEditor } from "../../yaml-edit";
import type { StatusMissingData } from "./status-missing";

/** Keys after which `status` goes, in order of preference (the format's key order). */
const AFTER = ["justification", "applicable", "control"];

/** The statuses offered, in the order of the format. */
const STATUSES = ["implemented", "partially-implemented", "planned", "not-implemented"];

/**
 * `soa/status-missing`: "Set the status of A.5.1: planned", one action per status (6.1.3 d).
 * Fills an empty `status:` or adds the key after the justification.
 */
export const fixes: FixProvider<StatusMissingData> = (finding, context) => {
  const entry = recordOf(context.model.soaEntries, finding);
  if (!entry?.control || entry.status) return [];
  const actions: QuickFix[] = [];
  for (const status of STATUSES) {
    const ws = new WorkspaceEditor(context);
    const ed = ws.file(entry.file);
    if (!ed) return [];
    setValue(ed, entry.node, { key: "status", value: status }, AFTER);
    const edit = ws.build();
    if (edit) actions.push({ title: `Set the status of ${entry.control.id}: ${status}`, ruleId: finding.rule, edit });
  }
  return actions;
};
