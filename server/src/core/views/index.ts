/**
 * The data of the editor's ISMS views, built from a check: an overview of the
 * Plan-Do-Check-Act health, the risks by level, the Statement of Applicability by theme, the
 * actions by urgency, audits and reviews on a timeline, and the nonconformities. Pure and plain
 * JSON: the language server answers it to the client's tree views (`isms/views`).
 */
import type { CheckResult, MutedFinding } from "../check";
import type { LocalDate } from "../dates";
import type { Finding } from "../findings";
import type { IsmsModel } from "../model/isms-model";
import type { Location } from "../text/range";
import { actionsView } from "./actions";
import { nonconformitiesView } from "./nonconformities";
import { overviewView } from "./overview";
import { riskView } from "./risks";
import { soaView } from "./soa";
import { timelineView } from "./timeline";
import type { IsmsViews, Locate } from "./types";

export * from "./types";
export { UNRATED, bandsHighestFirst } from "./levels";
export { DUE_SOON_DAYS } from "./actions";
export { AREAS, PHASES, areaOf, type AreaInfo } from "./areas";

/** The views of every ISMS root of a check, each with the findings in its files. */
export function viewsOfCheck(result: CheckResult, today: LocalDate): IsmsViews[] {
  return result.models.map((model) => {
    const files = new Set(model.files.map((f) => f.file));
    const mine = (f: Finding) => files.has(f.file);
    return ismsViews(model, result.findings.filter(mine), today, undefined, result.muted.filter(mine));
  });
}

/**
 * The views of one ISMS root.
 *
 * @param findings  the findings shown in the root's files (after severities and suppressions)
 * @param locate    turns a file key and range into the location the caller wants (default: as is)
 * @param muted     what the check muted (rules off or lowered, suppressions), for the readiness verdict
 */
export function ismsViews<L = Location>(model: IsmsModel, findings: readonly Finding[], today: LocalDate, locate: Locate<L> = (l) => l as L, muted: readonly MutedFinding[] = []): IsmsViews<L> {
  const risks = riskView(model, locate);
  return {
    root: model.root,
    organization: model.isms?.organization?.value,
    today,
    overview: overviewView(model, findings, risks, today, locate, muted),
    risks,
    soa: soaView(model, locate),
    actions: actionsView(model, today, locate),
    timeline: timelineView(model, today, locate),
    nonconformities: nonconformitiesView(model, locate),
  };
}
