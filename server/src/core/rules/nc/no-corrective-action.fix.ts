import type { FixProvider } from "../../fixes/types";
import { addDays, addToList, appendRecord, nextId, recordOf, siblingListStyle, WorkspaceEditor, yamlString } from "../../yaml-edit";
import type { NoCorrectiveActionData } from "./no-corrective-action";

/** Days from today to the due date of a new corrective action. */
export const CORRECTIVE_ACTION_DAYS = 30;

/** Keys after which a new `actions` key goes on a nonconformity (the format's key order). */
const AFTER = ["similar_elsewhere", "root_cause", "correction", "description", "control", "clause", "source", "raised", "id"];

/**
 * `nc/no-corrective-action`: "Create a corrective action for NC-004". Appends an action to the
 * ActionPlan with the most actions (or creates `actions.yaml` in the root folder): the next free
 * id in the existing numbering (`ACT-014` → `ACT-015`), `type: corrective`, `source: <NC>`,
 * `due` in 30 days and `status: open`; and lists its id under the nonconformity's `actions`.
 *
 * No `owner` is written: a nonconformity has no owner to copy, and naming the person who must
 * eliminate the cause is a management decision (5.3, 10.2 c); `action/no-owner` then asks for it.
 */
export const fixes: FixProvider<NoCorrectiveActionData> = (finding, context) => {
  const { model, today } = context;
  const nc = recordOf(model.nonconformities, finding, finding.data.id);
  if (!nc?.id || nc.status?.value === "closed") return [];
  const ws = new WorkspaceEditor(context);
  const ncEditor = ws.file(nc.file);
  if (!ncEditor) return [];
  const ncId = nc.id.value;
  const actionIds = model.actions.flatMap((a) => (a.id ? [a.id.value] : []));
  const id = nextId(actionIds, "ACT-001");
  appendRecord(
    ws,
    model,
    "ActionPlan",
    "actions",
    "actions.yaml",
    [
      ["id", yamlString(id)],
      ["title", `Eliminate the cause of ${ncId}`, "text"],
      ["type", "corrective"],
      ["source", yamlString(ncId)],
      ["due", addDays(today, CORRECTIVE_ACTION_DAYS)],
      ["status", "open"],
    ],
    ncEditor.eol,
  );
  const siblings = model.nonconformities.filter((n) => n.file === nc.file).map((n) => n.node);
  addToList(ncEditor, nc.node, "actions", yamlString(id), AFTER, siblingListStyle(ncEditor.text, siblings, "actions"));
  const edit = ws.build();
  return edit ? [{ title: `Create a corrective action for ${ncId}`, ruleId: finding.rule, isPreferred: true, edit }] : [];
};
