import { compareDates, type LocalDate } from "../../dates";
import type { IsmsModel } from "../../model/isms-model";
import type { Audit } from "../../model/types";
import { actionRow, closedInPeriod, count, isOpen, isOverdue, verificationState, ACTION_COLUMNS } from "./action-facts";
import { inPeriod, recordAt, sinceWords } from "./period";
import type { PackPeriod, PackRow, PackSection } from "./types";

/**
 * 9.3.2 d 1: nonconformities raised, closed and still open in the period, and corrective actions
 * completed, verified or still open.
 */
export function nonconformitiesSection(model: IsmsModel, period: PackPeriod, today: LocalDate): PackSection {
  const raised = model.nonconformities.filter((nc) => inPeriod(period, nc.raised?.value));
  const closed = model.nonconformities.filter((nc) => inPeriod(period, nc.closed?.value));
  const open = model.nonconformities.filter((nc) => nc.status?.value !== "closed");
  const rows: PackRow[] = [];
  for (const nc of model.nonconformities) {
    const events: string[] = [];
    if (inPeriod(period, nc.raised?.value)) events.push(`raised ${nc.raised?.value}`);
    if (inPeriod(period, nc.closed?.value)) events.push(`closed ${nc.closed?.value}`);
    const isOpenNc = nc.status?.value !== "closed";
    if (events.length === 0 && !isOpenNc) continue;
    rows.push({
      at: recordAt(nc),
      cells: [
        { text: nc.id?.value ?? "(no id)" },
        { text: nc.description?.value ?? "—" },
        { text: nc.source?.id ?? nc.sourceWord?.value ?? "—" },
        { text: events.length > 0 ? events.join(", ") : "—" },
        { text: nc.status?.value ?? "no status", tone: isOpenNc ? "warn" : "good" },
      ],
    });
  }
  const corrective = model.actions.filter((a) => a.type?.value === "corrective");
  const verified = corrective.filter((a) => inPeriod(period, a.verification?.date?.value));
  const shown = corrective.filter((a) => isOpen(a) || closedInPeriod(a, period));
  const overdue = corrective.filter((a) => isOverdue(a, today));
  const summary = `${count(raised.length, "nonconformity", "nonconformities")} raised and ${count(closed.length, "closed", "closed")} ${sinceWords(period)}; ${open.length} open${open.length > 0 ? ` (${open.map((n) => n.id?.value).join(", ")})` : ""}. Corrective actions: ${verified.length} verified in the period, ${corrective.filter(isOpen).length} open${overdue.length > 0 ? `, ${overdue.length} overdue` : ""}.`;
  return {
    input: "performance.nonconformities",
    clause: "9.3.2 d 1",
    title: "Nonconformities and corrective actions",
    summary,
    tables: [
      {
        id: "pack-nonconformities",
        caption: `Nonconformities raised or closed in the period, and those still open (${raised.length} raised, ${closed.length} closed, ${open.length} open)`,
        columns: ["Nonconformity", "Description", "Source", "In the period", "Status"],
        rows,
        empty: model.nonconformities.length === 0 ? "The ISMS records no nonconformity." : "No nonconformity was raised or closed in the period, and none is open.",
      },
      {
        id: "pack-corrective-actions",
        caption: "Corrective actions completed or verified in the period, and those still open",
        columns: [...ACTION_COLUMNS, "Effectiveness (10.2 d)"],
        rows: shown.map((a) => {
          const row = actionRow(a, today);
          return { ...row, cells: [...row.cells, verificationState(a)] };
        }),
        empty: corrective.length === 0 ? "The ISMS records no corrective action." : "No corrective action was completed or verified in the period, and none is open.",
      },
    ],
  };
}

/**
 * 9.3.2 d 2: monitoring and measurement results (9.1), from the measures of the MonitoringPlan:
 * per measure, its results in the period and whether the latest met its target. Without a
 * monitoring plan the section says that there is none.
 */
