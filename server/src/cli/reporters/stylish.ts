import type { Finding } from "../../core";
import type { Reporter } from "./reporter";

const COLORS = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" };

/** Human output grouped by file, `line:column  severity  message  rule` (1-based, like editors show). */
export const stylishReporter: Reporter = ({ result, summary, color, today }) => {
  const c = (code: keyof typeof COLORS, text: string) => (color ? `${COLORS[code]}${text}${COLORS.reset}` : text);
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(c("bold", file));
    for (const f of findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      lines.push(`  ${c("dim", pos)} ${c(f.severity, f.severity.padEnd(7))} ${f.message}  ${c("dim", f.rule)}`);
    }
    lines.push("");
  }
  const total = summary.errors + summary.warnings + summary.infos;
  const counts = `${summary.errors} error${summary.errors === 1 ? "" : "s"}, ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}, ${summary.infos} info`;
  lines.push(total === 0 ? `✔ ${summary.files} ISMS files checked (today ${today}): no findings` : `✖ ${counts} in ${summary.files} ISMS files (today ${today})`);
  return lines.join("\n") + "\n";
};
