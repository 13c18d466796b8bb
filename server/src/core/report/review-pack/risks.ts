import { addMonths, compareDates, type LocalDate } from "../../dates";
import type { IsmsModel } from "../../model/isms-model";
import type { Action, Risk } from "../../model/types";
import { actionCounts, actionRow, count, isOpen, isOverdue, ACTION_COLUMNS } from "./action-facts";
import { inPeriod, recordAt, sinceWords } from "./period";
import type { PackCell, PackPeriod, PackRow, PackSection } from "./types";

const UNRATED = "Unrated";

/**
 * 9.3.2 f: results of risk assessment and status of the risk treatment plan: risks by current
 * level, risks reviewed and acceptances given in the period, risks overdue for review (8.2
 * cadence), and the treatment actions with those overdue.
 */
export function risksSection(model: IsmsModel, period: PackPeriod, today: LocalDate): PackSection {
  const cadence = model.isms?.cadence.riskReview ?? 12;
  const byLevel = new Map<string, Risk[]>();
  for (const band of model.methodology?.levels ?? []) byLevel.set(band.name, []);
  for (const risk of model.risks) {
    const level = risk.level ?? UNRATED;
    const list = byLevel.get(level);
    if (list) list.push(risk);
    else byLevel.set(level, [risk]);
  }
  const link = (r: Risk): { text: string; at: ReturnType<typeof recordAt> } => ({ text: r.id?.value ?? "(no id)", at: recordAt(r) });
  const levelRows: PackRow[] = [...byLevel]
    .reverse()
    .filter(([, risks]) => risks.length > 0)
    .map(([level, risks]): PackRow => ({ cells: [{ text: level, tone: level === UNRATED ? "bad" : undefined }, { text: String(risks.length) }, idsCell(risks.map(link))] }));

  const reviewed = model.risks.filter((r) => inPeriod(period, r.reviewed?.value));
  const accepted = model.risks.filter((r) => inPeriod(period, r.acceptance?.date?.value));
  const expired = model.risks.filter((r) => r.acceptance?.expires && compareDates(r.acceptance.expires.value, today) < 0);
  const expiredIds = new Set(expired);
  const overdueReview = model.risks.filter((r) => !r.reviewed || compareDates(addMonths(r.reviewed.value, cadence), today) < 0);
  const treatment = model.actions.filter((a) => a.type?.value === "treatment");
  const treatmentShown = treatment.filter((a) => isOpen(a) || inPeriod(period, a.completed?.value));
  const treatmentOverdue = treatment.filter((a) => isOverdue(a, today));

  const riskRow = (r: Risk, extra: PackCell): PackRow => ({
    at: recordAt(r),
    cells: [{ text: r.id?.value ?? "(no id)" }, { text: r.title?.value ?? "—" }, { text: r.level ?? UNRATED }, { text: r.residual?.level ?? "—" }, { text: r.owner?.id ?? "—" }, extra],
  });
  const riskColumns = ["Risk", "Title", "Level", "Residual", "Owner"];
  const levels = levelRows.map((r) => `${r.cells[1].text} ${r.cells[0].text}`).join(", ");
  const summary = [
    model.risks.length === 0 ? "The ISMS records no risk." : `${count(model.risks.length, "risk")} by current rating: ${levels}.`,
    `${reviewed.length} reviewed and ${count(accepted.length, "acceptance")} given ${sinceWords(period)}; ${overdueReview.length} overdue for review${expired.length > 0 ? `; ${count(expired.length, "acceptance")} expired` : ""}.`,
    treatment.length === 0 ? "No treatment actions recorded." : `Treatment plan: ${count(treatment.length, "action")}, ${actionCounts(treatment, today)}.`,
  ].join(" ");
  return {
    input: "risk_assessment",
    clause: "9.3.2 f",
    title: "Results of risk assessment and status of risk treatment plan",
    summary,
    tables: [
      { id: "pack-risk-levels", caption: "Risks by current level", columns: ["Level", "Risks", "Ids"], rows: levelRows, empty: "The ISMS records no risk (kind: RiskRegister, 6.1.2)." },
      {
        id: "pack-risks-reviewed",
        caption: `Risks reviewed in the period (${reviewed.length})`,
        columns: [...riskColumns, "Reviewed"],
        rows: reviewed.map((r) => riskRow(r, { text: r.reviewed?.value ?? "—" })),
        empty: "No risk has a reviewed date in the period.",
        notes: [
          "Which risks were re-rated cannot be known from the files alone: they keep only the current rating and the date of the last review. The risks reviewed in the period are where a rating may have changed; compare with their history (git log -p on the risk registers) to name the re-rated ones.",
        ],
      },
      {
        id: "pack-risk-acceptances",
        caption: `Risk acceptances given in the period (${accepted.length}) or expired (${expired.length})`,
        columns: [...riskColumns, "Acceptance"],
        rows: [...new Set([...accepted, ...expired])].map((r) =>
          riskRow(r, {
            text: `by ${r.acceptance?.by?.id ?? "—"} on ${r.acceptance?.date?.value ?? "—"}${r.acceptance?.expires ? `, expires ${r.acceptance.expires.value}` : ""}`,
            tone: expiredIds.has(r) ? "bad" : undefined,
          }),
        ),
        empty: "No risk acceptance was given in the period, and none has expired.",
      },
      {
        id: "pack-risks-overdue",
        caption: `Risks overdue for review (every ${cadence} months, 8.2): ${overdueReview.length}`,
        columns: [...riskColumns, "Last reviewed"],
        rows: overdueReview.map((r) => riskRow(r, { text: r.reviewed?.value ?? "never", tone: "bad" })),
        empty: "Every risk was reviewed within the risk review cadence.",
      },
      {
        id: "pack-treatment",
        caption: `Risk treatment plan: open treatment actions and those completed in the period (${treatmentOverdue.length} overdue)`,
        columns: ACTION_COLUMNS,
        rows: sortOverdueFirst(treatmentShown, today).map((a) => actionRow(a, today)),
        empty: treatment.length === 0 ? "The ISMS records no risk treatment action." : "No treatment action is open or was completed in the period.",
      },
    ],
  };
}

function idsCell(links: { text: string; at: ReturnType<typeof recordAt> }[]): PackCell {
  return { text: links.map((l) => l.text).join(", "), links };
}

function sortOverdueFirst(actions: Action[], today: LocalDate): Action[] {
  return [...actions].sort((a, b) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)));
}