export function monitoringSection(model: IsmsModel, period: PackPeriod): PackSection {
  const plans = model.documents.filter((d) => d.kind === "MonitoringPlan");
  const base = { input: "performance.monitoring", clause: "9.3.2 d 2", title: "Monitoring and measurement results" } as const;
  const caption = "Monitoring and measurement results against targets";
  const columns = ["Measure", "What is measured (9.1 a)", "Results in the period", "Latest result", "Target met"];
  if (plans.length === 0) {
    return {
      ...base,
      summary: `The ISMS has no monitoring plan: to complete with the monitoring and measurement results ${sinceWords(period)} against their targets.`,
      tables: [
        {
          id: "pack-monitoring",
          caption,
          columns,
          rows: [],
          empty: "The ISMS has no monitoring plan (kind: MonitoringPlan, 9.1): monitoring and measurement results cannot be drawn from the files. Bring them from where they are kept.",
        },
      ],
    };
  }
  const rows: PackRow[] = [];
  const met: string[] = [];
  const missed: string[] = [];
  const silent: string[] = [];
  for (const measure of model.measures) {
    const id = measure.id?.value ?? "(no id)";
    const results = measure.results.filter((r) => inPeriod(period, r.date?.value));
    let latest = results[0];
    for (const r of results) if (r.date && latest.date && compareDates(r.date.value, latest.date.value) > 0) latest = r;
    const targetMet = latest?.targetMet?.value;
    if (!latest) silent.push(id);
    else if (targetMet === true) met.push(id);
    else if (targetMet === false) missed.push(id);
    rows.push({
      at: recordAt(measure),
      cells: [
        { text: id },
        { text: measure.what?.value ?? "—" },
        { text: String(results.length), tone: results.length === 0 ? "warn" : undefined },
        { text: latest ? `${latest.value?.value ?? "(no value)"} on ${latest.date?.value ?? "(no date)"}` : "—" },
        { text: targetMet === true ? "yes" : targetMet === false ? "no" : "—", tone: targetMet === true ? "good" : targetMet === false ? "bad" : undefined },
      ],
    });
  }
  const list = (ids: string[]) => (ids.length > 0 ? ` (${ids.join(", ")})` : "");
  const summary =
    model.measures.length === 0
      ? "The monitoring plan holds no measure."
      : `${count(model.measures.length, "measure", "measures")}: ${met.length} met the target at the latest result ${sinceWords(period)}, ${missed.length} did not${list(missed)}, ${silent.length} have no result in the period${list(silent)}.`;
  return { ...base, summary, tables: [{ id: "pack-monitoring", caption, columns, rows, empty: "The monitoring plan holds no measure." }] };
}

