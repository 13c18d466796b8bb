/**
 * Edits that add records to an ISMS (the "Add Risk" / "Add Action" commands): pure functions of
 * the model and the file texts, built on the YAML edit toolkit (`../yaml-edit`) that the quick-fixes use too.
 */
export { addRecord, InvalidRecordError, TREATMENT_OPTIONS, ACTION_TYPES, ACTION_STATUSES, type NewRecord, type NewRisk, type NewAction, type AddedRecord } from "./add-record";
export { formOptions, type FormOptions, type PersonOption, type LevelOption } from "./form-options";
export { applyTextEdits } from "./apply-text-edits";
export { addReviewDraft } from "./review-draft";
