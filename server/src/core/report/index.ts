/**
 * Reports of an ISMS: data builders ({@link soaReport}, {@link riskRegisterReport}) turn a model
 * into plain rows; renderers (Markdown, HTML, CSV) turn those rows into text. Pure, like the rest
 * of the engine: the CLI writes the text to a file, the editor shows it in a webview.
 */
export { soaReport, CONTROL_STATUSES, type SoaReport, type SoaRow, type SoaSummary, type SoaThemeGroup, type SoaApproval } from "./soa";
export { riskRegisterReport, type RiskRegisterReport, type RiskRow, type RiskSummary, type RatingData, type AcceptanceData, type RiskActionRef } from "./risks";
export type { PersonRef, RecordRef } from "./people";
export { layoutReport, csvTableOf, statusLabel, type ReportDocument, type Table, type Cell, type Column, type SummaryItem, type Tone, type CsvTable } from "./layout";
export { renderMarkdown, renderDocumentMarkdown, escapeMarkdown } from "./markdown";
export { renderHtml, renderHtmlBody, renderDocumentHtml, REPORT_CSP, REPORT_CSS, type HtmlOptions } from "./html";
export { renderCsv, neutralizeFormula, type CsvOptions } from "./csv";

import type { RiskRegisterReport } from "./risks";
import type { SoaReport } from "./soa";

/** Either report. */
export type IsmsReport = SoaReport | RiskRegisterReport;
