import { compareDates, daysBetween, pluralDays, type LocalDate } from "../../dates";
import type { Action, Reference } from "../../model/types";
import type { Tone } from "../layout";
import { inPeriod, recordAt } from "./period";
import type { PackPeriod, PackRow } from "./types";

/** True when the action is neither done nor cancelled. */
export function isOpen(action: Action): boolean {
  const status = action.status?.value;
  return status !== "done" && status !== "cancelled";
}

/** True when an open action's due date has passed. */
export function isOverdue(action: Action, today: LocalDate): boolean {
  return isOpen(action) && action.due !== undefined && compareDates(action.due.value, today) < 0;
}

/** True when the action was completed (or its effectiveness verified) in the period. */
export function closedInPeriod(action: Action, period: PackPeriod): boolean {
  return inPeriod(period, action.completed?.value) || inPeriod(period, action.verification?.date?.value);
}

/** "in-progress, 46 days overdue" / "done on 2026-10-08" / "open, due 2027-01-29". */
export function actionState(action: Action, today: LocalDate): { text: string; tone?: Tone } {
  const status = action.status?.value ?? "no status";
  if (status === "done") return { text: action.completed ? `done on ${action.completed.value}` : "done", tone: "good" };
  if (status === "cancelled") return { text: "cancelled", tone: "muted" };
  if (!action.due) return { text: `${status}, no due date`, tone: "warn" };
  if (isOverdue(action, today)) return { text: `${status}, due ${action.due.value}, ${pluralDays(daysBetween(action.due.value, today))} overdue`, tone: "bad" };
  return { text: `${status}, due ${action.due.value}` };
}

/** "verified effective on 2026-09-15" / "not verified" / "" (not a done corrective action). */
export function verificationState(action: Action): { text: string; tone?: Tone } {
  const v = action.verification;
  if (v?.date && v.effective?.value === true) return { text: `verified effective on ${v.date.value}`, tone: "good" };
  if (v?.date && v.effective?.value === false) return { text: `found not effective on ${v.date.value}`, tone: "bad" };
  if (action.status?.value === "done" && action.type?.value === "corrective") return { text: "not verified", tone: "warn" };
  return { text: "—", tone: "muted" };
}

/** A row for an action: id, title, type, owner, state. */
export function actionRow(action: Action, today: LocalDate): PackRow {
  const state = actionState(action, today);
  return {
    at: recordAt(action),
    cells: [{ text: action.id?.value ?? "(no id)" }, { text: action.title?.value ?? "—" }, { text: action.type?.value ?? "—" }, { text: action.owner?.id ?? "—" }, state],
  };
}

/** The columns of {@link actionRow}. */
export const ACTION_COLUMNS = ["Action", "Title", "Type", "Owner", "Status"];

/** A row for an action reference that resolves to nothing. */
export function unresolvedActionRow(ref: Reference): PackRow {
  return {
    at: { file: ref.file, line: ref.range.start.line, character: ref.range.start.character },
    cells: [{ text: ref.id }, { text: "not found in any ActionPlan", tone: "bad" }, { text: "—" }, { text: "—" }, { text: "—" }],
  };
}

/** "3 open, 1 overdue" style counts of a list of actions. */
export function actionCounts(actions: readonly Action[], today: LocalDate): string {
  const done = actions.filter((a) => a.status?.value === "done").length;
  const cancelled = actions.filter((a) => a.status?.value === "cancelled").length;
  const open = actions.length - done - cancelled;
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  const parts = [`${done} done`, `${open} open or in progress`];
  if (cancelled > 0) parts.push(`${cancelled} cancelled`);
  if (overdue > 0)
    parts.push(
      `${overdue} overdue (${actions
        .filter((a) => isOverdue(a, today))
        .map((a) => a.id?.value)
        .join(", ")})`,
    );
  return parts.join(", ");
}

/** "1 action" / "3 actions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
