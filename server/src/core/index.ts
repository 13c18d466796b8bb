/**
 * ISMS Workbench engine: text in, typed ISMS model with source ranges, findings out.
 * Pure: no editor, protocol, file-system or environment access. Adapters (language server, CLI,
 * report writers) pass file texts and "today" in.
 */
export { checkWorkspace, checkParsed, checkSteps, checkModel, configuredSeverities, runRules, RULE_FAILURE, type CheckMemo, type CheckOptions, type CheckResult, type MutedFinding } from "./check";
export { finish, type CheckSteps } from "./rule-runs";
export type { Finding, Severity, RelatedLocation } from "./findings";
export { RULES, ruleById } from "./rules/registry";
export type { Rule, RuleContext } from "./rules/rule";
export { parseFile, ISMS_KINDS, type ParsedFile, type ParsedDocument } from "./parse/parsed-file";
export { reparseFile, wasConsumed } from "./parse/incremental-parse";
export { buildModel } from "./model/build-model";
export type { IsmsModel } from "./model/isms-model";
export * from "./model/types";
export { CATALOG_2022, canonicalControlId, type AnnexAControl, type Catalog } from "./catalog/catalog";
export { isLocalDate, type LocalDate } from "./dates";
export { lastChange, priorKey, type LineChange, type LineHistory, type PriorTexts } from "./history/line-history";
export { askedPriorTexts } from "./rules/risk/treatment-not-approved";
export type { SourceFile } from "./workspace";
export { groupByRoot, parseAll } from "./workspace";
export { evidenceTarget, existsUnderRoot, type EvidenceTarget } from "./evidence/evidence-path";
export type { Position, Range, Location } from "./text/range";
export * from "./report/index";
