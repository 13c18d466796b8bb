import * as assert from "node:assert/strict";
import { checkWorkspace, type CheckOptions, type CheckResult, type Finding } from "../../server/src/core";
import { FIXTURE_TODAY, type Files } from "./minimal-isms";

/** An expected finding written in a fixture as a comment under the offending text. */
export interface Expected {
  rule: string;
  file: string;
  line: number;
  start: number;
  end: number;
  message?: string;
}

/**
 * Reads expectations written as YAML comments under the offending text:
 *
 * ```yaml
 *     owner: cisoo
 *     #      ^^^^^ ref/unresolved
 *     #      ^^^^^ ref/unresolved No person has the id   (optional: text the message must contain)
 * ```
 * The carets give the start and end columns on the nearest line above that is not an annotation.
 */
export function readAnnotations(files: Files): Expected[] {
  const expected: Expected[] = [];
  const pattern = /^(\s*#\s*)(\^+)\s+([a-z]+\/[a-z0-9-]+)(?:\s+(.*))?$/;
  for (const [file, text] of Object.entries(files)) {
    const lines = text.split(/\r?\n/);
    let target = -1;
    lines.forEach((line, index) => {
      const match = pattern.exec(line);
      if (!match) {
        target = index;
        return;
      }
      const start = match[1].length;
      expected.push({ rule: match[3], file, line: target, start, end: start + match[2].length, message: match[4]?.trim() });
    });
  }
  return expected;
}

function describe(f: { rule: string; file: string; line: number; start: number; end: number; message?: string }): string {
  return `${f.file}:${f.line + 1}:${f.start + 1}-${f.end + 1} ${f.rule}${f.message ? ` "${f.message}"` : ""}`;
}

/**
 * Checks `files` and asserts that the findings of the annotated rules (or of `rules`) are exactly
 * the annotated ones: same rule, file, line and columns, and messages containing the given text.
 * Returns the findings for further assertions.
 */
export function expectFindings(files: Files, options: { rules?: string[]; today?: string; check?: Partial<CheckOptions> } = {}): Finding[] {
  const expected = readAnnotations(files);
  const rules = new Set(options.rules ?? expected.map((e) => e.rule));
  const result = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: options.today ?? FIXTURE_TODAY, ...options.check },
  );
  const actual = result.findings.filter((f) => rules.has(f.rule));
  const matched = new Set<Finding>();
  const missing: Expected[] = [];
  for (const e of expected) {
    const hit = actual.find(
      (f) =>
        !matched.has(f) &&
        f.rule === e.rule &&
        f.file === e.file &&
        f.range.start.line === e.line &&
        f.range.start.character === e.start &&
        f.range.end.character === e.end &&
        (!e.message || f.message.includes(e.message)),
    );
    if (hit) matched.add(hit);
    else missing.push(e);
  }
  const unexpected = actual.filter((f) => !matched.has(f));
  if (missing.length || unexpected.length) {
    const show = (f: Finding) => `${describe({ rule: f.rule, file: f.file, line: f.range.start.line, start: f.range.start.character, end: f.range.end.character })} ${f.message}`;
    assert.fail(
      [missing.length ? `Expected but not reported:\n  ${missing.map(describe).join("\n  ")}` : "", unexpected.length ? `Reported but not expected:\n  ${unexpected.map(show).join("\n  ")}` : ""]
        .filter(Boolean)
        .join("\n"),
    );
  }
  return actual;
}

/** Checks `files` (keys as file names) as of `today`: findings, models and parsed files. */
export function checkResult(files: Files, today = FIXTURE_TODAY): CheckResult {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today },
  );
}

/** Checks `files` and returns every finding (for tests that assert on the whole result). */
export function checkFiles(files: Files, today = FIXTURE_TODAY): Finding[] {
  return checkResult(files, today).findings;
}

/** Replaces `search` with `replacement` in one fixture file, failing when `search` is absent. */
export function edit(files: Files, file: string, search: string | RegExp, replacement: string): Files {
  const text = files[file];
  assert.ok(text !== undefined, `fixture has no file ${file}`);
  assert.ok(typeof search === "string" ? text.includes(search) : search.test(text), `fixture ${file} does not contain ${String(search)}`);
  return { ...files, [file]: text.replace(search, replacement) };
}
