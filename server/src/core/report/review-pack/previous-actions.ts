import { compareDates, type LocalDate } from "../../dates";
import type { IsmsModel } from "../../model/isms-model";
import type { Action } from "../../model/types";
import { actionCounts, actionRow, closedInPeriod, count, isOpen, unresolvedActionRow, ACTION_COLUMNS } from "./action-facts";
import { inPeriod } from "./period";
import type { PackPeriod, PackRow, PackSection } from "./types";

/**
 * 9.3.2 a: the status of the actions decided by earlier management reviews (`reviews[].actions`
 * of reviews held by the end of the period). An action is listed when it was decided by the
 * review that opens the period or by one within it, when it is still open, or when it was
 * completed in the period; actions closed before the period were reported already.
 */
export function previousActionsSection(model: IsmsModel, period: PackPeriod, today: LocalDate): PackSection {
  const rows: PackRow[] = [];
  const listed: Action[] = [];
  const seen = new Set<string>();
  let reviews = 0;
  for (const review of model.reviews) {
    const date = review.date?.value;
    if (!date || compareDates(date, period.to) > 0) continue;
    reviews++;
    const decidedNow = review.id?.value === period.review?.id || inPeriod(period, date);
    for (const ref of review.actions) {
      if (seen.has(ref.id)) continue;
      const action = ref.resolved?.recordKind === "action" ? (ref.resolved as Action) : undefined;
      if (!action) {
        seen.add(ref.id);
        rows.push(withReview(unresolvedActionRow(ref), review.id?.value));
        continue;
      }
      if (!decidedNow && !isOpen(action) && !closedInPeriod(action, period)) continue;
      seen.add(ref.id);
      listed.push(action);
      rows.push(withReview(actionRow(action, today), review.id?.value));
    }
  }
  const summary =
    reviews === 0
      ? "No management review has been held before, so no actions were decided by one."
      : listed.length === 0
        ? `No open actions from earlier management reviews ${period.review ? `(${period.review.id} decided none)` : ""}.`.replace(" .", ".")
        : `${count(listed.length, "action")} from earlier management reviews: ${actionCounts(listed, today)}.`;
  return {
    input: "previous_actions",
    clause: "9.3.2 a",
    title: "Status of actions from previous management reviews",
    summary,
    tables: [
      {
        id: "pack-previous-actions",
        caption: "Actions decided by previous management reviews",
        columns: [...ACTION_COLUMNS, "Decided by"],
        rows,
        empty: reviews === 0 ? "No earlier management review: no actions were decided by one." : "No actions decided by earlier reviews are open or closed in the period.",
      },
    ],
  };
}

function withReview(row: PackRow, reviewId: string | undefined): PackRow {
  return { ...row, cells: [...row.cells, { text: reviewId ?? "—" }] };
}
