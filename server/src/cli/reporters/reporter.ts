import type { CheckResult, LocalDate, Rule } from "../../core";

/** Counts of a check run, by severity. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** ISMS files checked. */
  files: number;
}

/** Everything a reporter may print. Finding `file`s are relative to the checked folder. */
export interface ReportInput {
  result: CheckResult;
  summary: Summary;
  today: LocalDate;
  rules: readonly Rule[];
  /** The folder the user gave, as given. */
  target: string;
  color: boolean;
}

/** Writes a check result in one output format (stylish, json, sarif, junit). */
export type Reporter = (input: ReportInput) => string;

/** Counts findings by severity. */
export function summarize(result: CheckResult): Summary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info"), files: result.files.filter((f) => f.isIsms).length };
}
