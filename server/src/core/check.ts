import type { LineHistory, PriorTexts } from "./history/line-history";
import { CATALOG_2022 } from "./catalog/catalog";
import type { LocalDate } from "./dates";
import { compareFindings, type Finding, type FindingInput, type Severity } from "./findings";
import { buildModel, buildModelSteps } from "./model/build-model";
import type { IsmsModel } from "./model/isms-model";
import type { ConfiguredSeverity } from "./model/types";
import type { ParsedFile } from "./parse/parsed-file";
import { RULES } from "./rules/registry";
import type { Rule } from "./rules/rule";
import { applySuppressions, findSuppressions } from "./suppressions";
import { FILE_START } from "./text/range";
import { groupByRoot, parseAll, type SourceFile } from "./workspace";
import { append } from "./append";
import { withoutAbsenceOfInvalid } from "./model/invalid-fields";
import { chunksOf } from "./model/contributions";
import { finish, runOrReuse, type CheckSteps, type RuleInputs, type RulesMemo } from "./rule-runs";

/** Options of a check run. */
export interface CheckOptions {
  /** Today as a local calendar date (`YYYY-MM-DD`); every "overdue" is relative to it. */
  today: LocalDate;
  /** Severity overrides that win over `isms.yaml` `rules:` (e.g. editor settings). */
  severities?: Record<string, ConfiguredSeverity>;
  /**
   * Files and folders that exist on disk, per ISMS root key: paths relative to that root,
   * '/'-separated, NFC (listed by `server/src/node/existing-files.ts`). Prepared outside the core (CLI, server);
   * a root without an entry is not checked for missing evidence files.
   */
  existingFiles?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * When each line of a file last changed in version control, by file key (as the files'
   * `file`), for the rules that compare a record's last change with its approval. Read by
   * `server/src/node/git-line-history.ts`; files without an entry have no history.
   */
  lineHistory?: ReadonlyMap<string, LineHistory>;
  /** Texts of files at earlier commits that rules asked for (see {@link PriorTexts}). */
  priorTexts?: PriorTexts;
  /** The rules to run; defaults to every registered rule. */
  rules?: readonly Rule[];
  /**
   * The `memo` of the previous check of the same files (after an edit): the model is built again
   * only where files changed, and rules whose reads did not change keep their findings. The
   * result is the same as without it.
   */
  previous?: CheckMemo;
}

/** What a check keeps for the next one, by root key (see {@link CheckOptions.previous}). */
export type CheckMemo = ReadonlyMap<string, RulesMemo>;

/**
 * A finding the check does not show at its default severity: its rule is turned `off`, or set
 * below the finding's default severity, or an inline suppression silences it. `severity` is the
 * default one (the rule's, or the finding's own), so a readiness verdict can count what it does
 * not cover. Only findings whose default is an error or a warning are kept.
 */
export interface MutedFinding extends Finding {
  muted: "off" | "lowered" | "suppressed";
}

/** Result of a check: the findings (sorted), the model of each root, and every parsed file. */
export interface CheckResult {
  findings: Finding[];
  /** What the settings and suppressions keep out of `findings` (or show below their default severity). */
  muted: MutedFinding[];
  models: IsmsModel[];
  files: ParsedFile[];
  /** Pass as {@link CheckOptions.previous} to the next check of these files. */
  memo: CheckMemo;
}

/** Rule id reported when a rule itself fails; the engine keeps going with the other rules. */
export const RULE_FAILURE = "isms/rule-failure";

/**
 * Checks a whole workspace: parses the files, builds one model per ISMS root (clauses 4 to 10,
 * Annex A) and runs every rule on it. Files outside any root are checked for syntax and schema
 * only. Never throws: a failing rule becomes an `isms/rule-failure` finding.
 *
 * @param sources  every YAML file of the workspace: key ('/'-separated) and text
 */
export function checkWorkspace(sources: SourceFile[], options: CheckOptions): CheckResult {
  return checkParsed(parseAll(sources), options);
}

/** {@link checkWorkspace} over files already parsed (the language server caches them). */
export function checkParsed(files: ParsedFile[], options: CheckOptions): CheckResult {
  return finish(checkSteps(files, options));
}

