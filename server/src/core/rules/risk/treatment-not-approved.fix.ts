import type { FixProvider } from "../../fixes/types";
import { insertPairs, pairOf, recordOf, WorkspaceEditor, yamlString } from "../../yaml-edit";
import type { TreatmentNotApprovedData } from "./treatment-not-approved";

/** Keys after which `treatment_approval` goes, in order of preference (the format's key order). */
const AFTER = ["actions", "controls", "treatment", "impact", "likelihood", "owner", "id"];

/**
 * `risk/treatment-not-approved`: "Record that ops approved the treatment plan of R-001 today
 * (2026-11-30)". Only when the approval is missing altogether and the risk has an owner: adds
 * `treatment_approval: { by: <owner>, date: <today> }` (6.1.3 f). Apply it once the owner has
 * approved the plan: the fix records the decision, it does not take it.
 */
export const fixes: FixProvider<TreatmentNotApprovedData> = (finding, context) => {
  if (!finding.data.missing?.includes("treatment_approval")) return [];
  const risk = recordOf(context.model.risks, finding);
  const owner = risk?.owner?.resolved ? risk.owner.id : undefined;
  if (!risk || !owner || pairOf(risk.node, "treatment_approval")) return [];
  const ws = new WorkspaceEditor(context);
  const ed = ws.file(risk.file);
  if (!ed) return [];
  insertPairs(ed, risk.node, [{ key: "treatment_approval", value: `{ by: ${yamlString(owner)}, date: ${context.today} }` }], AFTER);
  const edit = ws.build();
  const name = risk.id?.value ?? "the risk";
  return edit ? [{ title: `Record that ${owner} approved the treatment plan of ${name} today (${context.today})`, ruleId: finding.rule, edit }] : [];
};
