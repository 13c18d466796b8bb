import { isSeq } from "yaml";
import { compareDates, isLocalDate, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { ManagementReview } from "../model/types";
import { appendRecord, nextId, WorkspaceEditor, yamlString, type AppendTarget, type EditContext, type RecordPairs } from "../yaml-edit";
import type { ReviewDraftInputs } from "../report/review-pack/draft";
import { applyTextEdits } from "./apply-text-edits";
import { InvalidRecordError, recordRange, rootLineEnding, type AddedRecord } from "./add-record";

/** The keys of `inputs` in the order a review writes them (9.3.2 a to g, then resources); dotted keys nest under `performance`. */
const INPUT_ORDER: readonly (keyof ReviewDraftInputs)[] = [
  "previous_actions",
  "context_changes",
  "interested_party_needs",
  "performance.nonconformities",
  "performance.monitoring",
  "performance.audit_results",
  "performance.objectives",
  "interested_party_feedback",
  "risk_assessment",
  "improvement_opportunities",
  "resources",
];

/**
 * Appends a new `ManagementReview` entry, dated `date` (default today), whose `inputs` hold the
 * pack's summaries (the user edits them before the meeting), as a minimal edit shaped like the
 * reviews already there (or a new `reviews.yaml`). The id continues the existing numbering
 * (`MR-2026-1` → `MR-2026-2`). The attendees proposed are the members of top management
 * (`people[].top_management`: 9.3.1 "Top management shall review the organization's ISMS"); who
 * actually attended and the decisions are for the meeting.
 *
 * @throws InvalidRecordError when `date` is not a calendar date.
 */
export function addReviewDraft(context: EditContext & { today: LocalDate }, inputs: ReviewDraftInputs, date?: string): AddedRecord {
  const { model, today } = context;
  const day: LocalDate = date ?? today;
  if (!isLocalDate(day)) throw new InvalidRecordError(`date: "${day}" is not a date (YYYY-MM-DD)`);
  const id = nextId(
    model.reviews.flatMap((r) => (r.id ? [r.id.value] : [])),
    `MR-${day.slice(0, 4)}-1`,
  );
  const top: RecordPairs = [];
  const performance: RecordPairs = [];
  for (const key of INPUT_ORDER) {
    const text = oneLine(inputs[key]);
    if (key.startsWith("performance.")) performance.push([key.slice("performance.".length), text, "text"]);
    else top.push([key, text, "text"]);
    if (key === "interested_party_needs") top.push(["performance", performance, "map"]);
  }
  const topManagement = model.people.flatMap((p) => (p.topManagement && p.id ? [yamlString(p.id.value)] : []));
  const pairs: RecordPairs = [["id", yamlString(id)], ["date", day], ...(topManagement.length > 0 ? [["attendees", `[${topManagement.join(", ")}]`] as [string, string]] : []), ["inputs", top, "map"]];
  const ws = new WorkspaceEditor(context);
  const file = appendRecord(ws, model, "ManagementReview", "reviews", "reviews.yaml", pairs, rootLineEnding(context), latestReviewDocument(model));
  const edit = ws.build();
  if (!edit) throw new Error("the review draft produced no edit");
  const before = edit.createFiles?.includes(file) ? "" : (ws.file(file)?.text ?? "");
  const after = applyTextEdits(before, edit.changes[file] ?? []);
  const range = recordRange(file, after, "ManagementReview", "reviews", id);
  if (!range) throw new Error(`the new review ${id} is not found in ${file} after the edit`);
  return { id, file, edit, range };
}

/**
 * The document holding the latest dated review (a new review goes beside it, whatever document
 * holds the most reviews); `undefined` leaves the choice to `appendRecord`.
 */
function latestReviewDocument(model: IsmsModel): AppendTarget | undefined {
  let latest: ManagementReview | undefined;
  for (const review of model.reviews) {
    if (review.date && (!latest?.date || compareDates(review.date.value, latest.date.value) >= 0)) latest = review;
  }
  if (!latest) return undefined;
  for (const doc of model.documents) {
    if (doc.kind !== "ManagementReview" || doc.file !== latest.file || !doc.root || doc.hasErrors) continue;
    const list = doc.root.get("reviews", true);
    if (isSeq(list) && list.items.includes(latest.node)) return { doc, root: doc.root, list };
  }
  return undefined;
}

/** A summary on one line, never empty (an empty input would not count as considered). */
function oneLine(text: string | undefined): string {
  const t = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return t === "" ? "To complete." : t;
}
