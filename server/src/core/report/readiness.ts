import { TOP_LEVEL_CLAUSES, type ControlTheme } from "../catalog/catalog";
import { addMonths, type LocalDate } from "../dates";
import type { Finding, Severity } from "../findings";
import type { MutedFinding } from "../check";
import type { IsmsModel } from "../model/isms-model";
import type { Rule } from "../rules/rule";
import { RULES } from "../rules/registry";
import { containsPosition, type Range } from "../text/range";
import { CLAUSE_EVIDENCE, themeEvidence, type EvidenceResult } from "./readiness-evidence";
import { pdcaLoop, type PdcaLoop } from "./readiness-pdca";
import type { ReadinessContext, ReadinessStatus } from "./readiness-context";

export type { ReadinessStatus } from "./readiness-context";

/** Statuses from best to worst; a group takes the worst status of its items. */
export const READINESS_STATUSES: readonly ReadinessStatus[] = ["ready", "gaps", "missing", "not-tracked"];

/** An open finding listed under the requirement its rule cites. */
export interface ReadinessFinding {
  rule: string;
  /** As shown; for a muted finding, its default severity. */
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  /** Set when the check does not show this finding at its default severity: why. */
  muted?: MutedFinding["muted"];
}

/**
 * What the verdict cannot vouch for: findings of rules turned off or set below their default
 * severity (counted at their default) and findings silenced by inline suppressions, each of which
 * blocks "Ready"; and the clauses the ISMS files do not record.
 */
export interface NotCovered {
  off: number;
  lowered: number;
  suppressed: number;
  /** The muted findings by default severity. */
  errors: number;
  warnings: number;
  findings: ReadinessFinding[];
  /** Clause items with status `not-tracked` (`7.1` …). */
  notTracked: string[];
}

/** One clause (`6.1.2`) or Annex A theme (`A.5`) with its status, evidence and open findings. */
export interface ReadinessItem {
  /** Clause id (`9.2.1`) or theme prefix (`A.5`). */
  id: string;
  title: string;
  status: ReadinessStatus;
  /** What the ISMS files show, one sentence each ("Scope statement present."). */
  evidence: string[];
  findings: ReadinessFinding[];
}

/** A top-level clause (4 to 10) with its sub-clauses; `status` is the worst of theirs. */
export interface ReadinessClauseGroup {
  id: string;
  title: string;
  status: ReadinessStatus;
  items: ReadinessItem[];
}

/** Counts of the readiness report. */
export interface ReadinessSummary {
  /** Sub-clauses of 4 to 10 that the ISMS files record (status other than `not-tracked`). */
  clausesTracked: number;
  ready: number;
  gaps: number;
  missing: number;
  notTracked: number;
  /** Open findings by severity (each finding counted once). */
  errors: number;
  warnings: number;
  infos: number;
}

/** The certification readiness report as plain data, ready to render. */
export interface ReadinessReport {
  kind: "readiness";
  organization?: string;
  standard?: string;
  today: LocalDate;
  /**
   * `ready` only when every clause and Annex A line is ready and no error or warning is open or
   * muted; `not-tracked` when only untracked clauses stand in the way; else `missing` or `gaps`.
   */
  overall: ReadinessStatus;
  /** The verdict in words ({@link readinessVerdict}). */
  verdict: string;
  notCovered: NotCovered;
  summary: ReadinessSummary;
  /** Is the Plan-Do-Check-Act loop running (9.2, 9.3, 10.1, 10.2)? */
  pdca: PdcaLoop;
  /** Clauses 4 to 10, in order. */
  clauses: ReadinessClauseGroup[];
  /** Annex A by theme (A.5 to A.8). */
  annexA: ReadinessItem[];
  /** Open findings whose rule cites no clause or control of the catalog. */
  other: ReadinessFinding[];
}

const THEMES: [string, ControlTheme][] = [
  ["A.5", "Organizational"],
  ["A.6", "People"],
  ["A.7", "Physical"],
  ["A.8", "Technological"],
];

/** Options of {@link readinessReport}. */
export interface ReadinessOptions {
  /** The findings the check muted ({@link MutedFinding}): they block "Ready" and are listed apart. */
  muted?: readonly MutedFinding[];
  rules?: readonly Rule[];
}

