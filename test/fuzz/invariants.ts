/**
 * What must hold for ANY input, however broken: the fuzzer's oracle. Each check returns the
 * violations found, as one line each (empty when all hold).
 */
import { RULE_FAILURE, RULES, type CheckResult, type Finding, type Range, type SourceFile } from "../../server/src/core";
import { MAX_DATA_CHARS } from "../../server/src/core/check";
import { LineIndex } from "../../server/src/core/text/line-index";
import { stripBom } from "../../server/src/core/text/bom";

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Text that only an exception or the YAML library would write: it must never reach a message. */
const ENGINE_TEXT = /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|YAMLParseError|YAMLWarning|Maximum call stack|at line \d+, column \d+)|\[object Object\]|\bundefined\b(?! \()/;

/** True when `range` lies inside `text` (as the editor counts lines: LF, CRLF or a lone CR). */
export function rangeInside(range: Range, lines: LineIndex): boolean {
  const { start, end } = range;
  const valid = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < lines.lineCount && p.character <= lines.lineText(p.line).length;
  if (!valid(start) || !valid(end)) return false;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}

/** The violations of one check result over `sources`. */
export function findingViolations(sources: readonly SourceFile[], findings: readonly Finding[]): string[] {
  const texts = new Map(sources.map((s) => [s.file, new LineIndex(stripBom(s.text))]));
  const out: string[] = [];
  const at = (f: Finding) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`;
  for (const f of findings) {
    if (f.rule === RULE_FAILURE) out.push(`${at(f)}: a rule failed: ${f.message}`);
    if (!RULE_IDS.has(f.rule)) out.push(`${at(f)}: unknown rule id`);
    const lines = texts.get(f.file);
    if (!lines) out.push(`${at(f)}: finding in a file that was not given`);
    else if (!rangeInside(f.range, lines)) out.push(`${at(f)}: range ${JSON.stringify(f.range)} outside the file`);
    for (const r of f.related ?? []) {
      const rl = texts.get(r.file);
      if (!rl || !rangeInside(r.range, rl)) out.push(`${at(f)}: related location ${r.file} ${JSON.stringify(r.range)} outside its file`);
    }
    if (ENGINE_TEXT.test(f.message)) out.push(`${at(f)}: engine text in the message: ${f.message.slice(0, 200)}`);
    if (f.data !== undefined && JSON.stringify(f.data).length > MAX_DATA_CHARS) out.push(`${at(f)}: data larger than ${MAX_DATA_CHARS} characters`);
  }
  return out;
}

/** A canonical text of the findings, for "same output" comparisons (order-independent). */
export function canonicalFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => JSON.stringify(f))
    .sort()
    .join("\n");
}

/** The violations of one result, run again, and run with the files in another order. */
export function determinismViolations(first: CheckResult, again: CheckResult, shuffled: CheckResult): string[] {
  const out: string[] = [];
  const a = JSON.stringify(first.findings);
  if (JSON.stringify(again.findings) !== a) out.push("a second run gave other findings");
  if (canonicalFindings(shuffled.findings) !== canonicalFindings(first.findings)) out.push("the files in another order gave other findings");
  return out;
}
