import { CATALOG_2022 } from "./catalog/catalog";
import type { LocalDate } from "./dates";
import { compareFindings, type Finding, type FindingInput, type Severity } from "./findings";
import { buildModel } from "./model/build-model";
import type { IsmsModel } from "./model/isms-model";
import type { ConfiguredSeverity } from "./model/types";
import type { ParsedFile } from "./parse/parsed-file";
import { RULES } from "./rules/registry";
import type { Rule } from "./rules/rule";
import { applySuppressions, findSuppressions } from "./suppressions";
import { FILE_START } from "./text/range";
import { groupByRoot, parseAll, type SourceFile } from "./workspace";
import { append } from "./append";

/** Options of a check run. */
export interface CheckOptions {
  /** Today as a local calendar date (`YYYY-MM-DD`); every "overdue" is relative to it. */
  today: LocalDate;
  /** Severity overrides that win over `isms.yaml` `rules:` (e.g. editor settings). */
  severities?: Record<string, ConfiguredSeverity>;
  /** The rules to run; defaults to every registered rule. */
  rules?: readonly Rule[];
}

/** Result of a check: the findings (sorted), the model of each root, and every parsed file. */
export interface CheckResult {
  findings: Finding[];
  models: IsmsModel[];
  files: ParsedFile[];
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
  const { roots, orphans } = groupByRoot(files);
  const models: IsmsModel[] = [];
  const findings: Finding[] = [];
  for (const [root, rootFiles] of roots) {
    const model = buildModel(root, rootFiles, CATALOG_2022);
    models.push(model);
    append(findings, checkModel(model, options));
  }
  const orphanFiles = orphans.filter((f) => f.isIsms);
  if (orphanFiles.length > 0) {
    const model = buildModel("", orphanFiles, CATALOG_2022);
    append(findings, checkModel(model, options, (rule) => rule.fileLevel === true));
  }
  return { findings: withoutConsequencesOfSyntaxErrors(findings, files).sort(compareFindings), models, files };
}

/**
 * In a file with syntax errors, only the syntax findings: the records read from the rest are a
 * recovery of broken text, so what other rules say of them there ("no owner" for a risk whose owner
 * sits past a tab) would send people to fix the wrong things first. Findings in other files stay.
 */
function withoutConsequencesOfSyntaxErrors(findings: Finding[], files: readonly ParsedFile[]): Finding[] {
  const broken = new Set(files.filter((f) => f.problems.length > 0).map((f) => f.file));
  if (broken.size === 0) return findings;
  return findings.filter((f) => !broken.has(f.file) || SYNTAX_RULES.has(f.rule));
}

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

/**
 * Runs the rules on one model, then applies severities (rule default, `isms.yaml` `rules:`,
 * then `options.severities`) and inline suppressions.
 */
export function checkModel(model: IsmsModel, options: CheckOptions, select: (rule: Rule) => boolean = () => true): Finding[] {
  const rules = (options.rules ?? RULES).filter(select);
  const configured = new Map<string, ConfiguredSeverity>();
  for (const [id, v] of model.isms?.ruleSeverities ?? []) configured.set(id, v.value);
  for (const [id, v] of Object.entries(options.severities ?? {})) configured.set(id, v);

  const ruleIds: ReadonlySet<string> = new Set([...RULES, ...(options.rules ?? [])].map((r) => r.id).concat(RULE_FAILURE));

  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = rule.unsuppressible ? undefined : configured.get(rule.id);
    if (setting === "off") continue;
    const report = (input: FindingInput) => {
      const severity: Severity = setting ?? input.severity ?? rule.severity;
      findings.push({ ...withBoundedData(input), rule: rule.id, severity });
    };
    try {
      rule.check({ model, catalog: model.catalog, today: options.today, ruleIds, report });
    } catch (error) {
      const file = model.isms?.file ?? model.files[0]?.file ?? "";
      findings.push({
        rule: RULE_FAILURE,
        severity: "warning",
        message: `The check ${rule.id} failed on this ISMS and was skipped: ${error instanceof Error ? error.message : String(error)}`,
        file,
        range: FILE_START,
      });
    }
  }
  const unsuppressible = new Set(rules.filter((r) => r.unsuppressible).map((r) => r.id));
  const kept = applySuppressions(
    findings.filter((f) => !unsuppressible.has(f.rule)),
    model.files.flatMap(findSuppressions),
  );
  return [...findings.filter((f) => unsuppressible.has(f.rule)), ...kept];
}
