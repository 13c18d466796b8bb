import type { LocalDate } from "../dates";
import type { FindingData } from "../rules/data-shape";
import type { FindingOf } from "../findings";
import type { EditContext, FixEdit } from "../yaml-edit/editor";

export type { FixEdit } from "../yaml-edit/editor";

/** A quick-fix for one finding: a title for the editor's light bulb and the edit it applies. */
export interface QuickFix {
  title: string;
  ruleId: string;
  /** The one obvious fix (the editor may apply it with the "auto fix" command). */
  isPreferred?: boolean;
  edit: FixEdit;
}

/** What a fix may read: the model of the finding's ISMS root, the parsed files, and today. */
export interface FixContext extends EditContext {
  today: LocalDate;
}

/**
 * The quick-fixes of one rule (`Rule.fixes`, written in `rules/<area>/<name>.fix.ts`): computes
 * them for a finding whose `data` has the rule's shape; returns none when the fix no longer
 * applies (the text or the model changed).
 */
export type FixProvider<D extends FindingData> = (finding: FindingOf<D>, context: FixContext) => QuickFix[];
