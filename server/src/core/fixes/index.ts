/**
 * Quick-fixes: for a finding, the edits that resolve it, computed by the pure engine as minimal
 * text edits from the YAML node ranges (comments, formatting, key order, quoting, indentation and
 * line endings of the files are kept; nothing outside the edits changes). Adapters turn them
 * into editor code actions.
 *
 * A rule's fixes live beside its check (`rules/<area>/<name>.fix.ts`, set as `Rule.fixes`) and
 * read the finding's `data` through the rule's declared shape (`Rule.data`). This module is the
 * boundary: the rule id selects the rule, and the finding's `data` (which may have crossed the
 * editor protocol as JSON) is checked against that shape once, here.
 */
import type { Finding } from "../findings";
import { ruleById } from "../rules/registry";
import type { FixContext, QuickFix } from "./types";

export type { FixContext, FixEdit, FixProvider, QuickFix } from "./types";
export { lineEndingOf } from "../yaml-edit/editor";

/** True when findings of `ruleId` may have quick-fixes. */
export function hasFixes(ruleId: string): boolean {
  return ruleById(ruleId)?.fixes !== undefined;
}

/**
 * The quick-fixes of one finding, for the model of its ISMS root and the files as checked.
 * Never throws: a finding whose `data` does not have its rule's shape gets none, and a fix that
 * cannot be computed on the current text (it changed, or its structure is unexpected) is left out.
 */
export function codeActionsFor(finding: Finding, context: FixContext): QuickFix[] {
  const rule = ruleById(finding.rule);
  if (!rule?.fixes || !rule.data) return [];
  const data: unknown = finding.data ?? {};
  if (!rule.data(data)) return [];
  try {
    return rule.fixes({ ...finding, data }, context);
  } catch {
    return [];
  }
}
