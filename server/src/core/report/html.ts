import escapeHtml from "escape-html";
import type { Cell, Column, ReportDocument, RowMeta, Table } from "./layout";
import { layoutDocument, type IsmsReport } from "./report-document";

/**
 * Content Security Policy of a standalone report: no scripts, no remote resources, only the
 * embedded style sheet.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The report style sheet: readable in light and dark (`prefers-color-scheme`), and inside a VS Code
 * webview it follows the editor theme through the `--vscode-*` variables when they are defined.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --border: #d1d9e0; --head: #f6f8fa; --stripe: #f6f8fa80;
  --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --head: #151b23; --stripe: #151b2380;
    --good: #3fb950; --warn: #d29922; --bad: #f85149; }
}
body { margin: 0; padding: 1.5rem; color: var(--vscode-editor-foreground, var(--fg)); background: var(--vscode-editor-background, var(--bg));
  font: 14px/1.45 var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem; margin: 0; }
.summary div { border: 1px solid var(--border); border-radius: 6px; padding: .5rem .75rem; }
.summary dt { color: var(--muted); font-size: .85rem; }
.summary dd { margin: 0; font-weight: 600; }
.table-wrap { overflow-x: auto; margin: 1.5rem 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-size: 1.2rem; font-weight: 600; padding: 0 0 .5rem; }
th, td { border: 1px solid var(--border); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); position: sticky; top: 0; }
tbody tr:nth-child(even) { background: var(--stripe); }
tbody th { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td ul { margin: 0; padding: 0; list-style: none; }
.tone-good { color: var(--good); }
.tone-warn { color: var(--warn); }
.tone-bad { color: var(--bad); font-weight: 600; }
.tone-muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.note { color: var(--muted); margin: .25rem 0; }
table.grid { width: auto; }
table.grid td { text-align: center; min-width: 4.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { body { padding: 0; } .table-wrap { overflow: visible; } thead th { position: static; } }
`;

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Content Security Policy of the document; a webview passes its own (with its nonce or cspSource). */
  csp?: string;
}

/**
 * Renders a report as a standalone HTML document: strict CSP, embedded style sheet, no scripts
 * and no remote resources. Every workspace string is HTML-escaped.
 */
export function renderHtml(report: IsmsReport, options: HtmlOptions = {}): string {
  const doc = layoutDocument(report);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp ?? REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(doc.pageTitle)}</title>
<style>${reportStyles(doc)}</style>
</head>
<body>
${renderDocumentHtml(doc)}
</body>
</html>
`;
}

/** Options of {@link renderHtmlBody} and {@link renderDocumentHtml}. */
export interface HtmlBodyOptions {
  /**
   * For a page with a script (a webview): rows with a key get `tabindex="0"` and `data-open`,
   * rows carry their filter facts as `data-*` attributes, links become `<a href="#" data-open>`
   * and selectable cells get `tabindex="0"` and `data-cell`. The page's script acts on them.
   */
  interactive?: boolean;
}

/** The body of a report (a `<main>` element), for embedding in a page that brings {@link reportStyles}. */
export function renderHtmlBody(report: IsmsReport, options: HtmlBodyOptions = {}): string {
  return renderDocumentHtml(layoutDocument(report), options);
}

/** The style sheet a laid-out report needs: {@link REPORT_CSS} and the report's own rules (band colours). */
export function reportStyles(doc: ReportDocument): string {
  return doc.css ? `${REPORT_CSS}\n${doc.css}\n` : REPORT_CSS;
}

/** Renders a laid-out report as a `<main>` element. */
export function renderDocumentHtml(doc: ReportDocument, options: HtmlBodyOptions = {}): string {
  const interactive = options.interactive === true;
  const out: string[] = [
    `<main class="isms-report">`,
    `<header>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    `</header>`,
    `<section aria-labelledby="summary">`,
    `<h2 id="summary">${escapeHtml(doc.summaryTitle)}</h2>`,
    `<dl class="summary">`,
    ...doc.summary.map((item) => `<div><dt>${escapeHtml(item.label)}</dt><dd${toneClass(item.tone)}>${escapeHtml(item.value)}</dd></div>`),
    `</dl>`,
    `</section>`,
  ];
  for (const table of doc.tables) out.push(renderTable(table, interactive));
  out.push(`</main>`);
  return out.join("\n");
}

