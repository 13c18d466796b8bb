import { dueByCadence } from "../model/cadence";
import { modelIndex } from "../model/model-index";
import { isSeq, type YAMLMap } from "yaml";
import type { ControlTheme } from "../catalog/catalog";
import { compareDates } from "../dates";
import { isTraced, risksByControl } from "../model/tracing";
import type { Person } from "../model/types";
import { REVIEW_INPUTS } from "../rules/review/missing-input";
import { personLabel } from "./layout";
import { personOf } from "./people";
import { count, idOf, inLastYear, lastAudit, lastReview, type EvidenceResult, type ReadinessContext } from "./readiness-context";
import { awarenessEvidence, competenceEvidence, monitoringEvidence, organizationalRegisterFacts } from "./readiness-registers";

export type { EvidenceResult } from "./readiness-context";

type Evidence = (ctx: ReadinessContext) => EvidenceResult;

const NOT_TRACKED =
  (what: string): Evidence =>
  () => ({
    status: "not-tracked",
    evidence: [`${what} are not recorded in the ISMS files: keep this evidence ready for the auditor.`],
  });

/** The number of items of a sequence under `path` of a mapping (0 when absent). */
function seqLength(node: YAMLMap | undefined, path: string[]): number {
  const seq = node?.getIn(path, true);
  return isSeq(seq) ? seq.items.length : 0;
}

function result(missing: boolean, evidence: string[], gaps = false): EvidenceResult {
  return { status: missing ? "missing" : gaps ? "gaps" : "ready", evidence };
}

/**
 * The evidence of each sub-clause of clauses 4 to 10 that the model can show, by clause id.
 * Clauses without an entry are `not-tracked`.
 */
