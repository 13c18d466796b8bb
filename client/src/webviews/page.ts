import { randomBytes } from "node:crypto";
import escapeHtml from "escape-html";
import { WEBVIEW_SCRIPT } from "./script";

/**
 * Styles of the webview page on top of the report's own: VS Code theme colours for the report's
 * palette, the toolbar, links, and visible focus on rows and cells.
 */
const WEBVIEW_CSS = `
:root { --fg: var(--vscode-foreground); --bg: var(--vscode-editor-background); --muted: var(--vscode-descriptionForeground);
  --border: var(--vscode-editorWidget-border, var(--vscode-panel-border)); --head: var(--vscode-editorWidget-background);
  --stripe: transparent; --bad: var(--vscode-errorForeground); }
body.vscode-light { --good: #1a7f37; --warn: #9a6700; }
body.vscode-dark { --good: #3fb950; --warn: #d29922; }
body.vscode-high-contrast, body.vscode-high-contrast-light { --good: var(--vscode-foreground); --warn: var(--vscode-foreground); --bad: var(--vscode-foreground); }
body { font-size: var(--vscode-font-size, 13px); }
a { color: var(--vscode-textLink-foreground); }
a:hover, a:focus { color: var(--vscode-textLink-activeForeground); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
tr[data-open] { cursor: pointer; }
tr[data-open]:hover { background: var(--vscode-list-hoverBackground); }
td[data-cell] { cursor: pointer; }
td[aria-current="true"] { outline: 3px solid var(--vscode-focusBorder); outline-offset: -3px; }
[hidden] { display: none !important; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: 0 0 .5rem; }
.toolbar label { display: inline-flex; gap: .35rem; align-items: center; }
.toolbar select, .toolbar input[type="search"] { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background);
  border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; font: inherit; }
.toolbar input[type="search"] { color: var(--vscode-input-foreground); background: var(--vscode-input-background); min-width: 14rem; }
.toolbar button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; font: inherit; cursor: pointer; }
.toolbar button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
.status { color: var(--muted); margin: 0 0 1rem; }
`;

/** A fresh nonce for one page (128 random bits). */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** What a report page is made of. */
export interface PageParts {
  /** The webview's `cspSource`. */
  cspSource: string;
  nonce: string;
  title: string;
  /** The report's style sheet (from the server). */
  styles: string;
  /** Static controls above the report (toolbars). */
  toolbar: string;
  /** The report body (from the server, already escaped). */
  body: string;
  /** The report kind, for the page's `data-report`. */
  kind: string;
}

/** The Content-Security-Policy of a report page: nothing remote, styles and the one script by nonce. */
export function pageCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
}

/**
 * The HTML of a report webview: strict CSP with a nonce, the report's style sheet and the page's
 * in one nonce'd style element, the toolbar, the report body and the nonce'd script.
 */
export function reportPage(parts: PageParts): string {
  const nonce = escapeHtml(parts.nonce);
  // A style sheet never needs "<"; dropping it keeps the style element from being closed early.
  const styles = `${parts.styles}\n${WEBVIEW_CSS}`.replace(/</g, "");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pageCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style nonce="${nonce}">${styles}</style>
</head>
<body data-report="${escapeHtml(parts.kind)}">
${parts.toolbar}
${parts.body}
<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>
</body>
</html>
`;
}

/** The body shown when there is nothing to report (no ISMS root, or the server failed). */
export function messageBody(title: string, message: string): string {
  return `<main class="isms-report"><h1>${escapeHtml(title)}</h1><p class="empty">${escapeHtml(message)}</p></main>`;
}
