import type { IsmsModel } from "../model/isms-model";
import type { Rating, Risk } from "../model/types";
import { personOf } from "../report/people";
import type { Location } from "../text/range";
import { bandsHighestFirst, compareIds, UNRATED } from "./levels";
import type { LevelTone, Locate, RatingView, RiskItem, RiskLevelGroup } from "./types";

/**
 * The risks of an ISMS grouped by level (6.1.2 d-e): one group per band of the methodology,
 * highest first (empty bands included), then "Unrated" for risks no band covers (only when there
 * are some). Within a group, risks are sorted by score (highest first), then by id.
 */
export function riskView<L = Location>(model: IsmsModel, locate: Locate<L>): RiskLevelGroup<L>[] {
  const bands = bandsHighestFirst(model.methodology);
  const tones = new Map<string, LevelTone>(bands.map((b) => [b.level, b.tone]));
  const threshold = model.methodology?.acceptanceMaxScore?.value;
  const items = model.risks.map((risk) => riskItem(risk, tones, threshold, model, locate)).sort((a, b) => (b.inherent.score ?? -Infinity) - (a.inherent.score ?? -Infinity) || compareIds(a.id, b.id));

  const groups: RiskLevelGroup<L>[] = bands.map((band) => ({ level: band.level, tone: band.tone, risks: items.filter((r) => r.inherent.level === band.level) }));
  const unrated = items.filter((r) => r.inherent.level === undefined || !tones.has(r.inherent.level));
  if (unrated.length > 0) groups.push({ level: UNRATED, risks: unrated });
  return groups;
}

function riskItem<L>(risk: Risk, tones: Map<string, LevelTone>, threshold: number | undefined, model: IsmsModel, locate: Locate<L>): RiskItem<L> {
  return {
    id: risk.id?.value ?? "",
    title: risk.title?.value,
    owner: personOf(risk.owner),
    treatment: risk.treatment?.value,
    inherent: ratingView(risk, tones),
    residual: risk.residual ? ratingView(risk.residual, tones) : undefined,
    aboveAcceptance: threshold !== undefined && risk.score !== undefined && risk.score > threshold,
    controls: risk.controls.map((c) => (model.catalog.control(c.id) ? c.id : c.written)),
    actions: risk.actions.map((a) => a.id),
    location: locate({ file: risk.file, range: risk.range }),
  };
}

function ratingView(rating: Rating, tones: Map<string, LevelTone>): RatingView {
  return {
    likelihood: rating.likelihood?.value,
    impact: rating.impact?.value,
    score: rating.score,
    level: rating.level,
    tone: rating.level === undefined ? undefined : tones.get(rating.level),
  };
}