function renderTable(table: Table, interactive: boolean): string {
  const id = escapeHtml(table.id);
  const caption = escapeHtml(table.caption);
  const notes = (table.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`);
  if (table.rows.length === 0) {
    return [`<section aria-labelledby="${id}">`, `<h2 id="${id}">${caption}</h2>`, ...notes, `<p class="empty">${escapeHtml(table.empty)}</p>`, `</section>`].join("\n");
  }
  const head = table.columns.map((c) => `<th scope="col"${c.numeric ? ` class="num"` : ""}>${escapeHtml(c.label)}</th>`).join("");
  const body = table.rows.map((row, r) => {
    const attrs = interactive ? rowAttributes(table.rowMeta?.[r]) : "";
    return `<tr${attrs}>${row.map((cell, i) => renderCell(cell, table.columns[i], interactive)).join("")}</tr>`;
  });
  return [
    ...(notes.length > 0 ? [`<h2>${caption}</h2>`, ...notes] : []),
    `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"${interactive ? ` data-table="${id}"` : ""}>`,
    `<table${table.grid ? ` class="grid"` : ""}>`,
    `<caption id="${id}"${notes.length > 0 ? ` class="visually-hidden"` : ""}>${caption}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>`,
    ...body,
    `</tbody>`,
    `</table>`,
    `</div>`,
  ].join("\n");
}

const DATA_NAME = /^[a-z][a-z0-9-]*$/;

/** ` tabindex="0" data-open="…" data-theme="…"` for a row of an interactive page. */
function rowAttributes(meta: RowMeta | undefined): string {
  if (!meta) return "";
  const attrs: string[] = [];
  if (meta.key !== undefined) attrs.push(` tabindex="0" data-open="${escapeHtml(meta.key)}"`);
  for (const [name, value] of Object.entries(meta.data ?? {})) if (DATA_NAME.test(name)) attrs.push(` data-${name}="${escapeHtml(value)}"`);
  return attrs.join("");
}

function renderCell(cell: Cell, column: Column | undefined, interactive: boolean): string {
  const classes = [column?.numeric ? "num" : undefined, cell.tone ? `tone-${cell.tone}` : undefined, cell.swatch !== undefined ? `swatch-${cell.swatch}` : undefined].filter(Boolean);
  let attr = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
  if (interactive && cell.key !== undefined) attr += ` tabindex="0" data-cell="${escapeHtml(cell.key)}"`;
  const content = cellContent(cell, interactive);
  return column?.rowHeader ? `<th scope="row"${attr}>${content}</th>` : `<td${attr}>${content}</td>`;
}

function cellContent(cell: Cell, interactive: boolean): string {
  if (interactive && cell.links && cell.links.length > 0) {
    const links = cell.links.map((l) => `<a href="#" data-open="${escapeHtml(l.target)}">${escapeHtml(l.text)}</a>`);
    return links.length > 1 ? `<ul>${links.map((l) => `<li>${l}</li>`).join("")}</ul>` : links[0];
  }
  const content = cell.list && cell.list.length > 1 ? `<ul>${cell.list.map((v) => `<li>${escapeHtml(v)}</li>`).join("")}</ul>` : escapeHtml(cell.text);
  return cell.label ? `<span aria-hidden="true">${content}</span><span class="visually-hidden">${escapeHtml(cell.label)}</span>` : content;
}

function toneClass(tone: string | undefined): string {
  return tone ? ` class="tone-${tone}"` : "";
}
