import type { PersonRef, RecordRef } from "./people";
import type { AcceptanceData, RiskRegisterReport, RiskRow } from "./risks";
import { UNRATED } from "./risks";
import type { SoaReport, SoaRow } from "./soa";

/**
 * A report laid out for reading, independent of the output format: a title, a summary of
 * label/value pairs and tables. Markdown and HTML render this; CSV uses {@link CsvTable}.
 */
export interface ReportDocument {
  title: string;
  /** The title with the organization, for a window or tab title. */
  pageTitle: string;
  /** One line under the title: organization, standard and date. */
  subtitle: string;
  summaryTitle: string;
  summary: SummaryItem[];
  tables: Table[];
  /**
   * Extra style rules the report needs (the heat map's band colours), built only from validated
   * values; renderers add them after {@link REPORT_CSS}.
   */
  css?: string;
  /** Where each row key and link target of the report lies (see {@link ReportTarget}). */
  targets?: Record<string, ReportTarget>;
}

/** A place in the ISMS files that a row or link of a report opens: a file key and a 0-based position. */
export interface ReportTarget {
  file: string;
  line: number;
  character: number;
}

/** A link to a record of the ISMS: its text, and the key of its {@link ReportTarget}. */
export interface ReportLink {
  text: string;
  target: string;
}

/** What an interactive renderer needs about a row: the key that opens it, and facts to filter by. */
export interface RowMeta {
  /** Key of the row's {@link ReportTarget}: activating the row opens it. */
  key?: string;
  /** Facts to filter by (`theme`, `status` …): lowercase names, plain-text values. */
  data?: Record<string, string>;
}

/** How a value should stand out. Renderers map tones to styles; never derived from workspace text. */
export type Tone = "good" | "warn" | "bad" | "muted";

/** A label and value of the summary. */
export interface SummaryItem {
  label: string;
  value: string;
  tone?: Tone;
}

/** A table cell: one text, or a list of texts (sources, evidence). */
export interface Cell {
  text: string;
  list?: string[];
  tone?: Tone;
  /** The list (or the text) as links to records; interactive renderers make them open the record. */
  links?: ReportLink[];
  /** Index of a colour swatch of {@link ReportDocument.css} (`swatch-<n>`), e.g. a heat-map band. */
  swatch?: number;
  /** A key that selects this cell in an interactive renderer (a heat-map cell). */
  key?: string;
  /** Text for screen readers when `text` alone is not enough ("3 risks, High"). */
  label?: string;
}

/** A column header; `numeric` columns align right; the `rowHeader` column labels its row. */
export interface Column {
  label: string;
  numeric?: boolean;
  rowHeader?: boolean;
}

/** A captioned table; `empty` is shown instead when it has no rows. */
export interface Table {
  /** Stable id for anchors (`soa-organizational`). */
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  empty: string;
  /** Per row (same order as `rows`): its key and filter facts, for interactive renderers. */
  rowMeta?: RowMeta[];
  /** A grid (the heat map): cells are centred and square-ish. */
  grid?: boolean;
  /** Sentences shown under the caption, before the rows (or the `empty` text): summaries, what the files cannot tell. */
  notes?: string[];
}

/** A flat table for CSV: a header row and one row per control or risk. */
export interface CsvTable {
  header: string[];
  rows: (string | number | undefined)[][];
}

/** The placeholder for an empty value. */
export const NONE = "—";

const STATUS_LABEL: Record<string, string> = {
  implemented: "Implemented",
  "partially-implemented": "Partially implemented",
  planned: "Planned",
  "not-implemented": "Not implemented",
};

const STATUS_TONE: Record<string, Tone> = {
  implemented: "good",
  "partially-implemented": "warn",
  planned: "warn",
  "not-implemented": "bad",
};

const TREATMENT_LABEL: Record<string, string> = { mitigate: "Mitigate", accept: "Accept", avoid: "Avoid", transfer: "Transfer" };

/** Lays out either report for reading. */
export function layoutReport(report: SoaReport | RiskRegisterReport): ReportDocument {
  return report.kind === "soa" ? layoutSoa(report) : layoutRisks(report);
}

/** The flat CSV table of either report. */
export function csvTableOf(report: SoaReport | RiskRegisterReport): CsvTable {
  return report.kind === "soa" ? soaCsv(report) : risksCsv(report);
}

// ---------------------------------------------------------------- Statement of Applicability

const SOA_COLUMNS: Column[] = [
  { label: "Control", rowHeader: true },
  { label: "Title" },
  { label: "Applicable" },
  { label: "Justification" },
  { label: "Status" },
  { label: "Implementation" },
  { label: "Treatment plan" },
  { label: "Sources" },
  { label: "Owner" },
  { label: "Evidence" },
];

