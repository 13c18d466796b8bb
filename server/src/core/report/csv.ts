import { stringify } from "csv-stringify/sync";
import { csvTable, type IsmsReport } from "./report-document";

/** Options of {@link renderCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so that spreadsheet programs detect the encoding. */
  bom?: boolean;
}

/**
 * Renders a report as CSV (RFC 4180): a header row and one row per control, risk, clause or cell. Cells that a
 * spreadsheet would run as a formula get a leading `'` (see {@link neutralizeFormula}).
 */
export function renderCsv(report: IsmsReport, options: CsvOptions = {}): string {
  const table = csvTable(report);
  const rows = [table.header, ...table.rows].map((row) => row.map((cell) => (cell === undefined ? "" : typeof cell === "number" ? String(cell) : neutralizeFormula(cell))));
  return stringify(rows, { bom: options.bom === true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/**
 * Guards against CSV formula injection: a cell starting (after any blanks) with `=`, `+`, `-`, `@`,
 * or with a tab or a carriage return, is prefixed with a single quote, so spreadsheets show it as text.
 */
export function neutralizeFormula(text: string): string {
  return /^[\s]*[=+\-@]|^[\t\r]/.test(text) ? `'${text}` : text;
}
