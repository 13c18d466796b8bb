/**
 * Reports of an ISMS: data builders ({@link soaReport}, {@link riskRegisterReport},
 * {@link readinessReport}, {@link heatMapReport}) turn a model into plain rows; renderers
 * (Markdown, HTML, CSV) turn those rows into text. Pure, like the rest of the engine: the CLI
 * writes the text to a file, the editor shows it in a webview.
 */
export { soaReport, CONTROL_STATUSES, type SoaReport, type SoaRow, type SoaSummary, type SoaThemeGroup, type SoaApproval } from "./soa";
export { riskRegisterReport, type RiskRegisterReport, type RiskRow, type RiskSummary, type RatingData, type AcceptanceData, type RiskActionRef } from "./risks";
export {
  readinessReport,
  readinessVerdict,
  itemOfClause,
  READINESS_STATUSES,
  type ReadinessReport,
  type ReadinessStatus,
  type ReadinessItem,
  type ReadinessClauseGroup,
  type ReadinessFinding,
  type ReadinessSummary,
  type ReadinessOptions,
  type NotCovered,
} from "./readiness";
export type { PdcaLoop, PdcaCheck, DatedRecord } from "./readiness-pdca";
export { readinessStatusLabel } from "./readiness-layout";
export { heatMapReport, type HeatMapReport, type HeatMapRating, type HeatMapBand, type HeatMapCell, type HeatMapRow, type HeatMapRisk, type UnplacedRisk } from "./heat-map";
export { heatMapCellKey } from "./heat-map-layout";
export { bandColor, textColorOn, isHexColor, DEFAULT_BAND_PALETTE } from "./band-colors";
export type { PersonRef, RecordRef } from "./people";
export {
  layoutReport,
  csvTableOf,
  statusLabel,
  soaRowFacts,
  type ReportDocument,
  type Table,
  type Cell,
  type Column,
  type SummaryItem,
  type Tone,
  type CsvTable,
  type ReportTarget,
  type ReportLink,
  type RowMeta,
} from "./layout";
export { layoutDocument, csvTable, type IsmsReport } from "./report-document";
export { reportTargets } from "./targets";
export { renderMarkdown, renderDocumentMarkdown, escapeMarkdown } from "./markdown";
export { renderHtml, renderHtmlBody, renderDocumentHtml, reportStyles, REPORT_CSP, REPORT_CSS, type HtmlOptions, type HtmlBodyOptions } from "./html";
export { renderCsv, neutralizeFormula, type CsvOptions } from "./csv";
