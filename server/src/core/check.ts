import type { LineHistory, PriorTexts } from "./history/line-history";
import { CATALOG_2022 } from "./catalog/catalog";
import type { LocalDate } from "./dates";
import type { Finding } from "./findings";
import { buildModel, buildModelSteps } from "./model/build-model";
import type { IsmsModel } from "./model/isms-model";
import type { ConfiguredSeverity } from "./model/types";
import type { ParsedFile } from "./parse/parsed-file";
import { RULES } from "./rules/registry";
import type { Rule } from "./rules/rule";
import { findSuppressions } from "./suppressions";
import { filesParsedAgain, filesReportedDifferently, reportsByFile, showFile, type FileShown, type MutedFinding } from "./shown-by-file";
import { FILE_START } from "./text/range";
import { groupByRoot, parseAll, type SourceFile } from "./workspace";
import { append } from "./append";
import { invalidFieldsByFile } from "./model/invalid-fields";
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

export { MAX_DATA_CHARS, type MutedFinding } from "./shown-by-file";

/** Result of a check: the findings (sorted), the model of each root, and every parsed file. */
export interface CheckResult {
  findings: Finding[];
  /** What the settings and suppressions keep out of `findings` (or show below their default severity). */
  muted: MutedFinding[];
  /** What each file shows (files that show nothing are left out): `findings` and `muted` are these, in file order. After an edit, a file whose findings did not change keeps its object. */
  byFile: ReadonlyMap<string, FileShown>;
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

/** {@link checkParsed} in steps (one per model built, per rule run and per file shown again): see {@link CheckSteps}. */
export function* checkSteps(files: ParsedFile[], options: CheckOptions): CheckSteps<CheckResult> {
  const { roots, orphans } = groupByRoot(files);
  const models: IsmsModel[] = [];
  const shown = new Map<string, FileShown>();
  const memo = new Map<string, RulesMemo>();
  for (const [root, rootFiles] of roots) {
    const previous = options.previous?.get(root);
    const model = yield* buildModelSteps(root, rootFiles, CATALOG_2022, previous?.model);
    models.push(model);
    yield;
    const result = yield* runRulesSteps(model, options, undefined, previous);
    memo.set(root, result.memo);
    for (const [file, what] of result.byFile) shown.set(file, what);
  }
  const orphanFiles = orphans.filter((f) => f.isIsms);
  if (orphanFiles.length > 0) {
    const model = buildModel("", orphanFiles, CATALOG_2022);
    const result = runRules(model, options, (rule) => rule.fileLevel === true);
    for (const [file, what] of result.byFile) shown.set(file, what);
  }
  yield;
  const flat = flattened(shown);
  return { findings: flat.findings, muted: flat.muted, byFile: shown, models, files, memo };
}

/** Every file's findings and muted findings in one list each, in file order (each file's sorted: so the lists are sorted by {@link compareFindings}). */
function flattened(byFile: ReadonlyMap<string, FileShown>): { findings: Finding[]; muted: MutedFinding[] } {
  const findings: Finding[] = [];
  const muted: MutedFinding[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const what = byFile.get(file)!;
    append(findings, what.findings);
    append(muted, what.muted);
  }
  return { findings, muted };
}

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
  /** What each file shows (files that show nothing are left out): `findings` and `muted` are these, in file order. */
  byFile: ReadonlyMap<string, FileShown>;
  memo: RulesMemo;
}

/** {@link runRules} in steps (one per rule, one per file shown again): see {@link CheckSteps}. */
export function* runRulesSteps(model: IsmsModel, options: CheckOptions, select: (rule: Rule) => boolean = () => true, previous?: RulesMemo): CheckSteps<RulesResult> {
  const rules = (options.rules ?? RULES).filter(select);
  const configured = configuredSeverities(model, options.severities);
  const ruleIds: ReadonlySet<string> = new Set([...RULES, ...(options.rules ?? [])].map((r) => r.id).concat(RULE_FAILURE));
  const failures: Finding[] = [];
  const failed = (rule: Rule, error: unknown) => {
    if (!rule.unsuppressible && configured.get(rule.id) === "off") return;
    const file = model.isms?.file ?? model.files[0]?.file ?? "";
    failures.push({
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
  const memo = yield* runOrReuse(model, inputs, rules, previous, failed);
  const configuredJson = JSON.stringify([...configured]);
  const failedFiles = new Set(failures.map((f) => f.file));
  const earlier = memo.fromPrevious && previous?.shown?.configured === configuredJson ? previous.shown : undefined;

  // The files to show again: all on a first check; after an edit, the files parsed again and those
  // where a rule that ran again reported differently (a kept rule's reports are the same objects).
  const again = new Set<string>();
  if (earlier && previous) {
    filesParsedAgain(previous.model.files, model.files, again);
    for (const rule of rules) {
      const before = previous.runs.get(rule)?.reports;
      const after = memo.runs.get(rule)?.reports;
      if (before === after) continue;
      filesReportedDifferently(before, after, again);
      yield; // a rule that ran again may have reported thousands of times
    }
    for (const file of earlier.failed) again.add(file);
  } else {
    for (const run of memo.runs.values()) for (const file of reportsByFile(run.reports).keys()) again.add(file);
    for (const file of model.files) again.add(file.file);
  }
  for (const file of failedFiles) again.add(file);
  const byFile = new Map(earlier?.byFile);
  const parses = new Map(model.files.map((f) => [f.file, f]));
  const invalid = invalidFieldsByFile(chunksOf(model, "invalidFields"));
  for (const file of again) {
    const parse = parses.get(file);
    const what = showFile({
      file,
      reports: rules.flatMap((rule) => {
        const run = memo.runs.get(rule);
        const inputs = run && reportsByFile(run.reports).get(file);
        return inputs ? [{ rule, inputs }] : [];
      }),
      failures: failures.filter((f) => f.file === file),
      configured,
      suppressions: parse ? findSuppressions(parse) : [],
      invalid: invalid.get(file),
      broken: parse !== undefined && parse.problems.length > 0,
    });
    if (what.findings.length + what.muted.length > 0) byFile.set(file, what);
    else byFile.delete(file);
    yield;
  }
  memo.shown = { byFile, configured: configuredJson, failed: failedFiles };
  return { ...flattened(byFile), byFile, memo };
}