function layoutSoa(report: SoaReport): ReportDocument {
  const s = report.summary;
  const summary: SummaryItem[] = [
    { label: "Annex A controls", value: String(s.controls) },
    { label: "Entries in the SoA", value: String(s.entries) },
    ...(s.missing > 0 ? [{ label: "Controls missing from the SoA", value: String(s.missing), tone: "bad" as Tone }] : []),
    { label: "Applicable", value: String(s.applicable) },
    { label: "Excluded", value: String(s.excluded) },
    ...(s.undecided > 0 ? [{ label: "No applicability decision", value: String(s.undecided), tone: "bad" as Tone }] : []),
    { label: "Implemented", value: String(s.implemented), tone: "good" },
    { label: "Partially implemented", value: String(s.partiallyImplemented), tone: s.partiallyImplemented > 0 ? "warn" : undefined },
    { label: "Planned", value: String(s.planned), tone: s.planned > 0 ? "warn" : undefined },
    { label: "Not implemented", value: String(s.notImplemented), tone: s.notImplemented > 0 ? "bad" : undefined },
    ...(s.noStatus > 0 ? [{ label: "Applicable without a status", value: String(s.noStatus), tone: "bad" as Tone }] : []),
    { label: "Untraced (applicable, no risk or source calls for it)", value: String(s.untraced), tone: s.untraced > 0 ? "warn" : undefined },
    approvalItem(report),
    { label: "Version", value: report.documentControl.version ?? "Not given", tone: report.documentControl.version ? undefined : "warn" },
    { label: "Date of this report", value: report.documentControl.date },
  ];
  const targets: Record<string, ReportTarget> = {};
  let n = 0;
  const meta = (row: SoaRow): RowMeta => {
    const key = row.file !== undefined && row.line !== undefined ? `soa:${n++}` : undefined;
    if (key) targets[key] = { file: row.file as string, line: row.line as number, character: 0 };
    return { key, data: soaRowFacts(row) };
  };
  const tables: Table[] = report.themes.map((group) => ({
    id: `soa-${group.theme.toLowerCase()}`,
    caption: `${group.theme} controls (${group.prefix})`,
    columns: SOA_COLUMNS,
    rows: group.rows.map(soaCells),
    empty: "No controls.",
    rowMeta: group.rows.map(meta),
  }));
  report.catalogs.forEach((group, i) => {
    tables.push({
      id: `soa-catalog-${i + 1}`,
      caption: `${group.title}${group.id && group.id !== group.title ? ` (${group.id})` : ""}`,
      columns: SOA_COLUMNS,
      rows: group.rows.map(soaCells),
      empty: "No controls.",
      rowMeta: group.rows.map(meta),
    });
  });
  if (report.other.length > 0) {
    tables.push({
      id: "soa-other",
      caption: "Entries that name no Annex A or catalog control",
      columns: SOA_COLUMNS,
      rows: report.other.map(soaCells),
      empty: "None.",
      rowMeta: report.other.map(meta),
    });
  }
  return {
    targets,
    title: "Statement of Applicability",
    pageTitle: pageTitle("Statement of Applicability", report.organization),
    subtitle: subtitle(report.organization, report.standard, report.today),
    summaryTitle: "Summary",
    summary,
    tables,
  };
}

function approvalItem(report: SoaReport): SummaryItem {
  const a = report.approval;
  if (!a) return { label: "Approval", value: "Not approved", tone: "bad" };
  const by = a.by ? personLabel(a.by) : "no approver given";
  return { label: "Approval", value: `Approved by ${by}${a.date ? ` on ${a.date}` : " (no date)"}`, tone: a.by && a.date ? "good" : "warn" };
}

/**
 * The facts an SoA row is filtered by: `theme` (lowercase theme name, `other`), `applicable`
 * (`yes`, `no`, `undecided`, `missing`), `status` (as written, `none`) and `traced` (`no` for an
 * applicable entry traced to nothing, as `soa/untraced-control` reads it; else `yes`).
 */
export function soaRowFacts(row: SoaRow): Record<string, string> {
  return {
    theme: row.theme?.toLowerCase() ?? (row.catalog !== undefined ? "catalog" : "other"),
    applicable: row.missing ? "missing" : row.applicable === undefined ? "undecided" : row.applicable ? "yes" : "no",
    status: row.status ?? "none",
    traced: row.applicable === true && row.traced === false ? "no" : "yes",
  };
}

/** The link target key of a record named by id (an SoA source): `ref:<id>`. */
export function refTarget(id: string): string {
  return `ref:${id}`;
}

