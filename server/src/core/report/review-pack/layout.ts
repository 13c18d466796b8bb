import { pageTitle, subtitle, type Cell, type ReportDocument, type ReportTarget, type Table } from "../layout";
import type { PackRow, PackTable, RecordAt, ReviewPackReport } from "./types";

/**
 * "actions.yaml:30": where a fact is written, relative to the ISMS root, with the 1-based line
 * editors show. Keys that are URIs (the language server's) are decoded.
 */
export function recordLabel(at: RecordAt, root = ""): string {
  let file = root !== "" && at.file.startsWith(`${root}/`) ? at.file.slice(root.length + 1) : at.file;
  if (root.includes("://")) {
    try {
      file = decodeURIComponent(file);
    } catch {
      // keep the key as written
    }
  }
  return `${file}:${at.line + 1}`;
}

/**
 * Lays out the management review pack: the period, then per input its summary and tables, each row
 * starting with the `file:line` of its record (a link that opens it in the editor), then the open
 * findings by clause.
 */
export function layoutReviewPack(pack: ReviewPackReport): ReportDocument {
  const targets: Record<string, ReportTarget> = {};
  let n = 0;
  const target = (at: RecordAt): string => {
    const key = `pack:${n++}`;
    targets[key] = { file: at.file, line: at.line, character: at.character };
    return key;
  };
  const table = (t: PackTable, caption: string, summary?: string): Table => {
    const rows: Cell[][] = t.rows.map((row) => rowCells(row, target, pack.root));
    return {
      id: t.id,
      caption,
      columns: [{ label: "Record" }, ...t.columns.map((label, i) => ({ label, rowHeader: i === 0 }))],
      rows,
      empty: t.empty,
      notes: [...(summary ? [`Summary: ${summary}`] : []), ...(t.notes ?? [])],
    };
  };
  const tables: Table[] = [];
  for (const section of pack.sections) {
    section.tables.forEach((t, i) => tables.push(table(t, `${section.clause} · ${i === 0 ? `${section.title}: ${t.caption}` : t.caption}`, i === 0 ? section.summary : undefined)));
  }
  tables.push(table(pack.findings, pack.findings.caption));
  const p = pack.period;
  const previous = p.review ?? p.previous;
  return {
    title: "Management review pack",
    pageTitle: pageTitle("Management review pack", pack.organization),
    subtitle: subtitle(pack.organization, pack.standard, pack.today),
    summaryTitle: "Period",
    summary: [
      { label: "Period", value: p.description },
      { label: "Previous review", value: previous ? `${previous.id} (${previous.date}, ${recordLabel(previous.at, pack.root)})` : "none", tone: previous ? undefined : "warn" },
      { label: "Inputs covered", value: "9.3.2 a to g and the adequacy of resources (5.1 c, 7.1)" },
      { label: "Open findings", value: String(pack.findings.rows.length), tone: pack.findings.rows.length > 0 ? "warn" : "good" },
    ],
    tables,
    targets,
  };
}

function rowCells(row: PackRow, target: (at: RecordAt) => string, root: string): Cell[] {
  const label = row.at ? recordLabel(row.at, root) : undefined;
  const record: Cell = row.at && label ? { text: label, links: [{ text: label, target: target(row.at) }] } : { text: "—", tone: "muted" };
  return [record, ...row.cells.map((c): Cell => ({ text: c.text, tone: c.tone, links: c.links?.map((l) => ({ text: l.text, target: target(l.at) })) }))];
}
