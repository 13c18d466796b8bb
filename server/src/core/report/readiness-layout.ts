import { NONE, pageTitle, subtitle, type Cell, type Column, type CsvTable, type ReportDocument, type ReportTarget, type RowMeta, type SummaryItem, type Table, type Tone } from "./layout";
import { worst, type ReadinessFinding, type ReadinessItem, type ReadinessReport, type ReadinessStatus } from "./readiness";

const STATUS_LABEL: Record<ReadinessStatus, string> = {
  ready: "Ready",
  gaps: "Gaps",
  missing: "Evidence missing",
  "not-tracked": "Not tracked",
};

const STATUS_TONE: Record<ReadinessStatus, Tone> = { ready: "good", gaps: "warn", missing: "bad", "not-tracked": "muted" };

/** How a group of items (a clause, Annex A) reads: a group with untracked items is not "Ready". */
const GROUP_LABEL: Record<ReadinessStatus, string> = { ...STATUS_LABEL, "not-tracked": "Ready where tracked, partly not tracked" };

const MUTED_LABEL: Record<NonNullable<ReadinessFinding["muted"]>, string> = {
  off: "rule turned off",
  lowered: "rule set below its default severity",
  suppressed: "suppressed inline",
};

/** "Ready", "Gaps", "Evidence missing", "Not tracked". */
export function readinessStatusLabel(status: ReadinessStatus): string {
  return STATUS_LABEL[status];
}

const ITEM_COLUMNS: Column[] = [{ label: "Clause", rowHeader: true }, { label: "Title" }, { label: "Status" }, { label: "Evidence in the ISMS files" }, { label: "Open findings" }];

/** Lays out the certification readiness report: summary, the PDCA loop, clauses 4 to 10, Annex A. */
export function layoutReadiness(report: ReadinessReport): ReportDocument {
  const s = report.summary;
  const targets: Record<string, ReportTarget> = {};
  let n = 0;
  const findingLink = (f: ReadinessFinding) => {
    const key = `finding:${n++}`;
    targets[key] = { file: f.file, line: f.range.start.line, character: f.range.start.character };
    return { text: findingLabel(f), target: key };
  };
  const itemCells = (item: ReadinessItem): Cell[] => {
    const findings = item.findings.map(findingLabel);
    return [
      { text: item.id },
      { text: item.title },
      { text: STATUS_LABEL[item.status], tone: STATUS_TONE[item.status] },
      { text: item.evidence.join(" "), list: item.evidence },
      findings.length === 0 ? { text: NONE, tone: "muted" } : { text: findings.join(" • "), list: findings, links: item.findings.map(findingLink) },
    ];
  };
  const itemMeta = (item: ReadinessItem): RowMeta => ({ data: { status: item.status } });

  const summary: SummaryItem[] = [
    { label: "Overall", value: report.verdict, tone: report.overall === "not-tracked" ? "warn" : STATUS_TONE[report.overall] },
    { label: "Ready", value: String(s.ready), tone: "good" },
    { label: "With gaps", value: String(s.gaps), tone: s.gaps > 0 ? "warn" : undefined },
    { label: "Evidence missing", value: String(s.missing), tone: s.missing > 0 ? "bad" : undefined },
    { label: "Not tracked in the ISMS files", value: String(s.notTracked), tone: "muted" },
    { label: "Open findings", value: `${s.errors} errors, ${s.warnings} warnings, ${s.infos} info`, tone: s.errors > 0 ? "bad" : s.warnings > 0 ? "warn" : "good" },
    { label: "Not covered by this verdict", value: notCoveredText(report), tone: report.notCovered.findings.length > 0 ? "warn" : undefined },
    { label: "PDCA loop running", value: report.pdca.running ? "Yes" : "No", tone: report.pdca.running ? "good" : "bad" },
  ];

  const pdca = report.pdca;
  const pdcaKeys: Record<string, { file: string; line: number } | undefined> = { "management-review": pdca.lastReview, "internal-audit": pdca.lastAudit };
  const pdcaMeta = pdca.checks.map((c): RowMeta => {
    const at = pdcaKeys[c.id];
    if (!at) return {};
    targets[`pdca:${c.id}`] = { file: at.file, line: at.line, character: 0 };
    return { key: `pdca:${c.id}` };
  });
  const tables: Table[] = [
    {
      id: "readiness-pdca",
      caption: `Is the PDCA loop running? (12 months after ${pdca.since})`,
      columns: [{ label: "Check", rowHeader: true }, { label: "Answer" }, { label: "Facts" }],
      rows: pdca.checks.map((c) => [{ text: c.label }, { text: c.ok ? "Yes" : "No", tone: c.ok ? "good" : c.id === "nonconformities" ? "warn" : "bad" }, { text: c.detail }]),
      empty: "No checks.",
      rowMeta: pdcaMeta,
    },
    ...report.clauses.map((group): Table => ({
      id: `readiness-clause-${group.id}`,
      caption: `Clause ${group.id} ${group.title}: ${GROUP_LABEL[group.status]}`,
      columns: ITEM_COLUMNS,
      rows: group.items.map(itemCells),
      empty: "No sub-clauses.",
      rowMeta: group.items.map(itemMeta),
    })),
    {
      id: "readiness-annex-a",
      caption: `Annex A controls: ${GROUP_LABEL[worst(report.annexA.map((i) => i.status))]}`,
      columns: [{ label: "Theme", rowHeader: true }, ...ITEM_COLUMNS.slice(1)],
      rows: report.annexA.map(itemCells),
      empty: "No themes.",
      rowMeta: report.annexA.map(itemMeta),
    },
  ];
  const nc = report.notCovered;
  const mutedRow = (label: string, kind: NonNullable<ReadinessFinding["muted"]>): Cell[] => {
    const list = nc.findings.filter((f) => f.muted === kind);
    return [
      { text: label },
      { text: String(list.length) },
      list.length === 0 ? { text: NONE, tone: "muted" } : { text: list.map(findingLabel).join(" • "), list: list.map(findingLabel), links: list.map(findingLink) },
    ];
  };
  tables.push({
    id: "readiness-not-covered",
    caption: "What this verdict does not cover",
    columns: [{ label: "What", rowHeader: true }, { label: "Count", numeric: true }, { label: "Details" }],
    rows: [
      mutedRow("Findings of rules turned off (at their default severity)", "off"),
      mutedRow("Findings of rules set below their default severity (at their default severity)", "lowered"),
      mutedRow("Findings silenced by inline suppressions", "suppressed"),
      [
        { text: "Clauses not recorded in the ISMS files (prepare other evidence)" },
        { text: String(nc.notTracked.length) },
        nc.notTracked.length === 0 ? { text: NONE, tone: "muted" } : { text: nc.notTracked.join(", "), list: nc.notTracked },
      ],
    ],
    empty: "None.",
  });
  if (report.other.length > 0) {
    tables.push({
      id: "readiness-other",
      caption: "Other open findings",
      columns: [{ label: "Rule", rowHeader: true }, { label: "Severity" }, { label: "Finding" }],
      rows: report.other.map((f) => {
        const link = findingLink(f);
        return [{ text: f.rule }, { text: f.severity, tone: severityTone(f.severity) }, { text: f.message, links: [{ text: f.message, target: link.target }] }];
      }),
      empty: "None.",
    });
  }
  return {
    title: "Certification readiness",
    pageTitle: pageTitle("Certification readiness", report.organization),
    subtitle: subtitle(report.organization, report.standard, report.today),
    summaryTitle: "Summary",
    summary,
    tables,
    targets,
  };
}