function soaCells(row: SoaRow): Cell[] {
  if (row.missing) {
    return [
      { text: row.control },
      { text: row.title ?? NONE },
      { text: "Not in the SoA", tone: "bad" },
      { text: NONE, tone: "muted" },
      { text: NONE, tone: "muted" },
      { text: NONE, tone: "muted" },
      { text: NONE, tone: "muted" },
      { text: NONE, tone: "muted" },
      { text: NONE, tone: "muted" },
      { text: NONE, tone: "muted" },
    ];
  }
  const applicable = row.applicable === undefined ? { text: NONE, tone: "bad" as Tone } : row.applicable ? { text: "Yes" } : { text: "No", tone: "muted" as Tone };
  const sources = row.sources.map(recordLabel);
  return [
    { text: row.control || NONE },
    { text: titleText(row) ?? NONE },
    applicable,
    { text: row.justification ?? NONE, tone: row.justification ? undefined : "muted" },
    statusCell(row),
    { text: row.implementation ?? NONE, tone: row.implementation ? undefined : "muted" },
    planCell(row),
    {
      text: sources.join("; ") || NONE,
      list: sources,
      links: row.sources.map((r, i) => ({ text: sources[i], target: refTarget(r.id) })),
      tone: sources.length === 0 && row.applicable ? "warn" : undefined,
    },
    { text: row.owner ? personLabel(row.owner) : NONE },
    { text: row.evidence.join("; ") || NONE, list: row.evidence },
  ];
}

/** The title of a row; a catalog control's says which Annex A controls it maps to. */
function titleText(row: SoaRow): string | undefined {
  if (row.mapsTo === undefined) return row.title;
  const maps = row.mapsTo.length ? `maps to ${row.mapsTo.join(", ")}` : "maps to no Annex A control";
  return row.title ? `${row.title} (${maps})` : `(${maps})`;
}

/** The risks and actions behind a control still being implemented ("Risks: R-1; Actions: ACT-2"). */
function planText(row: SoaRow): string | undefined {
  if (!row.plan) return undefined;
  const parts = [row.plan.risks.length > 0 && `Risks: ${row.plan.risks.map(recordLabel).join("; ")}`, row.plan.actions.length > 0 && `Actions: ${row.plan.actions.map(recordLabel).join("; ")}`].filter(
    (p): p is string => typeof p === "string",
  );
  return parts.length > 0 ? parts.join(". ") : "No plan";
}

function planCell(row: SoaRow): Cell {
  const text = planText(row);
  if (text === undefined) return { text: NONE, tone: "muted" };
  return { text, tone: row.plan?.actions.length === 0 ? "warn" : undefined };
}

function statusCell(row: SoaRow): Cell {
  if (row.status === undefined) return { text: NONE, tone: row.applicable ? "bad" : "muted" };
  return { text: statusLabel(row.status), tone: row.applicable === false ? "muted" : STATUS_TONE[row.status] };
}

/** "Partially implemented" for `partially-implemented`; unknown statuses as written. */
export function statusLabel(status: string): string {
  return STATUS_LABEL[status] ?? status;
}

function soaCsv(report: SoaReport): CsvTable {
  const rows = [...report.themes.flatMap((g) => g.rows), ...report.catalogs.flatMap((g) => g.rows), ...report.other].map((row) => [
    row.theme ?? row.catalog ?? "",
    row.control,
    titleText(row),
    row.missing ? "Not in the SoA" : row.applicable === undefined ? "" : row.applicable ? "Yes" : "No",
    row.justification,
    row.status,
    row.implementation,
    planText(row),
    row.sources.map(recordLabel).join("; "),
    row.owner ? personLabel(row.owner) : undefined,
    row.evidence.join("; "),
  ]);
  return { header: ["Theme", "Control", "Title", "Applicable", "Justification", "Status", "Implementation", "Treatment plan", "Sources", "Owner", "Evidence"], rows };
}

// ---------------------------------------------------------------- Risk register

const RISK_COLUMNS: Column[] = [
  { label: "Risk", rowHeader: true },
  { label: "Title" },
  { label: "Owner" },
  { label: "Likelihood", numeric: true },
  { label: "Impact", numeric: true },
  { label: "Score", numeric: true },
  { label: "Level" },
  { label: "Treatment" },
  { label: "Controls" },
  { label: "Actions" },
  { label: "Residual score", numeric: true },
  { label: "Residual level" },
  { label: "Acceptance" },
  { label: "Reviewed" },
];

