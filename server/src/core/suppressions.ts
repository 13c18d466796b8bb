import type { Finding } from "./findings";
import type { ParsedFile } from "./parse/parsed-file";
import type { Range } from "./text/range";

/**
 * An inline suppression: `# isms-disable-next-line <rule>[, <rule>…] -- <reason>` silences those
 * rules on the next line that holds content. Auditors ask why a gap is accepted, so the reason is
 * required (a suppression without one is itself reported).
 */
export interface Suppression {
  file: string;
  /** Range of the comment. */
  range: Range;
  rules: string[];
  reason?: string;
  /** The line it applies to. */
  targetLine: number;
}

const DIRECTIVE = /#\s*isms-disable-next-line\b(.*)$/;
const DIRECTIVE_WORD = "isms-disable-next-line";

/** Every suppression comment in a file, found once per parse (do not change the result). */
export function findSuppressions(file: ParsedFile): readonly Suppression[] {
  let found = foundIn.get(file);
  if (!found) foundIn.set(file, (found = suppressionsIn(file)));
  return found;
}

const foundIn = new WeakMap<ParsedFile, Suppression[]>();

function suppressionsIn(file: ParsedFile): Suppression[] {
  const result: Suppression[] = [];
  // Only the lines that mention the directive are read (a register has a few among thousands).
  let lastLine = -1;
  for (let at = file.text.indexOf(DIRECTIVE_WORD); at !== -1; at = file.text.indexOf(DIRECTIVE_WORD, at + DIRECTIVE_WORD.length)) {
    const line = file.lines.positionAt(at).line;
    if (line === lastLine) continue;
    lastLine = line;
    const text = file.lines.lineText(line);
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const [rulePart, ...reasonParts] = match[1].split(/\s--(?:\s|$)/);
    const reason = reasonParts.join(" -- ").trim();
    const rules = rulePart.split(/[\s,]+/).filter((r) => r.length > 0);
    let target = line + 1;
    while (target < file.lines.lineCount && /^\s*(#.*)?$/.test(file.lines.lineText(target))) target++;
    result.push({
      file: file.file,
      range: { start: { line, character: match.index }, end: { line, character: text.length } },
      rules,
      reason: reason === "" ? undefined : reason,
      targetLine: target,
    });
  }
  return result;
}

/**
 * The findings silenced by a suppression on the line their range starts on, and the others, each
 * in the order given. One lookup per finding, however many directives.
 */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[]): { kept: Finding[]; suppressed: Finding[] } {
  if (suppressions.length === 0) return { kept: findings, suppressed: [] };
  const byFile = new Map<string, Map<number, Suppression[]>>();
  for (const s of suppressions) {
    let lines = byFile.get(s.file);
    if (!lines) byFile.set(s.file, (lines = new Map()));
    const here = lines.get(s.targetLine);
    if (here) here.push(s);
    else lines.set(s.targetLine, [s]);
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const silenced = byFile
      .get(f.file)
      ?.get(f.range.start.line)
      ?.some((s) => s.rules.includes(f.rule) || s.rules.includes("all"));
    (silenced ? suppressed : kept).push(f);
  }
  return { kept, suppressed };
}