/** 9.3.2 d 3: internal audits completed in the period with their findings by grade, and audits planned. */
export function auditsSection(model: IsmsModel, period: PackPeriod): PackSection {
  const done = model.audits.filter((a) => a.status?.value === "completed" && inPeriod(period, a.performed?.value));
  const planned = model.audits.filter((a) => a.status?.value !== "completed");
  const grades = new Map<string, number>();
  const findingRows: PackRow[] = [];
  for (const audit of done) {
    for (const f of audit.findings) {
      const grade = f.type?.value ?? "ungraded";
      grades.set(grade, (grades.get(grade) ?? 0) + 1);
      findingRows.push({
        at: recordAt(f),
        cells: [
          { text: f.id?.value ?? "(no id)" },
          { text: audit.id?.value ?? "—" },
          { text: grade, tone: grade === "major" ? "bad" : grade === "minor" ? "warn" : undefined },
          { text: [f.clause?.value, f.control?.id].filter(Boolean).join(", ") || "—" },
          { text: f.nonconformity?.id ?? "—" },
        ],
      });
    }
  }
  const byGrade = [...grades].map(([g, n]) => `${n} ${g}`).join(", ");
  const auditRow = (a: Audit): PackRow => ({
    at: recordAt(a),
    cells: [
      { text: a.id?.value ?? "(no id)" },
      { text: a.title?.value ?? "—" },
      { text: a.status?.value ?? "no status" },
      { text: a.performed?.value ?? (a.planned ? `planned ${a.planned.value}` : "—") },
      { text: a.auditor?.id ?? "—" },
      { text: `${a.findings.length}` },
    ],
  });
  const last = [...model.audits].filter((a) => a.status?.value === "completed" && a.performed).sort((x, y) => compareDates(y.performed!.value, x.performed!.value))[0];
  const summary =
    model.audits.length === 0
      ? "The ISMS records no internal audit."
      : done.length === 0
        ? `No internal audit completed ${sinceWords(period)}${last ? ` (last: ${last.id?.value} on ${last.performed?.value})` : ""}; ${count(planned.length, "audit")} planned.`
        : `${count(done.length, "internal audit")} completed ${sinceWords(period)} (${done.map((a) => a.id?.value).join(", ")}): ${count(findingRows.length, "finding")}${byGrade ? ` (${byGrade})` : ""}; ${count(planned.length, "audit")} planned.`;
  return {
    input: "performance.audit_results",
    clause: "9.3.2 d 3",
    title: "Audit results",
    summary,
    tables: [
      {
        id: "pack-audits",
        caption: `Internal audits completed in the period (${done.length}) and planned (${planned.length})`,
        columns: ["Audit", "Title", "Status", "Performed", "Auditor", "Findings"],
        rows: [...done, ...planned].map(auditRow),
        empty: model.audits.length === 0 ? "The ISMS records no internal audit." : "No internal audit was completed in the period, and none is planned.",
        notes: ["External audits (certification body) are not recorded in the ISMS files: add their results to the review's audit_results input."],
      },
      {
        id: "pack-audit-findings",
        caption: `Findings of the audits completed in the period, by grade${byGrade ? ` (${byGrade})` : ""}`,
        columns: ["Finding", "Audit", "Grade", "Clause / control", "Nonconformity"],
        rows: findingRows,
        empty: done.length === 0 ? "No internal audit was completed in the period, so there are no new findings." : "The audits completed in the period recorded no findings.",
      },
    ],
  };
}

/** 9.3.2 d 4: fulfilment of the information security objectives (6.2), by status. */
export function objectivesSection(model: IsmsModel, today: LocalDate): PackSection {
  const byStatus = new Map<string, number>();
  const rows: PackRow[] = model.objectives.map((o) => {
    const status = o.status?.value ?? "no status";
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const late = o.due && compareDates(o.due.value, today) < 0 && !["achieved", "missed", "cancelled"].includes(status);
    return {
      at: recordAt(o),
      cells: [
        { text: o.id?.value ?? "(no id)" },
        { text: o.title?.value ?? "—" },
        { text: o.owner?.id ?? "—" },
        { text: o.due?.value ?? "—", tone: late ? "bad" : undefined },
        { text: status, tone: status === "achieved" ? "good" : status === "missed" ? "bad" : undefined },
      ],
    };
  });
  const statuses = [...byStatus].map(([s, n]) => `${n} ${s}`).join(", ");
  return {
    input: "performance.objectives",
    clause: "9.3.2 d 4",
    title: "Fulfilment of information security objectives",
    summary: model.objectives.length === 0 ? "The ISMS records no information security objectives." : `${count(model.objectives.length, "objective")}: ${statuses}.`,
    tables: [
      {
        id: "pack-objectives",
        caption: `Information security objectives by status${statuses ? ` (${statuses})` : ""}`,
        columns: ["Objective", "Title", "Owner", "Due", "Status"],
        rows,
        empty: "The ISMS records no information security objectives (kind: Objectives, 6.2).",
      },
    ],
  };
}