/**
 * Builds the certification readiness report of an ISMS: clauses 4 to 10 and Annex A, each with a
 * status, the evidence the model holds and the open findings of the rules that cite it (a rule's
 * `clause`), and whether the PDCA loop is running. `findings` are the findings as shown (after
 * severities and suppressions) of the check that built `model`, `options.muted` what it muted.
 * The verdict is never more optimistic than the facts: every open error or warning, every muted
 * finding and every untracked clause keeps it from "Ready". Pure; never throws on partial data.
 */
export function readinessReport(model: IsmsModel, findings: readonly Finding[], today: LocalDate, options: ReadinessOptions = {}): ReadinessReport {
  const rules = options.rules ?? RULES;
  const muted = options.muted ?? [];
  const evidenceNotFound = new Map<string, number>();
  for (const f of findings) {
    const control = f.data?.control;
    if (f.rule === "soa/evidence-missing" && typeof control === "string" && f.data?.reason !== "none") evidenceNotFound.set(control, (evidenceNotFound.get(control) ?? 0) + 1);
  }
  const ctx: ReadinessContext = { model, today, since: addMonths(today, -12), evidenceNotFound };
  const clauseOfRule = new Map(rules.map((r) => [r.id, r.clause]));
  const itemIds = model.catalog.clauses.filter((c) => !TOP_LEVEL_CLAUSES.some((t) => t.id === c.id)).map((c) => c.id);

  const byItem = new Map<string, ReadinessFinding[]>();
  const other: ReadinessFinding[] = [];
  const add = (id: string, finding: ReadinessFinding) => {
    const list = byItem.get(id);
    if (list) list.push(finding);
    else byItem.set(id, [finding]);
  };
  const themeOfEntry = soaEntryThemes(model);
  const place = (f: Finding, finding: ReadinessFinding) => {
    // A finding may name a more precise clause than its rule's (a placeholder in the scope: 4.3).
    const clause = typeof f.data?.clause === "string" ? f.data.clause : clauseOfRule.get(f.rule);
    const target = itemOfClause(clause, itemIds);
    const theme = themeOfClause(clause) ?? themeOfEntry(f);
    if (target) add(target, finding);
    if (theme && theme !== target) add(theme, finding);
    if (!target && !theme) other.push(finding);
  };
  for (const f of findings) place(f, { rule: f.rule, severity: f.severity, message: f.message, file: f.file, range: f.range });
  const mutedFindings: ReadinessFinding[] = [];
  for (const f of muted) {
    if (f.severity === "info") continue;
    const finding: ReadinessFinding = { rule: f.rule, severity: f.severity, message: f.message, file: f.file, range: f.range, muted: f.muted };
    mutedFindings.push(finding);
    place(f, finding);
  }

  const item = (id: string, title: string, result: EvidenceResult): ReadinessItem => {
    const listed = byItem.get(id) ?? [];
    return { id, title, status: statusOf(result.status, listed), evidence: result.evidence, findings: listed };
  };

  const clauses: ReadinessClauseGroup[] = TOP_LEVEL_CLAUSES.map((top) => {
    const items = model.catalog.clauses.filter((c) => c.id.startsWith(top.id + ".")).map((c) => item(c.id, c.title, (CLAUSE_EVIDENCE[c.id] ?? notTracked)(ctx)));
    return { id: top.id, title: top.title, status: worst(items.map((i) => i.status)), items };
  });
  const annexA = THEMES.map(([prefix, theme]) => item(prefix, `${theme} controls`, themeEvidence(ctx, theme)));

  const clauseItems = clauses.flatMap((g) => g.items);
  const all = [...clauseItems, ...annexA];
  const unique = new Set(findings);
  const open = findings.some((f) => f.severity !== "info");
  const statuses = all.map((i) => i.status);
  const overall: ReadinessStatus = statuses.includes("missing")
    ? "missing"
    : statuses.includes("gaps") || open || mutedFindings.length > 0
      ? "gaps"
      : statuses.includes("not-tracked")
        ? "not-tracked"
        : "ready";
  const notCovered: NotCovered = {
    off: mutedFindings.filter((f) => f.muted === "off").length,
    lowered: mutedFindings.filter((f) => f.muted === "lowered").length,
    suppressed: mutedFindings.filter((f) => f.muted === "suppressed").length,
    errors: mutedFindings.filter((f) => f.severity === "error").length,
    warnings: mutedFindings.filter((f) => f.severity === "warning").length,
    findings: mutedFindings,
    notTracked: clauseItems.filter((i) => i.status === "not-tracked").map((i) => i.id),
  };
  const clausesTracked = clauseItems.filter((i) => i.status !== "not-tracked").length;
  return {
    kind: "readiness",
    organization: model.isms?.organization?.value,
    standard: model.isms?.standard?.value,
    today,
    overall,
    verdict: readinessVerdict(overall, clausesTracked, notCovered.notTracked.length),
    notCovered,
    summary: {
      clausesTracked,
      ready: all.filter((i) => i.status === "ready").length,
      gaps: all.filter((i) => i.status === "gaps").length,
      missing: all.filter((i) => i.status === "missing").length,
      notTracked: all.filter((i) => i.status === "not-tracked").length,
      errors: [...unique].filter((f) => f.severity === "error").length,
      warnings: [...unique].filter((f) => f.severity === "warning").length,
      infos: [...unique].filter((f) => f.severity === "info").length,
    },
    pdca: pdcaLoop(ctx),
    clauses,
    annexA,
    other,
  };
}

