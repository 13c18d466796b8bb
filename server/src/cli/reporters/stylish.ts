import type { Finding } from "../../core";
import type { Reporter } from "./reporter";

const COLORS = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" };

/** Control characters of the workspace's text are shown escaped, so a file cannot drive the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * Human output grouped by file, `line:column  severity  message  rule` (1-based, like editors
 * show). Past `maxPerRule` findings of one rule (in file order), the rest of that rule's findings
 * are counted in one line each at the end, so a defect repeated thousands of times stays readable.
 */
export const stylishReporter: Reporter = ({ result, summary, color, today, maxPerRule }) => {
  const c = (code: keyof typeof COLORS, text: string) => (color ? `${COLORS[code]}${text}${COLORS.reset}` : text);
  const shownOfRule = new Map<string, number>();
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const shown = (shownOfRule.get(f.rule) ?? 0) + 1;
    shownOfRule.set(f.rule, shown);
    if (maxPerRule > 0 && shown > maxPerRule) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(c("bold", printable(file)));
    for (const f of findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      lines.push(`  ${c("dim", pos)} ${c(f.severity, f.severity.padEnd(7))} ${printable(f.message)}  ${c("dim", f.rule)}`);
    }
    lines.push("");
  }
  const hidden = [...shownOfRule].filter(([, count]) => maxPerRule > 0 && count > maxPerRule);
  for (const [rule, count] of hidden) {
    lines.push(c("dim", `… ${count - maxPerRule} more ${rule} finding${count - maxPerRule === 1 ? "" : "s"} not listed (${count} in all; --max-per-rule 0 lists every one)`));
  }
  if (hidden.length > 0) lines.push("");
  const total = summary.errors + summary.warnings + summary.infos;
  const counts = `${summary.errors} error${summary.errors === 1 ? "" : "s"}, ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}, ${summary.infos} info`;
  lines.push(
    summary.errors + summary.warnings === 0
      ? `✔ ${summary.files} ISMS files checked (today ${today}): ${total === 0 ? "no findings" : counts}`
      : `✖ ${counts} in ${summary.files} ISMS files (today ${today})`,
  );
  return lines.join("\n") + "\n";
};
