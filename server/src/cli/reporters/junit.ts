import escapeHtml from "escape-html";
import type { Finding } from "../../core";
import type { Reporter } from "./reporter";
import { groupByFile } from "../../core/group-by-file";

/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps): one `<testsuite>` per ISMS file
 * (and per other file with findings), named by its path from the repository root. Every error is a
 * failing `<testcase>` (classname = rule id, name = `file:line:column message`,
 * `<failure type="error">`); a warning fails (`type="warning"`) only when the run fails on
 * warnings (`--max-warnings` exceeded), else it passes like an info, carrying its message in
 * `<system-out>`; a file without findings has one passing testcase, so clean files show as passed.
 */
export const junitReporter: Reporter = ({ result, today, warningsFail }) => {
  const byFile = groupByFile(result.findings);
  for (const file of result.files) if (file.isIsms && !byFile.has(file.file)) byFile.set(file.file, []);
  const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const findings = byFile.get(file) ?? [];
    const fails = (f: Finding) => f.severity === "error" || (f.severity === "warning" && warningsFail);
    const cases = findings.length === 0 ? [passingCase(file)] : findings.map((f) => findingCase(f, fails(f)));
    const failed = findings.filter(fails).length;
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0" file="${xml(file)}">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="isms check (today ${xml(today)})" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
};

function passingCase(file: string): string {
  return `    <testcase classname="isms" name="${xml(`${file}: no findings`)}" file="${xml(file)}" time="0"/>`;
}

function findingCase(f: Finding, fails: boolean): string {
  const line = f.range.start.line + 1;
  const column = f.range.start.character + 1;
  const where = `${f.file}:${line}:${column}`;
  const attrs = `classname="${xml(f.rule)}" name="${xml(`${where} ${f.message}`)}" file="${xml(f.file)}" line="${line}" time="0"`;
  const details = [`${where} ${f.severity} ${f.message} (${f.rule})`, ...(f.related ?? []).map((r) => `  ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`)].join("\n");
  if (!fails) return `    <testcase ${attrs}>\n      <system-out>${xml(details)}</system-out>\n    </testcase>`;
  return `    <testcase ${attrs}>\n      <failure type="${f.severity}" message="${xml(f.message)}">${xml(details)}</failure>\n    </testcase>`;
}

/**
 * Escapes text for XML content and attribute values (`& < > " '` via escape-html) and drops the
 * characters XML 1.0 does not allow (control characters, lone surrogates).
 */
export function xml(text: string): string {
  let clean = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      if (code !== 0xfffe && code !== 0xffff && (code < 0xd800 || code > 0xdfff)) clean += ch;
    }
  }
  return escapeHtml(clean);
}
