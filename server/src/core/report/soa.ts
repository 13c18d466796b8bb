import { isTraced, risksByControl } from "../model/tracing";
import type { ControlTheme } from "../catalog/catalog";
import type { LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { Grouping } from "../model/grouped";
import type { Risk, SoaEntry } from "../model/types";
import { personOf, titleOf, type PersonRef, type RecordRef } from "./people";
import { catalogName, knownControl } from "../model/controls";

/** The implementation statuses of an SoA entry, in report order (6.1.3 d). */
export const CONTROL_STATUSES = ["implemented", "partially-implemented", "planned", "not-implemented"] as const;

/** One row of the SoA report: an SoA entry, or a catalog control the SoA does not list. */
export interface SoaRow {
  /** Canonical control id (`A.5.15`), or the text as written when it is not an Annex A id. */
  control: string;
  /** Catalog title; absent when the control is not in Annex A. */
  title?: string;
  theme?: ControlTheme;
  /** True when the catalog control has no entry in the SoA (every other field is then absent). */
  missing: boolean;
  applicable?: boolean;
  justification?: string;
  status?: string;
  sources: RecordRef[];
  owner?: PersonRef;
  /** How the control is implemented (`implementation`, free text). */
  implementation?: string;
  /**
   * For an applicable control partially implemented, planned or not implemented: the risks that
   * select it and the actions that implement it (its own `actions`, then those of its risks).
   */
  plan?: { risks: RecordRef[]; actions: RecordRef[] };
  evidence: string[];
  /**
   * For an entry: true when it is traced (a risk lists its control or its sources name something,
   * see `isTraced`). Absent for missing controls.
   */
  traced?: boolean;
  /** For a control of a ControlCatalog: the catalog's title (or id) and the Annex A controls it maps to. */
  catalog?: string;
  mapsTo?: string[];
  /** Where the entry is (absent for missing controls). */
  file?: string;
  /** 0-based line of the entry. */
  line?: number;
}

/** The rows of one Annex A theme (A.5 Organizational … A.8 Technological), in catalog order. */
export interface SoaThemeGroup {
  theme: ControlTheme;
  /** `A.5` … `A.8`. */
  prefix: string;
  rows: SoaRow[];
}

/** The SoA entries of the controls of one ControlCatalog, in catalog order (after Annex A). */
export interface SoaCatalogGroup {
  /** The catalog's `id`, when it has one. */
  id?: string;
  /** The catalog's title, else its id. */
  title: string;
  rows: SoaRow[];
}

/** Counts of the SoA (6.1.3 d): status counts are over applicable entries. */
export interface SoaSummary {
  /** Controls of the catalog (93 for ISO/IEC 27001:2022). */
  controls: number;
  /** SoA entries. */
  entries: number;
  applicable: number;
  excluded: number;
  /** Entries with no `applicable` decision. */
  undecided: number;
  /** Catalog controls with no SoA entry. */
  missing: number;
  implemented: number;
  partiallyImplemented: number;
  planned: number;
  notImplemented: number;
  /** Applicable entries without a status, or with one outside the four statuses. */
  noStatus: number;
  /** Applicable entries that name no source (risk, requirement or interested party). */
  untraced: number;
}

/** The approval of the SoA (6.1.3 d, 7.5.2). */
export interface SoaApproval {
  by?: PersonRef;
  date?: LocalDate;
}

/** Document control of the SoA (7.5.2, 7.5.3): its version, its approval and the date of this report. */
export interface SoaDocumentControl {
  /** `version` of the SoA document, as written. */
  version?: string;
  approval?: SoaApproval;
  /** The date the report was produced (today). */
  date: LocalDate;
}

/** The Statement of Applicability as plain data, ready to render. */
export interface SoaReport {
  kind: "soa";
  organization?: string;
  standard?: string;
  today: LocalDate;
  summary: SoaSummary;
  /** Absent when no SoA document carries `approved`. */
  approval?: SoaApproval;
  documentControl: SoaDocumentControl;
  /** The four themes, always present and in order. */
  themes: SoaThemeGroup[];
  /** Entries of controls of ControlCatalogs, grouped by catalog (only Annex A must be complete). */
  catalogs: SoaCatalogGroup[];
  /** Entries whose control is neither an Annex A nor a catalog control (or is not given). */
  other: SoaRow[];
}

const THEME_PREFIXES: [string, ControlTheme][] = [
  ["A.5", "Organizational"],
  ["A.6", "People"],
  ["A.7", "Physical"],
  ["A.8", "Technological"],
];

/**
 * Builds the Statement of Applicability report of an ISMS: every catalog control by theme with
 * its SoA decision, justification, status, sources, owner and evidence, and the counts an
 * auditor looks at first. `today` dates the report. Pure; never throws on partial data.
 */
export function soaReport(model: IsmsModel, today: LocalDate): SoaReport {
  const catalog = model.catalog;
  const tracedBy = risksByControl(model);
  const rowOf = (entry: SoaEntry, control: string, title: string | undefined, theme: ControlTheme | undefined): SoaRow => {
    const plan = planOf(entry, tracedBy);
    return { ...entryRow(entry, control, title, theme), traced: isTraced(entry, tracedBy), ...(plan ? { plan } : {}) };
  };
  const byControl = new Map<string, SoaEntry[]>();
  const byCatalogControl = new Map<string, SoaEntry[]>();
  const other: SoaRow[] = [];
  // Controls of the ISMS's ControlCatalogs (6.1.3 b, Note 1) are listed with their titles among the other rows.
  for (const entry of model.soaEntries) {
    const id = entry.control?.id;
    const known = id !== undefined ? knownControl(model, id) : undefined;
    if (id !== undefined && known?.source === "annex-a") byControl.set(id, [...(byControl.get(id) ?? []), entry]);
    else if (id !== undefined && known?.source === "catalog") byCatalogControl.set(id, [...(byCatalogControl.get(id) ?? []), entry]);
    else other.push(rowOf(entry, entry.control?.written ?? "", undefined, undefined));
  }
  const catalogs: SoaCatalogGroup[] = [];
  for (const source of model.controlCatalogs) {
    const rows: SoaRow[] = [];
    for (const control of source.controls) {
      const id = control.id?.value;
      // The first catalog control with an id owns it (a duplicate is ref/duplicate-id's finding).
      const known = id !== undefined ? knownControl(model, id) : undefined;
      if (id === undefined || known?.source !== "catalog" || known.control !== control) continue;
      for (const entry of byCatalogControl.get(id) ?? []) {
        rows.push({ ...rowOf(entry, id, control.title?.value, undefined), catalog: catalogName(source), mapsTo: control.mapsTo.map((m) => m.id) });
      }
    }
    if (rows.length > 0) catalogs.push({ id: source.id?.value, title: catalogName(source), rows });
  }

  const themes: SoaThemeGroup[] = THEME_PREFIXES.map(([prefix, theme]) => ({ theme, prefix, rows: [] }));
  for (const control of catalog.controls) {
    const group = themes.find((g) => g.theme === control.theme);
    if (!group) continue;
    const entries = byControl.get(control.id);
    if (!entries) group.rows.push({ control: control.id, title: control.title, theme: control.theme, missing: true, sources: [], evidence: [] });
    else for (const entry of entries) group.rows.push(rowOf(entry, control.id, control.title, control.theme));
  }

  const entries = model.soaEntries;
  const applicable = entries.filter((e) => e.applicable?.value === true);
  const statusCount = (status: string) => applicable.filter((e) => e.status?.value === status).length;
  const summary: SoaSummary = {
    controls: catalog.controls.length,
    entries: entries.length,
    applicable: applicable.length,
    excluded: entries.filter((e) => e.applicable?.value === false).length,
    undecided: entries.filter((e) => e.applicable === undefined).length,
    missing: catalog.controls.filter((c) => !byControl.has(c.id)).length,
    implemented: statusCount("implemented"),
    partiallyImplemented: statusCount("partially-implemented"),
    planned: statusCount("planned"),
    notImplemented: statusCount("not-implemented"),
    noStatus: applicable.filter((e) => !(CONTROL_STATUSES as readonly string[]).includes(e.status?.value ?? "")).length,
    untraced: applicable.filter((e) => !isTraced(e, tracedBy)).length,
  };

  const approved = model.statements.find((s) => s.approved)?.approved;
  const approval = approved ? { by: personOf(approved.by), date: approved.date?.value } : undefined;
  return {
    kind: "soa",
    organization: model.isms?.organization?.value,
    standard: model.isms?.standard?.value,
    today,
    summary,
    approval,
    documentControl: { version: model.statements.find((s) => s.version)?.version?.value, approval, date: today },
    themes,
    catalogs,
    other,
  };
}

/** Statuses of an applicable control that still needs implementing (6.1.3 e). */
const UNFINISHED = new Set(["partially-implemented", "planned", "not-implemented"]);

/** The risks and actions behind a control still being implemented; undefined for other entries. */
function planOf(entry: SoaEntry, tracedBy: Grouping<string, Risk>): SoaRow["plan"] {
  if (entry.applicable?.value !== true || !UNFINISHED.has(entry.status?.value ?? "")) return undefined;
  const risks = entry.control ? (tracedBy.get(entry.control.id) ?? []) : [];
  const actions = new Map<string, RecordRef>();
  for (const ref of [...entry.actions, ...risks.flatMap((r) => r.actions)]) if (!actions.has(ref.id)) actions.set(ref.id, { id: ref.id, title: titleOf(ref.resolved) });
  return { risks: risks.flatMap((r) => (r.id ? [{ id: r.id.value, title: r.title?.value }] : [])), actions: [...actions.values()] };
}

function entryRow(entry: SoaEntry, control: string, title: string | undefined, theme: ControlTheme | undefined): SoaRow {
  return {
    control,
    title,
    theme,
    missing: false,
    applicable: entry.applicable?.value,
    justification: entry.justification?.value,
    status: entry.status?.value,
    sources: entry.sources.map((s) => ({ id: s.id, title: titleOf(s.resolved) })),
    owner: personOf(entry.owner),
    ...(entry.implementation ? { implementation: entry.implementation.value } : {}),
    evidence: entry.evidence.map((e) => e.value),
    file: entry.file,
    line: entry.range.start.line,
  };
}