/** {@link checkParsed} in steps (one per model built, per rule run and per pass over all findings): see {@link CheckSteps}. */
export function* checkSteps(files: ParsedFile[], options: CheckOptions): CheckSteps<CheckResult> {
  const { roots, orphans } = groupByRoot(files);
  const models: IsmsModel[] = [];
  const findings: Finding[] = [];
  const muted: MutedFinding[] = [];
  const memo = new Map<string, RulesMemo>();
  for (const [root, rootFiles] of roots) {
    const previous = options.previous?.get(root);
    const model = yield* buildModelSteps(root, rootFiles, CATALOG_2022, previous?.model);
    models.push(model);
    yield;
    const result = yield* runRulesSteps(model, options, undefined, previous);
    memo.set(root, result.memo);
    append(findings, result.findings);
    append(muted, result.muted);
  }
  const orphanFiles = orphans.filter((f) => f.isIsms);
  if (orphanFiles.length > 0) {
    const model = buildModel("", orphanFiles, CATALOG_2022);
    append(
      findings,
      checkModel(model, options, (rule) => rule.fileLevel === true),
    );
  }
  const shown = withoutConsequencesOfSyntaxErrors(findings, files);
  yield;
  shown.sort(compareFindings);
  yield;
  return {
    findings: shown,
    muted: withoutConsequencesOfSyntaxErrors(muted, files).sort(compareFindings),
    models,
    files,
    memo,
  };
}

/**
 * In a file with syntax errors, only the syntax findings: the records read from the rest are a
 * recovery of broken text, so what other rules say of them there ("no owner" for a risk whose owner
 * sits past a tab) would send people to fix the wrong things first. Findings in other files stay.
 */
function withoutConsequencesOfSyntaxErrors<F extends Finding>(findings: F[], files: readonly ParsedFile[]): F[] {
  const broken = new Set(files.filter((f) => f.problems.length > 0).map((f) => f.file));
  if (broken.size === 0) return findings;
  return findings.filter((f) => !broken.has(f.file) || SYNTAX_RULES.has(f.rule));
}

/**
 * The finding made of each report, by report: a rule whose reads did not change keeps its reports
 * (`rule-runs.ts`), so after an edit most findings are the previous check's objects (findings are
 * never changed once made).
 */
const findingOf = new WeakMap<FindingInput, Finding>();

/** The default severity of each finding {@link findingOf} made (the rule's, or the report's own). */
const defaultOf = new WeakMap<Finding, Severity>();

/** The most a finding's `data` may weigh as JSON (it travels with every diagnostic to the editor). */
export const MAX_DATA_CHARS = 4096;

/**
 * The finding without its `data` when that is larger than {@link MAX_DATA_CHARS} as JSON: the
 * rules keep their data small (a few ids), so only a file with absurd values could get there, and
 * the finding itself must still be shown (its quick-fix, which reads the data, is then not offered).
 */
function withBoundedData(input: FindingInput): FindingInput {
  if (input.data === undefined) return input;
  let size: number;
  try {
    size = JSON.stringify(input.data)?.length ?? 0;
  } catch {
    size = Infinity;
  }
  if (size <= MAX_DATA_CHARS) return input;
  return { ...input, data: undefined };
}

/** The rules whose findings can be neither turned off nor suppressed: the syntax checks. */
const SYNTAX_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.unsuppressible).map((r) => r.id));

