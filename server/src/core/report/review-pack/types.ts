import type { LocalDate } from "../../dates";
import type { Tone } from "../layout";

/** Where a fact of the pack is written: a file key of the ISMS and a 0-based position. */
export interface RecordAt {
  file: string;
  line: number;
  character: number;
}

/** A cell of a pack table: text, an optional tone, and the records it names (each opens its own). */
export interface PackCell {
  text: string;
  tone?: Tone;
  links?: { text: string; at: RecordAt }[];
}

/** One fact: its cells and the record it comes from (shown as `file:line`, opened by a click). */
export interface PackRow {
  cells: PackCell[];
  at?: RecordAt;
}

/** A table of facts; `empty` says why it has no rows; `notes` say what the files cannot tell. */
export interface PackTable {
  id: string;
  caption: string;
  columns: string[];
  rows: PackRow[];
  empty: string;
  notes?: string[];
}

/**
 * The key of a `ManagementReview` input (as the model's `inputs` holds it: `performance.audit_results`
 * for nested ones).
 */
export type ReviewInputKey =
  | "previous_actions"
  | "context_changes"
  | "interested_party_needs"
  | "performance.nonconformities"
  | "performance.monitoring"
  | "performance.audit_results"
  | "performance.objectives"
  | "interested_party_feedback"
  | "risk_assessment"
  | "improvement_opportunities"
  | "resources";

/** One input of the review (9.3.2 a-g, or resources) with its facts and a one-paragraph summary. */
export interface PackSection {
  input: ReviewInputKey;
  /** "9.3.2 a", "9.3.2 d 1", "5.1 c, 7.1". */
  clause: string;
  title: string;
  /** A short summary of the facts, pre-filled into a review draft. Never empty. */
  summary: string;
  tables: PackTable[];
}

/** The period the pack covers: after `since` (a review's date, exclusive) or from it (a date, inclusive), to `to`. */
export interface PackPeriod {
  /** Start of the period; absent when no review was held and no --since was given (everything recorded). */
  since?: LocalDate;
  /** True when `since` itself is in the period (a date given), false when it is a review's date. */
  inclusive: boolean;
  /** The review that opens the period, when there is one. */
  review?: { id: string; date: LocalDate; at: RecordAt };
  /** With a date given: the last review held on or before it (the period does not start at a review). */
  previous?: { id: string; date: LocalDate; at: RecordAt };
  to: LocalDate;
  /** One sentence that says which period this is and why. */
  description: string;
}

/** The management review pack: the facts behind every input of 9.3.2 for one period, and the open findings. */
export interface ReviewPackReport {
  kind: "review-pack";
  /** The ISMS root's folder key: record labels are written relative to it. */
  root: string;
  organization?: string;
  standard?: string;
  today: LocalDate;
  period: PackPeriod;
  sections: PackSection[];
  /** Open findings of the checker by clause of their rule. */
  findings: PackTable;
}

/** `--since` names nothing usable (not a review, a malformed or future date): the message says which and why. */
export class ReviewPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewPackError";
  }
}
