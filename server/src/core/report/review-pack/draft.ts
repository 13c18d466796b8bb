import type { ReviewInputKey, ReviewPackReport } from "./types";

/** The inputs of a review draft: one short summary per input key (nested keys dotted: `performance.monitoring`). */
export type ReviewDraftInputs = Record<ReviewInputKey, string>;

/** The short summaries of a pack, by input key, to pre-fill a new management review (the user edits them before the meeting). */
export function reviewDraftInputs(pack: ReviewPackReport): ReviewDraftInputs {
  const inputs = {} as ReviewDraftInputs;
  for (const section of pack.sections) inputs[section.input] = section.summary;
  return inputs;
}
