import type { CheckResult, LocalDate, Rule } from "../../core";

/** Counts of a check run, by severity. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** ISMS files checked. */
  files: number;
}

/**
 * Everything a reporter may print. Finding `file`s are relative to `base`: the checked folder for
 * stylish and json, the repository root for the formats that CI dashboards read (sarif, junit,
 * github, gitlab).
 */
export interface ReportInput {
  result: CheckResult;
  summary: Summary;
  today: LocalDate;
  rules: readonly Rule[];
  /** The folder the user gave, as given. */
  target: string;
  /** Absolute path of the folder the finding `file`s are relative to. */
  base: string;
  /** True when warnings fail the run (`--max-warnings` given and exceeded). */
  warningsFail: boolean;
  color: boolean;
  /** Stylish: at most this many findings of one rule are listed, the rest counted at the end (0: all). */
  maxPerRule: number;
}

/** Writes a check result in one output format (stylish, json, sarif, junit). */
export type Reporter = (input: ReportInput) => string;

/** Counts findings by severity. */
export function summarize(result: CheckResult): Summary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info"), files: result.files.filter((f) => f.isIsms).length };
}