export const CLAUSE_EVIDENCE: Record<string, Evidence> = {
  "4.1": ({ model }) => {
    const isms = model.isms;
    if (!isms?.contextRange) return result(true, ["No context (internal and external issues) is recorded in isms.yaml."]);
    const climate = isms.climateChange?.relevant?.value;
    const internal = seqLength(isms.node, ["context", "internal_issues"]);
    const external = seqLength(isms.node, ["context", "external_issues"]);
    return result(internal + external === 0, [
      `Context recorded: ${count(internal, "internal issue")}, ${count(external, "external issue")}.`,
      climate === undefined ? "Climate change: relevance not determined." : `Climate change determined ${climate ? "relevant" : "not relevant"}.`,
    ]);
  },
  "4.2": ({ model }) => {
    const parties = model.interestedParties;
    if (parties.length === 0) return result(true, ["No interested parties are recorded."]);
    const needs = parties.reduce((n, p) => n + p.requirements.length, 0);
    return result(
      false,
      [
        `${count(parties.length, "interested party", "interested parties")} with ${count(needs, "requirement")}.`,
        `${count(model.requirements.length, "legal, regulatory, contractual or business requirement")} recorded.`,
      ],
      needs === 0,
    );
  },
  "4.3": ({ model }) => {
    const isms = model.isms;
    if (!isms?.scopeStatement?.value) return result(true, ["No scope statement."]);
    return result(false, [
      "Scope statement present.",
      `${count(isms.scopeBoundaries.length, "boundary", "boundaries")}, ${count(isms.scopeInterfaces.length, "interface")}, ${count(seqLength(isms.node, ["scope", "exclusions"]), "exclusion")}.`,
    ]);
  },
  "4.4": ({ model }) => {
    if (!model.isms) return result(true, ["No isms.yaml with kind: ISMS."]);
    const kinds = new Set(model.documents.map((d) => d.kind).filter(Boolean));
    return result(false, [`ISMS of ${model.isms.organization?.value ?? "(no organization given)"}: ${count(model.files.length, "file")} holding ${count(kinds.size, "kind")} of document.`]);
  },
  "5.1": (ctx) => {
    const review = lastReview(ctx);
    const approved = ctx.model.policies.filter((p) => p.approved?.by && p.approved.date);
    const top = topManagement(ctx);
    const attended = review ? [...new Set(review.attendees.filter((a) => (a.resolved as Person | undefined)?.topManagement).map((a) => a.id))] : [];
    const evidence = [
      top.length > 0 ? `Top management: ${top.join(", ")}.` : "Nobody is marked top_management: true.",
      review
        ? `${attended.length > 0 ? `Top management (${attended.join(", ")})` : "Nobody of top management"} reviewed the ISMS at ${idOf(review, "a review")} on ${review.date.value} (${count(review.attendees.length, "attendee")}).`
        : "No management review is recorded as held.",
      `${count(approved.length, "policy", "policies")} approved by name and date.`,
    ];
    return result(!review && approved.length === 0, evidence, !review || approved.length === 0 || top.length === 0 || attended.length === 0);
  },
  "5.2": ({ model }) => {
    const policies = model.policies;
    if (policies.length === 0) return result(true, ["No policies in a PolicyRegister."]);
    const approved = policies.filter((p) => p.approved?.by && p.approved.date).length;
    const main = policies.find((p) => p.type?.value === "information-security");
    const by = main?.approved?.by;
    const byTop = (by?.resolved as Person | undefined)?.topManagement === true;
    return result(
      !main,
      [
        main
          ? `Information security policy ${idOf(main, "(no id)")}: ${by && main.approved?.date ? `approved by ${by.id}${byTop ? " (top management)" : ""} on ${main.approved.date.value}` : "not approved"}.`
          : "No policy has type: information-security.",
        `${count(policies.length, "policy", "policies")}, ${approved} approved.`,
      ],
      approved < policies.length || !byTop,
    );
  },
  "5.3": ({ model }) => {
    const people = model.people;
    if (people.length === 0) return result(true, ["No people (roles and responsibilities) in isms.yaml."]);
    const withRole = people.filter((p) => p.role?.value).length;
    const owned = model.risks.filter((r) => r.owner).length;
    const duties = model.isms?.responsibilities;
    const conformance = duties?.conformance?.resolved ? duties.conformance.id : undefined;
    const reporting = duties?.reporting?.resolved ? duties.reporting.id : undefined;
    return result(
      false,
      [
        `Conformance of the ISMS (5.3 a): ${conformance ?? "not assigned"}; reporting on its performance (5.3 b): ${reporting ?? "not assigned"}.`,
        `${count(people.length, "person", "people")}, ${withRole} with a role.`,
        `${owned} of ${count(model.risks.length, "risk")} have an owner.`,
      ],
      withRole < people.length || !conformance || !reporting,
    );
  },
  "6.1.1": ({ model }) => {
    if (!model.methodology && model.risks.length === 0) return result(true, ["No risk methodology and no risks."]);
    const improvements = model.actions.filter((a) => a.type?.value === "improvement").length;
    return result(false, [`Risks and opportunities addressed through ${count(model.risks.length, "risk")} and ${count(improvements, "improvement action")}.`]);
  },
  "6.1.2": ({ model }) => {
    const m = model.methodology;
    const rated = model.risks.filter((r) => r.score !== undefined).length;
    const evidence = [
      m
        ? `Methodology: ${count(m.likelihood.length, "likelihood level")} × ${count(m.impact.length, "impact level")}, scoring ${m.scoring}, ${count(m.levels.length, "score band")}, ${m.acceptanceMaxScore ? `acceptance up to score ${m.acceptanceMaxScore.value}` : "no acceptance threshold"}.`
        : "No RiskMethodology.",
      `${rated} of ${count(model.risks.length, "risk")} rated.`,
    ];
    return result(!m || model.risks.length === 0, evidence, rated < model.risks.length || !m?.acceptanceMaxScore);
  },
  "6.1.3": ({ model }) => {
    if (model.statements.length === 0) return result(true, ["No Statement of Applicability."]);
    const approval = model.statements.find((s) => s.approved)?.approved;
    // Annex A only: controls of other catalogs (ISO/IEC 27017 …) are counted apart.
    const annexA = model.soaEntries.filter((e) => e.control && model.catalog.control(e.control.id));
    const listed = new Set(annexA.map((e) => e.control?.id)).size;
    const applicable = annexA.filter((e) => e.applicable?.value === true).length;
    const others = new Set(model.soaEntries.filter((e) => e.control && !model.catalog.control(e.control.id)).map((e) => e.control?.id)).size;
    const treated = model.risks.filter((r) => r.treatment).length;
    const plans = model.risks.filter((r) => r.treatment && r.treatment.value !== "accept");
    const approvedPlans = plans.filter((r) => r.treatmentApproval?.date && r.treatmentApproval.by?.resolved && r.treatmentApproval.by.id === r.owner?.id).length;
    return result(
      false,
      [
        approval?.by && approval.date ? `SoA approved by ${personLabel(personOf(approval.by) ?? { id: approval.by.id })} on ${approval.date.value}.` : "SoA not approved.",
        `${listed} of ${model.catalog.controls.length} Annex A controls in the SoA, ${applicable} applicable${others > 0 ? `; and ${count(others, "control")} of other catalogs` : ""}.`,
        `${treated} of ${count(model.risks.length, "risk")} have a treatment decision.`,
        `${approvedPlans} of ${count(plans.length, "treatment plan")} approved by the risk owner (${plans.length === 0 ? 100 : Math.floor((100 * approvedPlans) / plans.length)} %).`,
      ],
      !approval?.by || !approval.date || treated < model.risks.length || approvedPlans < plans.length,
    );
  },
  "6.2": ({ model, today }) => {
    const objectives = model.objectives;
    if (objectives.length === 0) return result(true, ["No information security objectives."]);
    const open = (s: string | undefined) => s !== "achieved" && s !== "missed" && s !== "cancelled";
    const overdue = objectives.filter((o) => open(o.status?.value) && o.due && compareDates(o.due.value, today) < 0).length;
    return result(false, [`${count(objectives.length, "objective")}, ${objectives.filter((o) => o.owner).length} with an owner, ${overdue} overdue.`], overdue > 0);
  },
  "6.3": NOT_TRACKED("Planned changes to the ISMS"),
  "7.1": NOT_TRACKED("Resources for the ISMS"),
  "7.2": competenceEvidence,
  "7.3": awarenessEvidence,
  "7.4": NOT_TRACKED("Communication plans"),
  "7.5.1": ({ model }) =>
    result(model.files.length === 0, [
      `${count(model.files.length, "ISMS file")} with ${count(model.documents.length, "document")}; ${count(model.policies.filter((p) => p.path).length, "policy", "policies")} linked to a document.`,
    ]),
  "7.5.2": ({ model }) => {
    const soaApproved = model.statements.some((s) => s.approved?.by && s.approved.date);
    const policies = model.policies.filter((p) => p.approved?.by && p.approved.date).length;
    // Nothing to judge is not "ready": with no policy, no approval of documented information shows.
    return result(
      model.policies.length === 0,
      [`SoA ${soaApproved ? "approved" : "not approved"}; ${policies} of ${count(model.policies.length, "policy", "policies")} approved.`],
      !soaApproved || policies < model.policies.length,
    );
  },
  "7.5.3": ({ model }) => result(model.files.length === 0, [`${count(model.files.length, "ISMS file")} kept as checked YAML; every reference is resolved by the checks.`]),
  "8.1": ({ model, today }) => {
    const actions = model.actions;
    if (actions.length === 0) return result(true, ["No actions in an ActionPlan."]);
    const by = (s: string) => actions.filter((a) => a.status?.value === s).length;
    const overdue = actions.filter((a) => (a.status?.value === "open" || a.status?.value === "in-progress") && a.due && compareDates(a.due.value, today) < 0).length;
    return result(false, [`${count(actions.length, "action")}: ${by("open")} open, ${by("in-progress")} in progress, ${by("done")} done, ${overdue} overdue.`], overdue > 0);
  },
  "8.2": ({ model, today }) => {
    const risks = model.risks;
    if (risks.length === 0) return result(true, ["No risks assessed."]);
    const cadence = model.isms?.cadence.riskReview ?? 12;
    const current = risks.filter((r) => r.reviewed && !dueByCadence(r.reviewed.value, cadence, today).overdue).length;
    const last = risks
      .map((r) => r.reviewed?.value)
      .filter((d): d is string => d !== undefined && compareDates(d, today) <= 0)
      .sort()
      .pop();
    return result(false, [`${current} of ${count(risks.length, "risk")} reviewed within ${cadence} months${last ? `; last review ${last}` : ""}.`], current < risks.length);
  },
  "8.3": ({ model, today }) => {
    const index = modelIndex(model);
    const treatment = model.actions.filter((a) => a.type?.value === "treatment" || a.source?.resolved?.recordKind === "risk" || index.risksListing(a).length > 0);
    if (treatment.length === 0) return result(true, ["No risk treatment actions: nothing shows the risk treatment plan being implemented."]);
    const done = treatment.filter((a) => a.status?.value === "done").length;
    const overdue = treatment.filter((a) => (a.status?.value === "open" || a.status?.value === "in-progress") && a.due && compareDates(a.due.value, today) < 0).length;
    return result(false, [`${count(treatment.length, "risk treatment action")}: ${done} done, ${overdue} overdue.`], overdue > 0);
  },
  "9.1": (ctx) => {
    const measures = monitoringEvidence(ctx);
    const review = lastReview(ctx);
    if (!review?.inputs.has("performance.monitoring")) return measures;
    return { ...measures, evidence: [...measures.evidence, `Monitoring and measurement results presented at ${idOf(review, "the last management review")} on ${review.date.value}.`] };
  },
  "9.2.1": (ctx) => {
    const audit = lastAudit(ctx);
    if (!audit) return result(true, ["No internal audit is recorded as completed."]);
    const { due, overdue } = dueByCadence(audit.performed.value, ctx.model.isms?.cadence.internalAudit ?? 12, ctx.today);
    return result(false, [`Last internal audit ${idOf(audit, "(no id)")} performed on ${audit.performed.value}; next due ${due}.`], overdue);
  },
  "9.2.2": (ctx) => {
    const audits = ctx.model.audits;
    if (audits.length === 0) return result(true, ["No internal audit programme."]);
    const completed = audits.filter((a) => a.status?.value === "completed");
    const recent = completed.filter((a) => inLastYear(ctx, a.performed?.value)).length;
    return result(false, [
      `Programme of ${count(audits.length, "audit")}: ${completed.length} completed (${recent} in the last 12 months), ${audits.length - completed.length} planned.`,
      `${count(ctx.model.findings.length, "audit finding")} recorded.`,
    ]);
  },
  "9.3.1": (ctx) => {
    const review = lastReview(ctx);
    if (!review) return result(true, ["No management review is recorded as held."]);
    const { due, overdue } = dueByCadence(review.date.value, ctx.model.isms?.cadence.managementReview ?? 12, ctx.today);
    const attended = [...new Set(review.attendees.filter((a) => (a.resolved as Person | undefined)?.topManagement).map((a) => a.id))];
    return result(
      false,
      [
        `Last management review ${idOf(review, "(no id)")} held on ${review.date.value}; next due ${due}.`,
        attended.length > 0 ? `Top management attended: ${attended.join(", ")}.` : "No member of top management is recorded among its chair and attendees.",
      ],
      overdue || attended.length === 0,
    );
  },
  "9.3.2": (ctx) => {
    const review = lastReview(ctx);
    if (!review) return result(true, ["No management review is recorded as held."]);
    const inputs = REVIEW_INPUT_KEYS.filter((k) => review.inputs.has(k)).length;
    return result(false, [`${idOf(review, "The last review")} records ${inputs} of the ${REVIEW_INPUT_KEYS.length} inputs of 9.3.2.`], inputs < REVIEW_INPUT_KEYS.length);
  },
  "9.3.3": (ctx) => {
    const review = lastReview(ctx);
    if (!review) return result(true, ["No management review is recorded as held."]);
    return result(false, [`${idOf(review, "The last review")} records ${count(review.decisions.length, "decision")} and ${count(review.actions.length, "action")}.`], review.decisions.length === 0);
  },
  "10.1": (ctx) => {
    const improving = ctx.model.actions.filter(
      (a) => a.type?.value === "improvement" && a.status?.value !== "cancelled" && (inLastYear(ctx, a.completed?.value) || inLastYear(ctx, a.due?.value)),
    ).length;
    const corrective = ctx.model.actions.filter((a) => a.type?.value === "corrective" && a.status?.value === "done" && inLastYear(ctx, a.completed?.value)).length;
    return result(improving + corrective === 0, [`${count(improving, "improvement action")} completed or due and ${count(corrective, "corrective action")} completed in the last 12 months.`]);
  },
  "10.2": ({ model }) => {
    if (!model.documents.some((d) => d.kind === "NonconformityLog")) return result(true, ["No NonconformityLog."]);
    const ncs = model.nonconformities;
    const open = ncs.filter((n) => n.status?.value !== "closed").length;
    const corrective = model.actions.filter((a) => a.type?.value === "corrective" || a.source?.resolved?.recordKind === "nonconformity");
    const verified = corrective.filter((a) => a.verification?.effective?.value === true).length;
    return result(ncs.length === 0 && corrective.length === 0, [
      ncs.length === 0 ? "No nonconformities recorded." : `${count(ncs.length, "nonconformity", "nonconformities")}: ${open} open, ${ncs.length - open} closed.`,
      `${count(corrective.length, "corrective action")}, ${verified} verified effective.`,
    ]);
  },
};

