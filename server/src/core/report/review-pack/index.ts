import type { LocalDate } from "../../dates";
import type { Finding } from "../../findings";
import type { IsmsModel } from "../../model/isms-model";
import { contextSection, feedbackSection, interestedPartiesSection } from "./context";
import { findingsByClause } from "./findings";
import { improvementSection } from "./improvement";
import { auditsSection, monitoringSection, nonconformitiesSection, objectivesSection } from "./performance";
import { reviewPeriod } from "./period";
import { previousActionsSection } from "./previous-actions";
import { resourcesSection } from "./resources";
import { risksSection } from "./risks";
import type { ReviewPackReport } from "./types";

export { layoutReviewPack } from "./layout";
export { reviewDraftInputs, type ReviewDraftInputs } from "./draft";
export { ReviewPackError, type ReviewPackReport, type PackSection, type PackTable, type PackRow, type PackCell, type PackPeriod, type RecordAt, type ReviewInputKey } from "./types";

/** Options of {@link reviewPackReport}. */
export interface ReviewPackOptions {
  /** Start of the period: a management review id or a date (`YYYY-MM-DD`); default the last review held. */
  since?: string;
}

/**
 * The management review pack (9.3.2): for the period since the last review held (or `since`), the
 * facts the ISMS files hold behind each input (a to g, and the adequacy of resources), each with the
 * record it comes from, and the open findings of the checker by clause. `findings` are the open
 * findings of this ISMS root. Pure.
 *
 * @throws ReviewPackError when `since` names no usable review or date (see {@link reviewPeriod}).
 */
export function reviewPackReport(model: IsmsModel, findings: readonly Finding[], today: LocalDate, options: ReviewPackOptions = {}): ReviewPackReport {
  const period = reviewPeriod(model, today, options.since);
  return {
    kind: "review-pack",
    root: model.root,
    organization: model.isms?.organization?.value,
    standard: model.isms?.standard?.value,
    today,
    period,
    sections: [
      previousActionsSection(model, period, today),
      contextSection(model, period),
      interestedPartiesSection(model, period),
      nonconformitiesSection(model, period, today),
      monitoringSection(model, period),
      auditsSection(model, period),
      objectivesSection(model, today),
      feedbackSection(model, period),
      risksSection(model, period, today),
      improvementSection(model, period, today),
      resourcesSection(model, today),
    ],
    findings: findingsByClause(findings),
  };
}
