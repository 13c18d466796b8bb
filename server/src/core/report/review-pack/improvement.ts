import type { LocalDate } from "../../dates";
import type { IsmsModel } from "../../model/isms-model";
import type { Action, AuditFinding } from "../../model/types";
import { actionCounts, actionRow, count, isOpen, isOverdue, ACTION_COLUMNS } from "./action-facts";
import { inPeriod, recordAt, sinceWords } from "./period";
import type { PackPeriod, PackRow, PackSection } from "./types";

const OBSERVATION_GRADES = new Set(["observation", "opportunity"]);

/**
 * 9.3.2 g: opportunities for continual improvement (10.1): improvement actions open or completed
 * in the period, and audit observations and opportunities not yet answered by an action that is
 * done (an action answers a finding when its `source` names it).
 */
export function improvementSection(model: IsmsModel, period: PackPeriod, today: LocalDate): PackSection {
  const improvement = model.actions.filter((a) => a.type?.value === "improvement");
  const shown = improvement.filter((a) => isOpen(a) || inPeriod(period, a.completed?.value));
  const answeredBy = new Map<string, Action[]>();
  for (const action of model.actions) {
    const source = action.source?.id;
    if (!source) continue;
    const list = answeredBy.get(source);
    if (list) list.push(action);
    else answeredBy.set(source, [action]);
  }
  const open: { finding: AuditFinding; actions: Action[] }[] = [];
  for (const finding of model.findings) {
    if (!OBSERVATION_GRADES.has(finding.type?.value ?? "") || !finding.id) continue;
    const actions = answeredBy.get(finding.id.value) ?? [];
    if (actions.some((a) => a.status?.value === "done")) continue;
    open.push({ finding, actions });
  }
  const observationRows: PackRow[] = open.map(({ finding, actions }) => ({
    at: recordAt(finding),
    cells: [
      { text: finding.id?.value ?? "(no id)" },
      { text: finding.audit.id?.value ?? "—" },
      { text: finding.type?.value ?? "—" },
      { text: [finding.clause?.value, finding.control?.id].filter(Boolean).join(", ") || "—" },
      actions.length === 0
        ? { text: "no action", tone: "warn" }
        : { text: actions.map((a) => `${a.id?.value} (${a.status?.value ?? "no status"})`).join(", "), tone: actions.some((a) => isOverdue(a, today)) ? "bad" : undefined },
    ],
  }));
  const completed = improvement.filter((a) => inPeriod(period, a.completed?.value));
  return {
    input: "improvement_opportunities",
    clause: "9.3.2 g",
    title: "Opportunities for continual improvement",
    summary: `${count(improvement.length, "improvement action")}${improvement.length > 0 ? ` (${actionCounts(improvement, today)})` : ""}, ${completed.length} completed ${sinceWords(period)}; ${count(open.length, "audit observation or opportunity", "audit observations and opportunities")} without a completed action${open.length > 0 ? ` (${open.map((o) => o.finding.id?.value).join(", ")})` : ""}.`,
    tables: [
      {
        id: "pack-improvement-actions",
        caption: "Improvement actions open or completed in the period",
        columns: ACTION_COLUMNS,
        rows: shown.map((a) => actionRow(a, today)),
        empty: improvement.length === 0 ? "The ISMS records no improvement action." : "No improvement action is open or was completed in the period.",
      },
      {
        id: "pack-observations",
        caption: "Open audit observations and opportunities for improvement",
        columns: ["Finding", "Audit", "Grade", "Clause / control", "Actions"],
        rows: observationRows,
        empty: "Every audit observation and opportunity has a completed action (or none was recorded).",
      },
    ],
  };
}
