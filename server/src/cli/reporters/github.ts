import type { Finding, Severity } from "../../core";
import type { Reporter } from "./reporter";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,endLine=…,col=…,
 * endColumn=…,title=…::message` line per finding, which GitHub shows as an annotation on the file
 * (paths relative to the repository root, 1-based lines and columns), then a plain summary line.
 * Data and property values are escaped as the runner requires, so a file cannot inject commands.
 */
export const githubReporter: Reporter = ({ result, summary }) => {
  const lines = result.findings.map(annotation);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(`isms: ${count(summary.errors, "error")}, ${count(summary.warnings, "warning")}, ${summary.infos} info in ${count(summary.files, "ISMS file")}`);
  return lines.join("\n") + "\n";
};

function annotation(f: Finding): string {
  const properties = [
    `file=${property(f.file)}`,
    `line=${f.range.start.line + 1}`,
    `endLine=${f.range.end.line + 1}`,
    `col=${f.range.start.character + 1}`,
    `endColumn=${f.range.end.character + 1}`,
    `title=${property(f.rule)}`,
  ];
  return `::${COMMAND[f.severity]} ${properties.join(",")}::${data(f.message)}`;
}

/** Escapes a workflow command's message (`%`, CR, LF). */
export function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (as {@link data}, plus `:` and `,`). */
export function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