/**
 * The overall verdict in words. `not-tracked` (nothing wrong in what the files record, but some
 * clauses are not recorded in them) never reads as plain "Ready".
 */
export function readinessVerdict(overall: ReadinessStatus, clausesTracked: number, clausesNotTracked: number): string {
  switch (overall) {
    case "ready":
      return "Ready for the certification audit";
    case "gaps":
      return "Gaps to close before the audit";
    case "missing":
      return "Evidence missing";
    case "not-tracked":
      return `No gaps in the ${clausesTracked} clauses these files record; ${clausesNotTracked} ${clausesNotTracked === 1 ? "clause is" : "clauses are"} not recorded here and need${clausesNotTracked === 1 ? "s" : ""} other evidence`;
  }
}

function notTracked(): EvidenceResult {
  return { status: "not-tracked", evidence: ["Not recorded in the ISMS files: keep this evidence ready for the auditor."] };
}

/** The evidence's status, lowered to `gaps` when an open or muted error or warning cites the item. */
function statusOf(evidence: ReadinessStatus, findings: ReadinessFinding[]): ReadinessStatus {
  const open = findings.some((f) => f.severity !== "info");
  if (evidence === "missing") return "missing";
  if (open) return "gaps";
  return evidence;
}

/** The worst status of a list: `missing` > `gaps` > `not-tracked` > `ready` (a line is ready only when all its items are). */
export function worst(statuses: readonly ReadinessStatus[]): ReadinessStatus {
  if (statuses.includes("missing")) return "missing";
  if (statuses.includes("gaps")) return "gaps";
  if (statuses.includes("not-tracked")) return "not-tracked";
  return "ready";
}

/**
 * The clause item a rule's `clause` ("6.1.3 d", "9.2", "10.2") belongs to among `items` (the
 * catalog's sub-clauses): the listed clause itself, else its first listed sub-clause ("9.2" →
 * "9.2.1"), else its nearest listed parent. `undefined` for Annex A controls and unknown clauses.
 */
export function itemOfClause(clause: string | undefined, items: readonly string[]): string | undefined {
  const token = clause?.trim().split(/[\s,]+/)[0];
  if (!token || !/^\d+(\.\d+)*$/.test(token)) return undefined;
  for (let id = token; id.length > 0; id = id.replace(/\.?\d+$/, "")) {
    if (items.includes(id)) return id;
    const child = items.find((i) => i.startsWith(id + "."));
    if (child) return child;
  }
  return undefined;
}

/** The Annex A theme (`A.5`) a rule's `clause` names when it cites a control ("A.5.31"). */
function themeOfClause(clause: string | undefined): string | undefined {
  const match = /^\s*A\.([5-8])(?:\.|\s|$)/.exec(clause ?? "");
  return match ? `A.${match[1]}` : undefined;
}

/** Maps a finding to the Annex A theme (`A.5`) of the SoA entry it lies in, if any. */
function soaEntryThemes(model: IsmsModel): (finding: Finding) => string | undefined {
  return (finding) => {
    const entry = model.soaEntries.find((e) => e.file === finding.file && containsPosition(e.range, finding.range.start));
    const id = entry?.control?.id;
    const control = id !== undefined ? model.catalog.control(id) : undefined;
    return control ? THEMES.find(([, theme]) => theme === control.theme)?.[0] : undefined;
  };
}