/** Ids of the people marked `top_management: true`. */
function topManagement({ model }: ReadinessContext): string[] {
  return model.people.filter((p) => p.topManagement && p.id).map((p) => p.id?.value ?? "");
}

/** The keys of the 9.3.2 inputs (as `ManagementReview.inputs` holds them). */
const REVIEW_INPUT_KEYS = REVIEW_INPUTS.map((i) => i.key);

/**
 * The evidence of one Annex A theme from the SoA: how many of its controls are listed, decided,
 * applicable, implemented and traced. `missing` when the SoA lists none of them, or none of its
 * applicable controls is implemented; `gaps` when a control is not listed, has no decision, or is
 * applicable and not (fully) implemented or without a status.
 */
export function themeEvidence(ctx: ReadinessContext, theme: ControlTheme): EvidenceResult {
  const { model, evidenceNotFound } = ctx;
  const controls = model.catalog.controls.filter((c) => c.theme === theme);
  const ids = new Set(controls.map((c) => c.id));
  const entries = model.soaEntries.filter((e) => e.control && ids.has(e.control.id));
  if (entries.length === 0) return result(true, [`None of the ${controls.length} controls is in the Statement of Applicability.`]);
  const listed = new Set(entries.map((e) => e.control?.id)).size;
  const applicable = entries.filter((e) => e.applicable?.value === true);
  const excluded = entries.filter((e) => e.applicable?.value === false).length;
  const undecided = entries.length - applicable.length - excluded;
  const status = (s: string) => applicable.filter((e) => e.status?.value === s).length;
  const noStatus = applicable.filter((e) => !e.status).length;
  const risks = risksByControl(model);
  const untraced = applicable.filter((e) => !isTraced(e, risks)).length;
  const notImplemented = applicable.length - status("implemented");
  const implemented = applicable.filter((e) => e.status?.value === "implemented");
  const withEvidence = implemented.filter((e) => e.evidence.length > 0).length;
  const cited = entries.flatMap((e) => e.evidence);
  const notFound = [...ids].reduce((n, id) => n + (evidenceNotFound.get(id) ?? 0), 0);
  const evidence = [
    `${listed} of ${controls.length} controls in the SoA: ${applicable.length} applicable, ${excluded} excluded${undecided > 0 ? `, ${undecided} undecided` : ""}.`,
    `Applicable: ${status("implemented")} implemented, ${status("partially-implemented")} partially implemented, ${status("planned")} planned, ${status("not-implemented")} not implemented${noStatus > 0 ? `, ${noStatus} without a status` : ""}.`,
    `Evidence: ${withEvidence} of ${count(implemented.length, "implemented control")} cite evidence; ${count(cited.length, "item")} cited, ${notFound} not found under the ISMS root.`,
    `${untraced} applicable ${untraced === 1 ? "control is" : "controls are"} traced to nothing.`,
  ];
  if (notImplemented > 0) evidence.push(`${notImplemented} applicable ${notImplemented === 1 ? "control is" : "controls are"} not yet implemented in full.`);
  // Applicable controls of which none is implemented: nothing shows the theme in operation.
  const nothingImplemented = applicable.length > 0 && status("implemented") === 0;
  if (theme === "Organizational") evidence.push(...organizationalRegisterFacts(ctx));
  return result(nothingImplemented, evidence, listed < controls.length || undecided > 0 || noStatus > 0 || notImplemented > 0 || withEvidence < implemented.length || notFound > 0);
}