function layoutRisks(report: RiskRegisterReport): ReportDocument {
  const s = report.summary;
  const summary: SummaryItem[] = [
    { label: "Risks", value: String(s.risks) },
    ...s.byLevel.map((b) => ({ label: b.level === UNRATED ? "Unrated" : `Level ${b.level}`, value: String(b.count), tone: b.level === UNRATED && b.count > 0 ? ("bad" as Tone) : undefined })),
    {
      label: "Above the acceptance threshold",
      value: s.acceptanceMaxScore === undefined ? "no threshold set" : `${s.aboveAcceptance} (score above ${s.acceptanceMaxScore})`,
      tone: s.acceptanceMaxScore === undefined ? "warn" : undefined,
    },
    { label: "Without a treatment", value: String(s.untreated), tone: s.untreated > 0 ? "bad" : undefined },
    { label: `Review overdue (every ${report.reviewCadenceMonths} months)`, value: String(s.reviewOverdue), tone: s.reviewOverdue > 0 ? "warn" : undefined },
  ];
  return {
    title: "Risk register",
    pageTitle: pageTitle("Risk register", report.organization),
    subtitle: subtitle(report.organization, undefined, report.today),
    summaryTitle: "Summary",
    summary,
    tables: [
      {
        id: "risks",
        caption: "Risks by score, highest first",
        columns: RISK_COLUMNS,
        rows: report.risks.map(riskCells),
        empty: "No risks recorded.",
      },
    ],
  };
}

function riskCells(row: RiskRow): Cell[] {
  const actions = row.actions.map(actionLabel);
  const num = (n: number | undefined): Cell => (n === undefined ? { text: NONE, tone: "muted" } : { text: String(n) });
  return [
    { text: row.id || NONE },
    { text: row.title ?? NONE },
    { text: row.owner ? personLabel(row.owner) : NONE, tone: row.owner ? undefined : "bad" },
    num(row.likelihood),
    num(row.impact),
    { text: row.score === undefined ? NONE : String(row.score), tone: row.aboveAcceptance ? "warn" : row.score === undefined ? "bad" : undefined },
    { text: row.level ?? NONE },
    { text: row.treatment ? (TREATMENT_LABEL[row.treatment] ?? row.treatment) : NONE, tone: row.treatment ? undefined : "bad" },
    { text: row.controls.join(", ") || NONE },
    { text: actions.join("; ") || NONE, list: actions },
    num(row.residual?.score),
    { text: row.residual?.level ?? NONE },
    row.acceptance ? { text: acceptanceLabel(row.acceptance), tone: row.acceptance.expired ? "bad" : undefined } : { text: NONE, tone: "muted" },
    row.reviewed ? { text: row.reviewOverdue ? `${row.reviewed} (review was due ${row.reviewDue})` : row.reviewed, tone: row.reviewOverdue ? "warn" : undefined } : { text: "Never", tone: "warn" },
  ];
}

function actionLabel(a: { id: string; title?: string; status?: string; due?: string }): string {
  const facts = [a.status, a.due && a.status !== "done" && a.status !== "cancelled" ? `due ${a.due}` : undefined].filter(Boolean);
  return facts.length > 0 ? `${a.id} (${facts.join(", ")})` : a.id;
}

function acceptanceLabel(a: AcceptanceData): string {
  const parts = [`Accepted by ${a.by ? personLabel(a.by) : "no one named"}`];
  if (a.date) parts.push(`on ${a.date}`);
  if (a.expires) parts.push(a.expired ? `(expired ${a.expires})` : `(expires ${a.expires})`);
  return parts.join(" ");
}

function risksCsv(report: RiskRegisterReport): CsvTable {
  const header = [
    "Risk",
    "Title",
    "Owner",
    "Likelihood",
    "Impact",
    "Score",
    "Level",
    "Treatment",
    "Controls",
    "Actions",
    "Residual likelihood",
    "Residual impact",
    "Residual score",
    "Residual level",
    "Accepted by",
    "Accepted on",
    "Acceptance expires",
    "Reviewed",
    "Review due",
  ];
  const rows = report.risks.map((r) => [
    r.id,
    r.title,
    r.owner ? personLabel(r.owner) : undefined,
    r.likelihood,
    r.impact,
    r.score,
    r.level,
    r.treatment,
    r.controls.join("; "),
    r.actions.map((a) => a.id).join("; "),
    r.residual?.likelihood,
    r.residual?.impact,
    r.residual?.score,
    r.residual?.level,
    r.acceptance?.by ? personLabel(r.acceptance.by) : undefined,
    r.acceptance?.date,
    r.acceptance?.expires,
    r.reviewed,
    r.reviewDue,
  ]);
  return { header, rows };
}

// ---------------------------------------------------------------- shared

/** A person's name, or the id when it does not resolve to a named person. */
export function personLabel(p: PersonRef): string {
  return p.name ?? p.id;
}

/** `R-001 (Unauthorised access to customer data)`, or the id alone. */
export function recordLabel(r: RecordRef): string {
  return r.title ? `${r.id} (${r.title})` : r.id;
}

/** The title with the organization, for a window or tab title. */
export function pageTitle(title: string, organization: string | undefined): string {
  return organization ? `${title} — ${organization}` : title;
}

/** "Acme Ltd · ISO/IEC 27001:2022 · as of 2026-11-30". */
export function subtitle(organization: string | undefined, standard: string | undefined, today: string): string {
  return [organization, standard, `as of ${today}`].filter(Boolean).join(" · ");
}
