import { compareDates, daysBetween, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { Action } from "../model/types";
import { personOf } from "../report/people";
import type { Location } from "../text/range";
import { compareIds } from "./levels";
import type { ActionItem, ActionsView, Locate } from "./types";

/** Days ahead within which an open action counts as due soon. */
export const DUE_SOON_DAYS = 30;

/** Statuses that close an action (as `action/overdue` reads them). */
const CLOSED = new Set(["done", "cancelled"]);

/**
 * The actions of an ISMS by urgency (6.1.3, 8.3, 10.1, 10.2 c): overdue (due before today and
 * neither done nor cancelled, as `action/overdue` finds them), due within {@link DUE_SOON_DAYS}
 * days, the other open ones, and the done or cancelled ones.
 */
export function actionsView<L = Location>(model: IsmsModel, today: LocalDate, locate: Locate<L>): ActionsView<L> {
  const view: ActionsView<L> = { overdue: [], dueSoon: [], open: [], done: [] };
  for (const action of model.actions) {
    const item = actionItem(action, today, locate);
    if (item.status !== undefined && CLOSED.has(item.status)) view.done.push(item);
    else if (item.daysUntilDue === undefined) view.open.push(item);
    else if (item.daysUntilDue < 0) view.overdue.push(item);
    else if (item.daysUntilDue <= DUE_SOON_DAYS) view.dueSoon.push(item);
    else view.open.push(item);
  }
  const byDue = (a: ActionItem<L>, b: ActionItem<L>) => compareOptionalDates(a.due, b.due) || compareIds(a.id, b.id);
  view.overdue.sort(byDue);
  view.dueSoon.sort(byDue);
  view.open.sort(byDue);
  view.done.sort((a, b) => compareOptionalDates(b.completed, a.completed, -1) || compareIds(a.id, b.id));
  return view;
}

function actionItem<L>(action: Action, today: LocalDate, locate: Locate<L>): ActionItem<L> {
  const due = action.due?.value;
  return {
    id: action.id?.value ?? "",
    title: action.title?.value,
    type: action.type?.value,
    owner: personOf(action.owner),
    status: action.status?.value,
    due,
    completed: action.completed?.value,
    daysUntilDue: due === undefined ? undefined : daysBetween(today, due),
    source: action.source?.id,
    location: locate({ file: action.file, range: action.range }),
  };
}

/**
 * Compares two optional dates, earlier first; a missing date sorts last (`missing` = 1), or
 * first (`missing` = -1, for descending sorts where the arguments are swapped).
 */
export function compareOptionalDates(a: LocalDate | undefined, b: LocalDate | undefined, missing: 1 | -1 = 1): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? missing : -missing;
  return compareDates(a, b);
}
