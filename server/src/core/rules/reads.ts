import type { ModelList } from "../model/model-lists";

/** Inputs of a check besides the model that a rule may read (see {@link RuleContext}). */
export type CheckInput = "today" | "existingFiles" | "lineHistory" | "priorTexts";

/**
 * What a rule's findings may depend on (`Rule.reads`): a list of the model, or an input of the
 * check. The catalog, the root and the rule ids are the same for every check of a root.
 */
export type RulePart = ModelList | CheckInput;
