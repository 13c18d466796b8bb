import type { Finding } from "../../findings";
import { ruleById } from "../../rules/registry";
import type { PackTable } from "./types";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The open findings of the checker, by the clause their rule enforces (clause order, then severity). */
export function findingsByClause(findings: readonly Finding[]): PackTable {
  const rows = findings
    .map((f) => ({ f, clause: ruleById(f.rule)?.clause ?? "—" }))
    .sort(
      (a, b) =>
        a.clause.localeCompare(b.clause, "en", { numeric: true }) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.f.file.localeCompare(b.f.file) ||
        a.f.range.start.line - b.f.range.start.line,
    )
    .map(({ f, clause }) => ({
      at: { file: f.file, line: f.range.start.line, character: f.range.start.character },
      cells: [
        { text: clause },
        { text: f.severity, tone: f.severity === "error" ? ("bad" as const) : f.severity === "warning" ? ("warn" as const) : ("muted" as const) },
        { text: f.rule },
        { text: f.message },
      ],
    }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    id: "pack-findings",
    caption: `Open findings of the checker by clause (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info)`,
    columns: ["Clause", "Severity", "Rule", "Finding"],
    rows,
    empty: "The checker reports no open finding.",
  };
}
