import * as vscode from "vscode";
import type { ViewFindingCounts, ViewLevelTone, ViewPerson } from "@protocol";

/** The chart colour of each risk level tone. */
const TONE_COLOURS: Record<ViewLevelTone, string> = {
  red: "charts.red",
  orange: "charts.orange",
  yellow: "charts.yellow",
  green: "charts.green",
};

/** A codicon in a theme colour (`charts.red`, `problemsErrorIcon.foreground` …), or in the default colour. */
export function icon(id: string, colour?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, colour ? new vscode.ThemeColor(colour) : undefined);
}

/** A risk level's icon: a filled circle in the level's colour; an outline for an unrated risk. */
export function levelIcon(tone: ViewLevelTone | undefined): vscode.ThemeIcon {
  return tone ? icon("circle-filled", TONE_COLOURS[tone]) : icon("circle-outline", "disabledForeground");
}

/** The icon of a count of findings: error, warning, information, or a green check. */
export function healthIcon(counts: ViewFindingCounts): vscode.ThemeIcon {
  if (counts.errors > 0) return icon("error", "problemsErrorIcon.foreground");
  if (counts.warnings > 0) return icon("warning", "problemsWarningIcon.foreground");
  if (counts.infos > 0) return icon("info", "problemsInfoIcon.foreground");
  return icon("pass", "charts.green");
}

/** "1 error · 2 warnings", or "no findings". */
export function countsText(counts: ViewFindingCounts): string {
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning"), counts.infos > 0 ? `${counts.infos} info` : ""].filter((p) => p && !p.startsWith("0 "));
  return parts.length > 0 ? parts.join(" · ") : "no findings";
}

/** "1 risk", "3 risks". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A person's name, else their id. */
export function personLabel(person: ViewPerson | undefined): string | undefined {
  return person ? (person.name ?? person.id) : undefined;
}

/** "today", "in 1 day", "in 12 days", "1 day ago", "46 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  return days > 0 ? `in ${plural(days, "day")}` : `${plural(-days, "day")} ago`;
}

/** Joins the parts that are present with " · ". */
export function joined(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(" · ");
}

/** "partially-implemented" → "partially implemented". */
export function words(value: string): string {
  return value.replace(/-/g, " ");
}

/**
 * A tooltip: a bold heading, then one line per field that has a value. Workspace text is
 * escaped (appendText), so nothing from the YAML is read as Markdown or links.
 */
export function tooltip(heading: string, fields: [label: string, value: string | undefined][], note?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown("**");
  md.appendText(heading);
  md.appendMarkdown("**\n\n");
  for (const [label, value] of fields) {
    if (value === undefined || value === "") continue;
    md.appendText(`${label}: `);
    md.appendText(value);
    md.appendMarkdown("  \n");
  }
  if (note) {
    md.appendMarkdown("\n");
    md.appendText(note);
  }
  return md;
}

/** "R-001 Unauthorised access" (or "R-001: …" with `separator`); "(no id)" for a record without one. */
export function recordLabel(id: string, text: string | undefined, separator = " "): string {
  const head = id === "" ? "(no id)" : id;
  return text ? `${head}${separator}${text}` : head;
}
