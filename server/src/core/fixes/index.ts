/**
 * Quick-fixes: for a finding, the edits that resolve it, computed by the pure engine as minimal
 * text edits from the YAML node ranges (comments, formatting, key order, quoting, indentation and
 * line endings of the files are kept; nothing outside the edits changes). Adapters turn them
 * into editor code actions.
 */
import type { Finding } from "../findings";
import { fix as actionOverdue } from "./action/overdue";
import { fix as auditFindingWithoutNonconformity } from "./audit/finding-without-nonconformity";
import { fix as ncNoCorrectiveAction } from "./nc/no-corrective-action";
import { fix as refUnresolved } from "./ref/unresolved";
import { fix as riskUnrated } from "./risk/unrated";
import { fix as soaMissingControl } from "./soa/missing-control";
import { fix as soaUntracedControl } from "./soa/untraced-control";
import type { FixContext, FixProvider, QuickFix } from "./types";
import { fix as yamlNumericControlId } from "./yaml/numeric-control-id";

export type { FixContext, FixEdit, FixProvider, QuickFix } from "./types";
export { lineEndingOf } from "./edits";

/** The fix provider of each rule that has quick-fixes, by rule id (the file path under `fixes/`). */
export const FIXES: Readonly<Record<string, FixProvider>> = {
  "soa/missing-control": soaMissingControl,
  "soa/untraced-control": soaUntracedControl,
  "risk/unrated": riskUnrated,
  "action/overdue": actionOverdue,
  "yaml/numeric-control-id": yamlNumericControlId,
  "ref/unresolved": refUnresolved,
  "soa/unknown-control": refUnresolved,
  "nc/no-corrective-action": ncNoCorrectiveAction,
  "audit/finding-without-nonconformity": auditFindingWithoutNonconformity,
};

/** True when findings of `ruleId` may have quick-fixes. */
export function hasFixes(ruleId: string): boolean {
  return Object.prototype.hasOwnProperty.call(FIXES, ruleId);
}

/**
 * The quick-fixes of one finding, for the model of its ISMS root and the files as checked.
 * Never throws: a fix that cannot be computed on the current text (it changed, or its structure
 * is unexpected) is left out.
 */
export function codeActionsFor(finding: Finding, context: FixContext): QuickFix[] {
  const provider = hasFixes(finding.rule) ? FIXES[finding.rule] : undefined;
  if (!provider) return [];
  try {
    return provider(finding, context);
  } catch {
    return [];
  }
}