/** Severities from least to most serious, to tell a lowered setting. */
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The severity set for each rule of a model: `isms.yaml` `rules:`, with `overrides` (e.g. the
 * editor's `isms.rules`) winning. Rules not named keep their default severity.
 */
export function configuredSeverities(model: IsmsModel | undefined, overrides: Record<string, ConfiguredSeverity> = {}): Map<string, ConfiguredSeverity> {
  const configured = new Map<string, ConfiguredSeverity>();
  for (const [id, v] of model?.isms?.ruleSeverities ?? []) configured.set(id, v.value);
  for (const [id, v] of Object.entries(overrides)) configured.set(id, v);
  return configured;
}

/**
 * Runs the rules on one model, then applies severities (rule default, `isms.yaml` `rules:`,
 * then `options.severities`) and inline suppressions.
 */
export function checkModel(model: IsmsModel, options: CheckOptions, select: (rule: Rule) => boolean = () => true): Finding[] {
  return runRules(model, options, select).findings;
}

/**
 * {@link checkModel}, also returning what settings and suppressions mute: rules turned `off` still
 * run, so that their findings can be counted at their default severity ({@link MutedFinding}).
 * Findings that say a field is missing when the field is present but failed the schema are
 * dropped ({@link withoutAbsenceOfInvalid}): the schema finding is that defect's one finding.
 */
export function runRules(model: IsmsModel, options: CheckOptions, select: (rule: Rule) => boolean = () => true, previous?: RulesMemo): RulesResult {
  return finish(runRulesSteps(model, options, select, previous));
}

/** What {@link runRules} gives. */
export interface RulesResult {
  findings: Finding[];
  muted: MutedFinding[];
  memo: RulesMemo;
}

/** {@link runRules} in steps (one per rule, one per pass over all findings): see {@link CheckSteps}. */
export function* runRulesSteps(model: IsmsModel, options: CheckOptions, select: (rule: Rule) => boolean = () => true, previous?: RulesMemo): CheckSteps<RulesResult> {
  const rules = (options.rules ?? RULES).filter(select);
  const configured = configuredSeverities(model, options.severities);

  const ruleIds: ReadonlySet<string> = new Set([...RULES, ...(options.rules ?? [])].map((r) => r.id).concat(RULE_FAILURE));

  const findings: Finding[] = [];
  const muted: MutedFinding[] = [];
  /** The muted entry of each finding shown below its default severity. */
  const loweredOf = new Map<Finding, MutedFinding>();
  const report = (rule: Rule, input: FindingInput) => {
    const setting = rule.unsuppressible ? undefined : configured.get(rule.id);
    const byDefault: Severity = input.severity ?? rule.severity;
    if (setting === "off") {
      if (byDefault !== "info") muted.push({ ...input, rule: rule.id, severity: byDefault, muted: "off" });
      return;
    }
    const severity: Severity = setting ?? byDefault;
    let finding = findingOf.get(input);
    if (!finding || finding.rule !== rule.id || finding.severity !== severity) {
      findingOf.set(input, (finding = { ...withBoundedData(input), rule: rule.id, severity }));
      defaultOf.set(finding, byDefault);
    }
    if (RANK[severity] < RANK[byDefault]) {
      const lowered: MutedFinding = { ...input, rule: rule.id, severity: byDefault, muted: "lowered" };
      muted.push(lowered);
      loweredOf.set(finding, lowered);
    }
    findings.push(finding);
  };
  const failed = (rule: Rule, error: unknown) => {
    if (!rule.unsuppressible && configured.get(rule.id) === "off") return;
    const file = model.isms?.file ?? model.files[0]?.file ?? "";
    findings.push({
      rule: RULE_FAILURE,
      severity: "warning",
      message: `The check ${rule.id} failed on this ISMS and was skipped: ${error instanceof Error ? error.message : String(error)}`,
      file,
      range: FILE_START,
    });
  };
  const inputs: RuleInputs = {
    catalog: model.catalog,
    today: options.today,
    ruleIds,
    existingFiles: options.existingFiles?.get(model.root),
    lineHistory: options.lineHistory,
    priorTexts: options.priorTexts,
  };
  const memo = yield* runOrReuse(model, inputs, rules, previous, report, failed);
  const unsuppressible = new Set(rules.filter((r) => r.unsuppressible).map((r) => r.id));
  const always: Finding[] = [];
  const suppressible: Finding[] = [];
  for (const f of findings) (unsuppressible.has(f.rule) ? always : suppressible).push(f);
  const suppressions = model.files.flatMap(findSuppressions);
  const invalid = chunksOf(model, "invalidFields");
  const candidates = withoutAbsenceOfInvalid(suppressible, invalid);
  yield;
  const { kept, suppressed } = applySuppressions(candidates, suppressions);
  yield;
  for (const f of suppressed) {
    const lowered = loweredOf.get(f);
    const severity = defaultOf.get(f);
    if (lowered) lowered.muted = "suppressed";
    else if (severity !== undefined && severity !== "info") muted.push({ ...f, severity, muted: "suppressed" });
  }
  return {
    findings: always.length === 0 ? kept : always.concat(kept),
    muted: withoutAbsenceOfInvalid(muted, invalid),
    memo,
  };
}
