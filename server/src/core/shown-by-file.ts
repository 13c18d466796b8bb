import { compareFindings, type Finding, type FindingInput, type Severity } from "./findings";
import { groupByFile } from "./group-by-file";
import { withoutAbsenceOfInvalid, type InvalidFieldIn } from "./model/invalid-fields";
import type { ParsedFile } from "./parse/parsed-file";
import type { Rule } from "./rules/rule";
import { sameItems } from "./same-items";
import { applySuppressions, type Suppression } from "./suppressions";
import type { ConfiguredSeverity } from "./model/types";

/**
 * A finding the check does not show at its default severity: its rule is turned `off`, or set
 * below the finding's default severity, or an inline suppression silences it. `severity` is the
 * default one (the rule's, or the finding's own), so a readiness verdict can count what it does
 * not cover. Only findings whose default is an error or a warning are kept.
 */
export interface MutedFinding extends Finding {
  muted: "off" | "lowered" | "suppressed";
}

/** What one file shows after a check: its findings and what was muted in it, each sorted by {@link compareFindings}. */
export interface FileShown {
  findings: readonly Finding[];
  muted: readonly MutedFinding[];
}

/** What a root's rules reported, as one file of it needs it: each rule's reports in that file, in rule order. */
export interface FileInputs {
  file: string;
  /** Each rule with its reports in the file (rules that reported nothing there may be left out). */
  reports: readonly { rule: Rule; inputs: readonly FindingInput[] }[];
  /** Findings of rules that failed on the model (`isms/rule-failure`), in this file. */
  failures: readonly Finding[];
  /** The severity set for each rule (`isms.yaml` `rules:` and the editor's settings). */
  configured: ReadonlyMap<string, ConfiguredSeverity>;
  suppressions: readonly Suppression[];
  /** The file's invalid fields (present but failing the schema), or undefined when none. */
  invalid: readonly InvalidFieldIn[] | undefined;
  /** True when the file's text has syntax errors: it shows its syntax findings only. */
  broken: boolean;
}

/**
 * What one file shows: the reports turned into findings at their configured severity, minus those
 * that say a field is missing when it is present but invalid (`withoutAbsenceOfInvalid`) and those
 * an inline suppression silences; in a file with syntax errors, only the findings of the rules that
 * cannot be suppressed (the syntax checks), since the records read from the rest are a recovery of
 * broken text. Each list sorted by file, position and rule; reports of one place keep rule order.
 */
export function showFile(input: FileInputs): FileShown {
  const always: Finding[] = [];
  const suppressible: Finding[] = [];
  const muted: MutedFinding[] = [];
  /** The muted entry of each finding shown below its default severity. */
  const loweredOf = new Map<Finding, MutedFinding>();
  for (const { rule, inputs } of input.reports) {
    const setting = rule.unsuppressible ? undefined : input.configured.get(rule.id);
    for (const report of inputs) {
      const byDefault: Severity = report.severity ?? rule.severity;
      if (setting === "off") {
        if (byDefault !== "info") muted.push({ ...report, rule: rule.id, severity: byDefault, muted: "off" });
        continue;
      }
      const finding = findingFor(report, rule.id, setting ?? byDefault, byDefault);
      if (RANK[finding.severity] < RANK[byDefault]) {
        const lowered: MutedFinding = { ...report, rule: rule.id, severity: byDefault, muted: "lowered" };
        muted.push(lowered);
        loweredOf.set(finding, lowered);
      }
      (rule.unsuppressible ? always : suppressible).push(finding);
    }
  }
  for (const failure of input.failures) suppressible.push(failure);
  const invalid = input.invalid ? [input.invalid] : [];
  const { kept, suppressed } = applySuppressions(withoutAbsenceOfInvalid(suppressible, invalid), input.suppressions);
  for (const f of suppressed) {
    const lowered = loweredOf.get(f);
    const severity = defaultOf.get(f);
    if (lowered) lowered.muted = "suppressed";
    else if (severity !== undefined && severity !== "info") muted.push({ ...f, severity, muted: "suppressed" });
  }
  // A file with syntax errors shows its syntax findings only (those rules are never muted).
  if (input.broken) return { findings: always.sort(compareFindings), muted: [] };
  const findings = always.length === 0 ? kept : always.concat(kept);
  return { findings: findings.sort(compareFindings), muted: withoutAbsenceOfInvalid(muted, invalid).sort(compareFindings) };
}

/** Severities from least to most serious, to tell a lowered setting. */
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The finding made of a report at a severity: one object per report while its rule and severity
 * stay (a rule whose reads did not change keeps its reports, so after an edit most findings are
 * the previous check's objects; findings are never changed once made).
 */
function findingFor(report: FindingInput, rule: string, severity: Severity, byDefault: Severity): Finding {
  let finding = findingOf.get(report);
  if (!finding || finding.rule !== rule || finding.severity !== severity) {
    findingOf.set(report, (finding = { ...withBoundedData(report), rule, severity }));
    defaultOf.set(finding, byDefault);
  }
  return finding;
}

const findingOf = new WeakMap<FindingInput, Finding>();

/** The default severity of each finding {@link findingFor} made (the rule's, or the report's own). */
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

/** A rule's reports by file, kept per reports array (a rule whose reads did not change keeps its array). */
export function reportsByFile(reports: readonly FindingInput[]): ReadonlyMap<string, readonly FindingInput[]> {
  let byFile = byFileOf.get(reports);
  if (!byFile) byFileOf.set(reports, (byFile = groupByFile(reports)));
  return byFile;
}

const byFileOf = new WeakMap<readonly FindingInput[], Map<string, FindingInput[]>>();

/**
 * The files whose reports differ between two runs of a rule: a file where one run reported and the
 * other did not, or where the reports are not the same objects in the same order. O(reports).
 */
export function filesReportedDifferently(before: readonly FindingInput[] | undefined, after: readonly FindingInput[] | undefined, into: Set<string>): void {
  if (before === after) return;
  const a = reportsByFile(before ?? []);
  const b = reportsByFile(after ?? []);
  for (const [file, reports] of b) if (!sameItems(a.get(file), reports)) into.add(file);
  for (const file of a.keys()) if (!b.has(file)) into.add(file);
}

/** The files of `files` that changed between two lists of parses (another parse, or present in one only), by file key. */
export function filesParsedAgain(before: readonly ParsedFile[], after: readonly ParsedFile[], into: Set<string>): void {
  const earlier = new Map(before.map((f) => [f.file, f]));
  for (const f of after) {
    if (earlier.get(f.file) !== f) into.add(f.file);
    earlier.delete(f.file);
  }
  for (const file of earlier.keys()) into.add(file);
}
