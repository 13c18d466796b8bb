import type { Cell, ReportDocument } from "./layout";
import { layoutDocument, type IsmsReport } from "./report-document";

/** Renders a report as GitHub-flavoured Markdown: title, summary list and one table per section. */
export function renderMarkdown(report: IsmsReport): string {
  return renderDocumentMarkdown(layoutDocument(report));
}

/** Renders a laid-out report as Markdown. Every workspace string is escaped. */
export function renderDocumentMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, "", escapeMarkdown(doc.subtitle), "", `## ${escapeMarkdown(doc.summaryTitle)}`, ""];
  for (const item of doc.summary) out.push(`- **${escapeMarkdown(item.label)}:** ${escapeMarkdown(item.value)}`);
  for (const table of doc.tables) {
    out.push("", `## ${escapeMarkdown(table.caption)}`, "");
    for (const note of table.notes ?? []) out.push(escapeMarkdown(note), "");
    if (table.rows.length === 0) {
      out.push(`_${escapeMarkdown(table.empty)}_`);
      continue;
    }
    out.push(`| ${table.columns.map((c) => escapeMarkdown(c.label)).join(" | ")} |`);
    out.push(`| ${table.columns.map((c) => (c.numeric ? "---:" : "---")).join(" | ")} |`);
    for (const row of table.rows) out.push(`| ${row.map(cellText).join(" | ")} |`);
  }
  return out.join("\n") + "\n";
}

function cellText(cell: Cell): string {
  return escapeMarkdown(cell.text);
}

/**
 * Escapes text for a Markdown table cell or paragraph: characters with Markdown or HTML meaning
 * get a backslash (or an entity for `<`/`>`), and line breaks become spaces so a cell stays on its row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
