import type { FindingData } from "./rules/data-shape";
import type { Location, Range } from "./text/range";

/** How serious a finding is. `info` findings never fail a check. */
export type Severity = "error" | "warning" | "info";

/** Extra places that explain a finding (e.g. the risk that uses an excluded control). */
export interface RelatedLocation extends Location {
  message: string;
}

/**
 * One gap found in the ISMS: which rule found it, where, and why.
 * `range` is 0-based (LSP) in the text of `file`. `data` carries rule-specific facts that
 * quick-fixes and editors use (ids, candidates); it is plain JSON, of the shape its rule declares
 * (`D`, see `rules/data-shape.ts`).
 */
export interface Finding<D extends FindingData = FindingData> {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  related?: RelatedLocation[];
  /** `unnecessary` renders faded, `deprecated` struck through. */
  tags?: ("unnecessary" | "deprecated")[];
  data?: D;
}

/** A finding whose `data` has been checked against its rule's shape (what quick-fixes get). */
export type FindingOf<D extends FindingData> = Finding<D> & { data: D };

/** What a rule reports: a finding without rule id and severity, which the engine fills in. */
export type FindingInput<D extends FindingData = FindingData> = Omit<Finding<D>, "rule" | "severity"> & { severity?: Severity };

/** Orders findings by file, then position, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.character !== b.range.start.character) return a.range.start.character - b.range.start.character;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
