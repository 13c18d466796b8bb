import type { CommandFactory } from "../command";

/** `isms.previewSoa`: the Statement of Applicability in a webview, filterable, rows open their entry. */
const previewSoa: CommandFactory = {
  id: "isms.previewSoa",
  create: (ctx) => () => ctx.webviews.show("soa"),
};

/**
 * `isms.showHeatMap`: the risk heat map (likelihood × impact) in a webview. Optional argument
 * `{ residual: true }` opens it on the residual rating.
 */
const showHeatMap: CommandFactory = {
  id: "isms.showHeatMap",
  create: (ctx) => (args?: unknown) => {
    const residual = typeof args === "object" && args !== null && typeof (args as { residual?: unknown }).residual === "boolean" ? (args as { residual: boolean }).residual : undefined;
    return ctx.webviews.show("heatmap", { residual });
  },
};

/** `isms.showReadiness`: the certification readiness report in a webview. */
const showReadiness: CommandFactory = {
  id: "isms.showReadiness",
  create: (ctx) => () => ctx.webviews.show("readiness"),
};

/**
 * `isms.prepareManagementReview`: the management review pack (9.3.2 inputs since the last review)
 * in a webview; its button inserts a review draft (`isms.insertReviewDraft`).
 */
const prepareManagementReview: CommandFactory = {
  id: "isms.prepareManagementReview",
  create: (ctx) => () => ctx.webviews.show("review-pack"),
};

/** The commands that open report webviews. */
export const WEBVIEW_COMMANDS: CommandFactory[] = [previewSoa, showHeatMap, showReadiness, prepareManagementReview];
