import { createHash } from "node:crypto";
import type { Finding, Severity } from "../../core";
import type { Reporter } from "./reporter";

const SEVERITY: Record<Severity, "major" | "minor" | "info"> = { error: "major", warning: "minor", info: "info" };

/** One issue of a GitLab Code Quality report. */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; positions: { begin: { line: number; column: number }; end: { line: number; column: number } } };
}

/**
 * GitLab Code Quality report (`artifacts: reports: codequality`): a JSON array with one issue per
 * finding, path relative to the repository root, 1-based lines and columns. An error is `major`,
 * a warning `minor`, an info `info`. The fingerprint hashes the rule, file, message and the
 * finding's rank among identical ones, not its line, so an issue keeps its identity when lines
 * above it move.
 */
export const gitlabReporter: Reporter = ({ result }) => {
  const seen = new Map<string, number>();
  const issues = result.findings.map((f): CodeQualityIssue => {
    const identity = `${f.rule}\u0000${f.file}\u0000${f.message}`;
    const rank = seen.get(identity) ?? 0;
    seen.set(identity, rank + 1);
    return {
      description: f.message,
      check_name: f.rule,
      fingerprint: createHash("sha256").update(`${identity}\u0000${rank}`).digest("hex").slice(0, 32),
      severity: SEVERITY[f.severity],
      location: { path: f.file, positions: positions(f) },
    };
  });
  return JSON.stringify(issues, null, 2) + "\n";
};

function positions(f: Finding): CodeQualityIssue["location"]["positions"] {
  return {
    begin: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
    end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
  };
}