/** The flat CSV of the readiness report: one row per PDCA check, clause and Annex A theme, and muted finding. */
export function readinessCsv(report: ReadinessReport): CsvTable {
  const rows: CsvTable["rows"] = report.pdca.checks.map((c) => ["PDCA loop", c.id, c.label, c.ok ? "Yes" : "No", c.detail, undefined, undefined]);
  const item = (section: string, i: ReadinessItem) => [section, i.id, i.title, STATUS_LABEL[i.status], i.evidence.join(" "), i.findings.length, i.findings.map(findingLabel).join(" • ")];
  for (const group of report.clauses) for (const i of group.items) rows.push(item(`Clause ${group.id}`, i));
  for (const i of report.annexA) rows.push(item("Annex A", i));
  for (const f of report.notCovered.findings) rows.push(["Not covered by the verdict", f.rule, f.muted ? MUTED_LABEL[f.muted] : "", f.severity, f.message, 1, findingLabel(f)]);
  return { header: ["Section", "Id", "Title", "Status", "Evidence", "Open findings", "Findings"], rows };
}

/** "error soa/untraced-control: A.5.6 is applicable but …"; a muted finding says why it is muted. */
function findingLabel(f: ReadinessFinding): string {
  return `${f.severity}${f.muted ? ` (${MUTED_LABEL[f.muted]})` : ""} ${f.rule}: ${f.message}`;
}

/** "3 findings (1 error, 2 warnings): 2 of rules turned off, 1 lowered, 0 suppressed; 5 clauses not tracked". */
function notCoveredText(report: ReadinessReport): string {
  const nc = report.notCovered;
  const n = nc.findings.length;
  const findings =
    n === 0
      ? "no muted findings"
      : `${n} muted ${n === 1 ? "finding" : "findings"} (${nc.errors} ${nc.errors === 1 ? "error" : "errors"}, ${nc.warnings} ${nc.warnings === 1 ? "warning" : "warnings"}): ${nc.off} of rules turned off, ${nc.lowered} lowered, ${nc.suppressed} suppressed`;
  return `${findings}; ${nc.notTracked.length} ${nc.notTracked.length === 1 ? "clause" : "clauses"} not tracked`;
}

function severityTone(severity: string): Tone {
  return severity === "error" ? "bad" : severity === "warning" ? "warn" : "muted";
}
