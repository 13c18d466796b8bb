import { compareDates, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { Audit, ManagementReview } from "../model/types";
import { personOf } from "../report/people";
import type { Location } from "../text/range";
import { compareOptionalDates } from "./actions";
import { compareIds } from "./levels";
import type { Locate, TimelineItem } from "./types";

const AUDIT_STATES = new Set(["planned", "completed", "cancelled"]);

/**
 * Internal audits (9.2) and management reviews (9.3) on one timeline, newest first, undated
 * ones last. An audit's state is its status (else completed when it has a performed date, else
 * planned) and its date the performed date (else the planned one); a review dated after today,
 * or undated, is planned.
 */
export function timelineView<L = Location>(model: IsmsModel, today: LocalDate, locate: Locate<L>): TimelineItem<L>[] {
  const items = [...model.audits.map((a) => auditItem(a, locate)), ...model.reviews.map((r) => reviewItem(r, today, locate))];
  return items.sort((a, b) => compareOptionalDates(b.date, a.date, -1) || compareIds(a.id, b.id));
}

/** The state of an audit as the timeline shows it. */
export function auditState(audit: Audit): TimelineItem["state"] {
  const status = audit.status?.value;
  if (status !== undefined && AUDIT_STATES.has(status)) return status as TimelineItem["state"];
  return audit.performed ? "completed" : "planned";
}

function auditItem<L>(audit: Audit, locate: Locate<L>): TimelineItem<L> {
  const state = auditState(audit);
  return {
    kind: "audit",
    id: audit.id?.value ?? "",
    title: audit.title?.value,
    date: (state === "planned" ? undefined : audit.performed?.value) ?? audit.planned?.value ?? audit.performed?.value,
    state,
    auditor: personOf(audit.auditor),
    findings: audit.findings.length,
    location: locate({ file: audit.file, range: audit.range }),
  };
}

function reviewItem<L>(review: ManagementReview, today: LocalDate, locate: Locate<L>): TimelineItem<L> {
  const date = review.date?.value;
  return {
    kind: "review",
    id: review.id?.value ?? "",
    date,
    state: date !== undefined && compareDates(date, today) <= 0 ? "completed" : "planned",
    decisions: review.decisions.length,
    location: locate({ file: review.file, range: review.range }),
  };
}
