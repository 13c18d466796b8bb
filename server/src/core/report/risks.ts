import { dueByCadence } from "../model/cadence";
import { compareDates, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { Action, Risk } from "../model/types";
import { personOf, type PersonRef } from "./people";

/** A likelihood/impact pair with its score and band, as recorded and computed. */
export interface RatingData {
  likelihood?: number;
  impact?: number;
  score?: number;
  level?: string;
}

/** An action named by a risk, with what the action plan says about it. */
export interface RiskActionRef {
  id: string;
  title?: string;
  status?: string;
  due?: LocalDate;
}

/** The formal acceptance of a risk by its owner (6.1.3 f). */
export interface AcceptanceData {
  by?: PersonRef;
  date?: LocalDate;
  expires?: LocalDate;
  /** True when `expires` is before today. */
  expired: boolean;
}

/** One risk of the register as plain data. */
export interface RiskRow extends RatingData {
  /** The id as written (empty when the risk has none). */
  id: string;
  title?: string;
  owner?: PersonRef;
  treatment?: string;
  /** Canonical control ids (`A.5.15`), or the text as written when it is not a control id. */
  controls: string[];
  actions: RiskActionRef[];
  residual?: RatingData;
  acceptance?: AcceptanceData;
  reviewed?: LocalDate;
  /** `reviewed` plus the risk review cadence (8.2). */
  reviewDue?: LocalDate;
  /** True when `reviewDue` is before today. */
  reviewOverdue: boolean;
  /** True when the score is above the methodology's acceptance threshold (6.1.2 a 1). */
  aboveAcceptance: boolean;
  file: string;
  /** 0-based line of the risk. */
  line: number;
}

/** Counts of the register. */
export interface RiskSummary {
  risks: number;
  /** Risks per band of the methodology, in band order; `Unrated` counts risks without a band. */
  byLevel: { level: string; count: number }[];
  /** The methodology's acceptance threshold (`acceptance.max_score`). */
  acceptanceMaxScore?: number;
  aboveAcceptance: number;
  /** Risks with no treatment decision. */
  untreated: number;
  reviewOverdue: number;
}

/** The risk register as plain data, risks sorted by score (highest first), ready to render. */
export interface RiskRegisterReport {
  kind: "risks";
  organization?: string;
  today: LocalDate;
  /** Months between risk reviews (8.2), from `isms.yaml` `cadence.risk_review`. */
  reviewCadenceMonths: number;
  summary: RiskSummary;
  risks: RiskRow[];
}

/** Unrated risks are counted under this level. */
export const UNRATED = "Unrated";

/**
 * Builds the risk register report of an ISMS (6.1.2, 6.1.3, 8.2, 8.3): every risk with owner,
 * rating, treatment, controls, actions, residual rating, acceptance and review, sorted by score
 * (highest first; unrated last; ties by id). `today` decides expired acceptances and overdue
 * reviews. Pure; never throws on partial data.
 */
export function riskRegisterReport(model: IsmsModel, today: LocalDate): RiskRegisterReport {
  const cadence = model.isms?.cadence.riskReview ?? 12;
  const threshold = model.methodology?.acceptanceMaxScore?.value;
  const rows = model.risks.map((risk) => rowOf(model, risk, today, cadence, threshold));
  rows.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || compareIds(a.id, b.id));

  const bands = model.methodology?.levels.map((l) => l.name) ?? [];
  const byLevel = bands.map((level) => ({ level, count: rows.filter((r) => r.level === level).length }));
  const unrated = rows.filter((r) => r.level === undefined || !bands.includes(r.level)).length;
  if (unrated > 0) byLevel.push({ level: UNRATED, count: unrated });

  return {
    kind: "risks",
    organization: model.isms?.organization?.value,
    today,
    reviewCadenceMonths: cadence,
    summary: {
      risks: rows.length,
      byLevel,
      acceptanceMaxScore: threshold,
      aboveAcceptance: rows.filter((r) => r.aboveAcceptance).length,
      untreated: rows.filter((r) => r.treatment === undefined).length,
      reviewOverdue: rows.filter((r) => r.reviewOverdue).length,
    },
    risks: rows,
  };
}

function rowOf(model: IsmsModel, risk: Risk, today: LocalDate, cadence: number, threshold: number | undefined): RiskRow {
  const reviewed = risk.reviewed?.value;
  const review = reviewed ? dueByCadence(reviewed, cadence, today) : undefined;
  const acceptance = risk.acceptance;
  const expires = acceptance?.expires?.value;
  return {
    id: risk.id?.value ?? "",
    title: risk.title?.value,
    owner: personOf(risk.owner),
    likelihood: risk.likelihood?.value,
    impact: risk.impact?.value,
    score: risk.score,
    level: risk.level,
    treatment: risk.treatment?.value,
    controls: risk.controls.map((c) => (model.catalog.control(c.id) ? c.id : c.written)),
    actions: risk.actions.map((ref) => {
      const action = ref.resolved?.recordKind === "action" ? (ref.resolved as Action) : undefined;
      return { id: ref.id, title: action?.title?.value, status: action?.status?.value, due: action?.due?.value };
    }),
    residual: risk.residual ? { likelihood: risk.residual.likelihood?.value, impact: risk.residual.impact?.value, score: risk.residual.score, level: risk.residual.level } : undefined,
    acceptance: acceptance ? { by: personOf(acceptance.by), date: acceptance.date?.value, expires, expired: expires !== undefined && compareDates(expires, today) < 0 } : undefined,
    reviewed,
    reviewDue: review?.due,
    reviewOverdue: review?.overdue ?? false,
    aboveAcceptance: threshold !== undefined && risk.score !== undefined && risk.score > threshold,
    file: risk.file,
    line: risk.range.start.line,
  };
}

/** Orders ids naturally (`R-2` before `R-10`). */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
