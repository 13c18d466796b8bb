import { isScalar, type Node } from "yaml";
import type { FixProvider } from "../../fixes/types";
import { appendRecord, nextId, recordOf, setValue, WorkspaceEditor, yamlString, type RecordPairs } from "../../yaml-edit";
import type { FindingWithoutNonconformityData } from "./finding-without-nonconformity";

/**
 * `audit/finding-without-nonconformity`: "Raise a nonconformity for F-2026-1-1". Appends a
 * nonconformity to the NonconformityLog with the most entries (or creates `nonconformities.yaml`
 * in the root folder): the next free id in the existing numbering, `raised` today,
 * `source: <finding id>`, the finding's `clause`, `control` and `description`, `status: open`;
 * and writes `nonconformity: <NC id>` on the finding (after its last key).
 */
export const fixes: FixProvider<FindingWithoutNonconformityData> = (finding, context) => {
  const { model, today } = context;
  const auditFinding = recordOf(model.findings, finding, finding.data.id);
  if (!auditFinding?.id || auditFinding.nonconformity) return [];
  const ws = new WorkspaceEditor(context);
  const findingEditor = ws.file(auditFinding.file);
  if (!findingEditor) return [];
  const findingId = auditFinding.id.value;
  const ncIds = model.nonconformities.flatMap((n) => (n.id ? [n.id.value] : []));
  const id = nextId(ncIds, "NC-001");

  const pairs: RecordPairs = [
    ["id", yamlString(id)],
    ["raised", today],
    ["source", yamlString(findingId)],
  ];
  const clause = auditFinding.clause?.value;
  if (clause) pairs.push(["clause", JSON.stringify(clause)]);
  if (auditFinding.control && !auditFinding.control.numeric) pairs.push(["control", yamlString(auditFinding.control.id)]);
  const description = auditFinding.node.get("description", true) as Node | undefined;
  if (isScalar(description) && typeof description.value === "string" && description.value.trim() !== "") {
    pairs.push(["description", description.value.trim(), "text"]);
  }
  pairs.push(["status", "open"]);

  appendRecord(ws, model, "NonconformityLog", "nonconformities", "nonconformities.yaml", pairs, findingEditor.eol);
  setValue(findingEditor, auditFinding.node, { key: "nonconformity", value: yamlString(id) });
  const edit = ws.build();
  return edit ? [{ title: `Raise a nonconformity for ${findingId}`, ruleId: finding.rule, isPreferred: true, edit }] : [];
};
