import { ACTION_RULES } from "./action/index";
import { AUDIT_RULES } from "./audit/index";
import { CONTEXT_RULES } from "./context/index";
import { rule as ismsDuplicateDefinition } from "./isms/duplicate-definition";
import { rule as ismsDocumentWithoutKind } from "./isms/document-without-kind";
import { rule as ismsEmptyFile } from "./isms/empty-file";
import { rule as ismsNoImprovement } from "./isms/no-improvement";
import { rule as ismsNoRoot } from "./isms/no-root";
import { rule as ismsNotAFile } from "./isms/not-a-file";
import { rule as ismsPlaceholderText } from "./isms/placeholder-text";
import { rule as ismsSupersededStandard } from "./isms/superseded-standard";
import { rule as ismsSuppressionWithoutReason } from "./isms/suppression-without-reason";
import { rule as ismsUnknownRule } from "./isms/unknown-rule";
import { NC_RULES } from "./nc/index";
import { OBJECTIVE_RULES } from "./objective/index";
import { POLICY_RULES } from "./policy/index";
import { rule as refDuplicateId } from "./ref/duplicate-id";
import { rule as refUnresolved } from "./ref/unresolved";
import { REVIEW_RULES } from "./review/index";
import { RISK_RULES } from "./risk/index";
import type { Rule } from "./rule";
import { rule as schemaInvalid } from "./schema/invalid";
import { SCOPE_RULES } from "./scope/index";
import { SOA_RULES } from "./soa/index";
import { rule as yamlNumericControlId } from "./yaml/numeric-control-id";
import { rule as yamlSyntax } from "./yaml/syntax";

/** Every rule of the engine, in documentation order. Ids are unique and match file paths (a test checks). */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlNumericControlId,
  schemaInvalid,
  refUnresolved,
  refDuplicateId,
  ...SCOPE_RULES,
  ...CONTEXT_RULES,
  ...SOA_RULES,
  ...RISK_RULES,
  ...ACTION_RULES,
  ...NC_RULES,
  ...AUDIT_RULES,
  ...REVIEW_RULES,
  ...OBJECTIVE_RULES,
  ...POLICY_RULES,
  ismsNoImprovement,
  ismsSupersededStandard,
  ismsPlaceholderText,
  ismsNoRoot,
  ismsDuplicateDefinition,
  ismsEmptyFile,
  ismsNotAFile,
  ismsDocumentWithoutKind,
  ismsSuppressionWithoutReason,
  ismsUnknownRule,
];

/** The rule with id `id`. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
