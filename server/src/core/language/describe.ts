import { THEMES } from "../catalog/catalog";
import { compareDates, daysBetween, pluralDays, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import {
  RECORD_KIND_LABEL,
  type Action,
  type Asset,
  type Audit,
  type AuditFinding,
  type IdentifiedRecord,
  type InterestedParty,
  type ManagementReview,
  type Nonconformity,
  type Objective,
  type Person,
  type Policy,
  type Rating,
  type Requirement,
  type Risk,
  type SoaEntry,
} from "../model/types";
import { RESOURCES_INPUT, REVIEW_INPUTS } from "../rules/review/missing-input";
import { listSome, oneLine, personLabel, plural, recordTitle, referencesTo } from "./records";
import { levelText } from "./scales";
import { catalogControlFacts, registerFacts } from "./describe-registers";
import { catalogControl, knownControl } from "../model/controls";
import { grouped, type Grouping } from "../model/grouped";
import { modelIndex } from "../model/model-index";
import { risksByControl } from "../model/tracing";

/** Statuses of an action that close it. */
const CLOSED_ACTION = new Set(["done", "cancelled"]);

/** `**score 12 · High**` for a rating, or "not rated". */
export function ratingText(model: IsmsModel, rating: Rating): string {
  if (rating.likelihood === undefined && rating.impact === undefined) return "not rated";
  const pair = `likelihood ${levelText(model, "likelihood", rating.likelihood?.value)} × impact ${levelText(model, "impact", rating.impact?.value)}`;
  if (rating.score === undefined) return `${pair}: no score (a rating is missing or off the methodology's scales)`;
  return `${pair} = **${rating.score}${rating.level ? ` · ${rating.level}` : ""}**`;
}

/** "12 · High" (or "12", or undefined when unscored). */
export function scoreText(rating: Rating | undefined): string | undefined {
  if (rating?.score === undefined) return undefined;
  return rating.level ? `${rating.score} · ${rating.level}` : String(rating.score);
}

/** Days an open action is overdue on `today`, or undefined when it is not overdue. */
export function daysOverdue(action: Action, today: LocalDate | undefined): number | undefined {
  if (!today || !action.due) return undefined;
  if (action.status && CLOSED_ACTION.has(action.status.value)) return undefined;
  if (compareDates(action.due.value, today) >= 0) return undefined;
  return daysBetween(action.due.value, today);
}

/** The SoA entries of a control (normally one). */
export function soaEntriesOf(model: IsmsModel, controlId: string): SoaEntry[] {
  return model.soaEntries.filter((e) => e.control?.id === controlId);
}

/** The risks that list a control among their `controls`. */
export function risksListing(model: IsmsModel, controlId: string): readonly Risk[] {
  return risksByControl(model).get(controlId) ?? [];
}

/** `R-001` — Title, for lists. */
function item(record: IdentifiedRecord | undefined, id: string): string {
  const title = record ? recordTitle(record) : undefined;
  return title ? `\`${id}\` ${oneLine(title, 70)}` : `\`${id}\``;
}

/** Markdown describing an Annex A control (or theme) and how this ISMS uses it. */
export function describeControl(model: IsmsModel | undefined, controlId: string, theme = false): string {
  if (theme) {
    const name = THEMES[controlId];
    const controls = model?.catalog.controls.filter((c) => c.id.startsWith(controlId + ".")) ?? [];
    const lines = [`**${controlId} — ${name ?? "unknown theme"} controls**${controls.length ? ` (${controls.length} controls)` : ""}`];
    if (model && controls.length) {
      const entries = model.soaEntries.filter((e) => e.control?.id.startsWith(controlId + "."));
      const applicable = entries.filter((e) => e.applicable?.value === true).length;
      const implemented = entries.filter((e) => e.status?.value === "implemented").length;
      lines.push(`SoA: ${applicable} applicable, ${implemented} implemented of ${entries.length} entries.`);
    }
    return lines.join("\n\n");
  }
  const control = model?.catalog.control(controlId);
  const other = !control && model ? catalogControl(model, controlId) : undefined;
  const lines: string[] = [];
  if (other) {
    lines.push(`**${controlId}${other.title ? ` ${other.title.value}` : ""}**  \n*Catalog control*`);
    lines.push(
      catalogControlFacts(other)
        .map((f) => `- ${f}`)
        .join("\n"),
    );
  } else if (!control) {
    lines.push(`**${controlId}** is neither an Annex A control of ISO/IEC 27001:2022 nor a control of a ControlCatalog of this ISMS.`);
    return lines.join("\n\n");
  } else lines.push(`**${control.id} ${control.title}**  \n*Annex A ${control.theme.toLowerCase()} control (${control.id.slice(0, 3)} ${control.theme})*`);
  if (!model) return lines.join("\n\n");
  const id = controlId;
  const mappedFrom = control ? model.catalogControls.filter((c) => c.id && c.mapsTo.some((m) => m.id === id)) : [];
  if (mappedFrom.length)
    lines.push(
      `**Mapped from:** ${listSome(
        mappedFrom.map((c) => `\`${c.id!.value}\`${c.title ? ` ${oneLine(c.title.value, 60)}` : ""}`),
        6,
      )}`,
    );
  const entries = soaEntriesOf(model, id);
  const entry = entries[0];
  if (!entry) {
    lines.push("Not in the Statement of Applicability yet.");
  } else {
    const facts: string[] = [];
    facts.push(entry.applicable === undefined ? "applicability not stated" : entry.applicable.value ? "applicable" : "**excluded**");
    if (entry.status) facts.push(entry.status.value);
    if (entry.owner) facts.push(`owner ${personLabel(model, entry.owner)}`);
    lines.push(`**SoA:** ${facts.join(" · ")}${entries.length > 1 ? ` (${entries.length} entries)` : ""}`);
    if (entry.justification) lines.push(`> ${oneLine(entry.justification.value, 300)}`);
  }
  const risks = risksListing(model, id);
  if (risks.length) {
    lines.push(
      `**Treats ${plural(risks.length, "risk")}:** ${listSome(
        risks.map((r) => `${item(r, r.id?.value ?? "?")}${r.level ? ` (${r.level})` : ""}`),
        8,
      )}`,
    );
  }
  const sources = entries.flatMap((e) => e.sources);
  if (sources.length) {
    lines.push(
      `**Sources:** ${listSome(
        sources.map((s) => (s.resolved ? `${item(s.resolved, s.id)} (${RECORD_KIND_LABEL[s.resolved.recordKind]})` : `\`${s.id}\` (unresolved)`)),
        8,
      )}`,
    );
  }
  if (entries.length && !risks.length && !sources.length && entry?.applicable?.value !== false) lines.push("No risk or requirement traces to this control.");
  return lines.join("\n\n");
}

/** Markdown describing a record of the model (the hover of its id or of a reference to it). */
export function describeRecord(model: IsmsModel, record: IdentifiedRecord, today?: LocalDate): string {
  const id = record.id?.value ?? "?";
  const title = recordTitle(record);
  const heading = `**${id}**${title && record.recordKind !== "review" ? ` — ${oneLine(title, 120)}` : ""}  \n*${capitalize(RECORD_KIND_LABEL[record.recordKind])}*`;
  const facts = factsOf(model, record, today);
  return [heading, facts.map((f) => `- ${f}`).join("\n")].filter(Boolean).join("\n\n");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ids(records: readonly (IdentifiedRecord | { id?: { value: string } })[]): string[] {
  return records.flatMap((r) => (r.id ? [`\`${r.id.value}\``] : []));
}

function factsOf(model: IsmsModel, record: IdentifiedRecord, today?: LocalDate): string[] {
  const registers = registerFacts(model, record);
  if (registers) return registers;
  switch (record.recordKind) {
    case "risk":
      return riskFacts(model, record as Risk);
    case "person":
      return personFacts(model, record as Person);
    case "action":
      return actionFacts(model, record as Action, today);
    case "requirement": {
      const r = record as Requirement;
      return [r.type ? `**Type:** ${r.type.value}` : undefined, tracedControls(model, r)].filter((x): x is string => !!x);
    }
    case "interested-party": {
      const p = record as InterestedParty;
      return [p.requirements.length ? `**Requirements:** ${p.requirements.map((x) => oneLine(x.value, 80)).join("; ")}` : undefined, tracedControls(model, p)].filter((x): x is string => !!x);
    }
    case "asset": {
      const a = record as Asset;
      const risks = a.id ? (grouped(model, "risks", "byAssetId", (r) => r.assets.map((x) => x.id)).get(a.id.value) ?? []) : [];
      return [a.owner ? `**Owner:** ${personLabel(model, a.owner)}` : "**Owner:** none", risks.length ? `**Risks:** ${listSome(ids(risks))}` : "**Risks:** none"];
    }
    case "audit":
      return auditFacts(model, record as Audit);
    case "finding": {
      const f = record as AuditFinding;
      return [
        `**Audit:** \`${f.audit.id?.value ?? "?"}\`${f.audit.title ? ` ${f.audit.title.value}` : ""}`,
        f.type ? `**Type:** ${f.type.value}` : undefined,
        f.clause ? `**Clause:** ${f.clause.value}${clauseTitle(model, f.clause.value)}` : undefined,
        f.control ? `**Control:** ${f.control.id}${model.catalog.control(f.control.id) ? ` ${model.catalog.control(f.control.id)?.title}` : ""}` : undefined,
        f.nonconformity ? `**Nonconformity:** \`${f.nonconformity.id}\`${f.nonconformity.resolved ? "" : " (unresolved)"}` : undefined,
      ].filter((x): x is string => !!x);
    }
    case "review":
      return reviewFacts(model, record as ManagementReview);
    case "nonconformity": {
      const n = record as Nonconformity;
      return [
        n.raised ? `**Raised:** ${n.raised.value}` : undefined,
        n.source ? `**Source:** \`${n.source.id}\`` : n.sourceWord ? `**Source:** ${n.sourceWord.value}` : undefined,
        `**Status:** ${n.status?.value ?? "open"}${n.closed ? ` (closed ${n.closed.value})` : ""}`,
        n.rootCause ? `**Root cause:** ${oneLine(n.rootCause.value, 120)}` : "**Root cause:** not recorded",
        n.actions.length ? `**Actions:** ${n.actions.map((a) => actionBrief(a.id, a.resolved as Action | undefined)).join(", ")}` : "**Actions:** none",
      ].filter((x): x is string => !!x);
    }
    case "objective": {
      const o = record as Objective;
      return [o.owner ? `**Owner:** ${personLabel(model, o.owner)}` : undefined, o.due ? `**Due:** ${o.due.value}` : undefined, o.status ? `**Status:** ${o.status.value}` : undefined].filter(
        (x): x is string => !!x,
      );
    }
    case "policy": {
      const p = record as Policy;
      return [
        p.path ? `**Path:** ${p.path.value}` : undefined,
        p.owner ? `**Owner:** ${personLabel(model, p.owner)}` : undefined,
        p.approved ? `**Approved:** ${p.approved.by ? `by ${personLabel(model, p.approved.by)} ` : ""}${p.approved.date ? `on ${p.approved.date.value}` : ""}`.trim() : "**Approved:** not recorded",
        p.reviewMonths ? `**Review:** every ${p.reviewMonths.value} months` : undefined,
      ].filter((x): x is string => !!x);
    }
    default:
      return [];
  }
}

function clauseTitle(model: IsmsModel, clause: string): string {
  const c = model.catalog.clause(clause);
  return c ? ` ${c.title}` : "";
}

function tracedControls(model: IsmsModel, record: IdentifiedRecord): string {
  const id = record.id?.value;
  const controls = model.soaEntries.filter((e) => e.sources.some((s) => s.id === id)).flatMap((e) => (e.control ? [e.control.id] : []));
  return controls.length ? `**Calls for ${plural(controls.length, "control")}:** ${listSome(controls, 12)}` : "**Calls for controls:** none in the SoA";
}

function riskFacts(model: IsmsModel, risk: Risk): string[] {
  const facts = [`**Score:** ${ratingText(model, risk)}`, `**Owner:** ${risk.owner ? personLabel(model, risk.owner) : "none"}`, `**Treatment:** ${risk.treatment?.value ?? "not chosen"}`];
  if (risk.controls.length) {
    facts.push(
      `**Controls:** ${listSome(
        risk.controls.map((c) => `${c.id}${knownControl(model, c.id)?.title ? ` ${knownControl(model, c.id)?.title}` : ""}`),
        6,
      )}`,
    );
  }
  if (risk.actions.length) facts.push(`**Actions:** ${risk.actions.map((a) => actionBrief(a.id, a.resolved as Action | undefined)).join(", ")}`);
  if (risk.residual) facts.push(`**Residual:** ${ratingText(model, risk.residual)}`);
  if (risk.acceptance) {
    const a = risk.acceptance;
    facts.push(
      `**Accepted:** ${[a.by ? `by ${personLabel(model, a.by)}` : undefined, a.date ? `on ${a.date.value}` : undefined, a.expires ? `until ${a.expires.value}` : undefined].filter(Boolean).join(" ") || "yes"}`,
    );
  }
  if (risk.reviewed) facts.push(`**Reviewed:** ${risk.reviewed.value}`);
  return facts;
}

function actionBrief(id: string, action: Action | undefined): string {
  if (!action) return `\`${id}\` (unresolved)`;
  const bits = [action.status?.value ?? "open", action.due ? `due ${action.due.value}` : undefined].filter(Boolean);
  return `\`${id}\` (${bits.join(", ")})`;
}

function personFacts(model: IsmsModel, person: Person): string[] {
  const id = person.id?.value;
  const facts: string[] = [];
  if (person.role) facts.push(`**Role:** ${person.role.value}${person.external ? " (external)" : ""}`);
  else if (person.external) facts.push("**External**");
  const idsOf = (list: readonly (IdentifiedRecord & { owner?: { id: string } })[]) => list.filter((r) => r.owner?.id === id).flatMap((r) => (r.id ? [r.id.value] : []));
  // The large lists through lookups by owner (kept per file), not a scan per hover.
  const index = modelIndex(model);
  const ownedBy = (byOwner: Grouping<string, IdentifiedRecord>) => (id === undefined ? [] : idsOf(byOwner.get(id) ?? []));
  const groups: [string, string, string[]][] = [
    ["risk", "risks", ownedBy(index.risksByOwner)],
    ["control", "controls", id === undefined ? [] : (index.soaEntriesByOwner.get(id) ?? []).flatMap((e) => (e.control ? [e.control.id] : []))],
    ["action", "actions", ownedBy(index.actionsByOwner)],
    ["asset", "assets", ownedBy(grouped(model, "assets", "byOwner", (asset) => (asset.owner ? [asset.owner.id] : [])))],
    ["policy", "policies", idsOf(model.policies)],
    ["objective", "objectives", idsOf(model.objectives)],
  ];
  const owned = groups.filter(([, , list]) => list.length > 0);
  if (owned.length) {
    facts.push(`**Owns:** ${owned.map(([one, many, list]) => plural(list.length, one, many)).join(" · ")}`);
    for (const [, many, list] of owned) facts.push(`**${capitalize(many)}:** ${listSome(list.map((x) => `\`${x}\``))}`);
  } else facts.push("**Owns:** nothing yet");
  const audits = model.audits.filter((a) => a.auditor?.id === id);
  if (audits.length) facts.push(`**Audits (auditor):** ${listSome(ids(audits))}`);
  return facts;
}

function actionFacts(model: IsmsModel, action: Action, today?: LocalDate): string[] {
  const facts: string[] = [];
  if (action.type) facts.push(`**Type:** ${action.type.value}`);
  facts.push(`**Status:** ${action.status?.value ?? "open"}${action.completed ? ` (completed ${action.completed.value})` : ""}`);
  if (action.due) {
    const overdue = daysOverdue(action, today);
    const open = !action.status || !CLOSED_ACTION.has(action.status.value);
    let note = "";
    if (overdue !== undefined) note = ` — **${pluralDays(overdue)} overdue**`;
    else if (today && open) {
      const left = daysBetween(today, action.due.value);
      note = left === 0 ? " — due today" : ` — due in ${pluralDays(left)}`;
    }
    facts.push(`**Due:** ${action.due.value}${note}`);
  } else facts.push("**Due:** no due date");
  facts.push(`**Owner:** ${action.owner ? personLabel(model, action.owner) : "none"}`);
  if (action.source) facts.push(`**Source:** ${item(action.source.resolved, action.source.id)}`);
  const citing = referencesTo(model, action).filter((r) => r !== action.source && r.field !== "actions[].follow_up");
  if (citing.length) {
    const owners = citing.flatMap((r) => {
      const holder = holderOf(model, r.file, r.range.start.line, r.field);
      return holder ? [holder] : [];
    });
    if (owners.length) facts.push(`**Listed by:** ${listSome([...new Set(owners)].map((x) => `\`${x}\``))}`);
  }
  if (action.verification) {
    const v = action.verification;
    facts.push(
      `**Verified:** ${[v.by ? `by ${personLabel(model, v.by)}` : undefined, v.date ? `on ${v.date.value}` : undefined, v.effective === undefined ? undefined : v.effective.value ? "effective" : "**not effective**"].filter(Boolean).join(", ")}`,
    );
  }
  if (action.followUp) facts.push(`**Follow-up:** \`${action.followUp.id}\``);
  return facts;
}

/** The id of the risk, nonconformity or review whose field `field` holds a reference at `line`. */
function holderOf(model: IsmsModel, file: string, line: number, field: string): string | undefined {
  const lists = field.startsWith("risks[]") ? model.risks : field.startsWith("nonconformities[]") ? model.nonconformities : field.startsWith("reviews[]") ? model.reviews : [];
  const holder = (lists as IdentifiedRecord[]).find((r) => r.file === file && r.range.start.line <= line && line <= r.range.end.line);
  return holder?.id?.value;
}

function auditFacts(model: IsmsModel, audit: Audit): string[] {
  const facts: string[] = [];
  facts.push(`**Status:** ${audit.status?.value ?? "not stated"}${audit.planned ? ` · planned ${audit.planned.value}` : ""}${audit.performed ? ` · performed ${audit.performed.value}` : ""}`);
  facts.push(`**Auditor:** ${audit.auditor ? personLabel(model, audit.auditor) : "none"}`);
  const scope = [
    audit.scopeClauses.length ? `clauses ${audit.scopeClauses.map((c) => c.value).join(", ")}` : undefined,
    audit.scopeControls.length
      ? `controls ${listSome(
          audit.scopeControls.map((c) => c.id),
          8,
        )}`
      : undefined,
  ].filter(Boolean);
  if (scope.length) facts.push(`**Scope:** ${scope.join("; ")}`);
  if (audit.findings.length) {
    const byType = new Map<string, number>();
    for (const f of audit.findings) byType.set(f.type?.value ?? "untyped", (byType.get(f.type?.value ?? "untyped") ?? 0) + 1);
    facts.push(`**Findings:** ${audit.findings.length} (${[...byType].map(([t, n]) => `${n} ${t}`).join(", ")}): ${listSome(ids(audit.findings))}`);
  } else facts.push("**Findings:** none");
  if (audit.reported)
    facts.push(`**Reported:** ${[audit.reported.to ? `to \`${audit.reported.to.id}\`` : undefined, audit.reported.date ? `on ${audit.reported.date.value}` : undefined].filter(Boolean).join(" ")}`);
  return facts;
}

function reviewFacts(model: IsmsModel, review: ManagementReview): string[] {
  const facts: string[] = [];
  if (review.date) facts.push(`**Date:** ${review.date.value}`);
  if (review.attendees.length) facts.push(`**Attendees:** ${review.attendees.map((a) => personLabel(model, a)).join(", ")}`);
  const missing = REVIEW_INPUTS.filter((i) => !review.inputs.has(i.key));
  facts.push(`**Inputs (9.3.2):** ${REVIEW_INPUTS.length - missing.length} of ${REVIEW_INPUTS.length} recorded${missing.length ? `; missing ${missing.map((i) => `\`${i.key}\``).join(", ")}` : ""}`);
  facts.push(`**Resources (${RESOURCES_INPUT.clauses}):** ${review.inputs.has(RESOURCES_INPUT.key) ? "recorded" : "not recorded"}`);
  facts.push(`**Decisions:** ${review.decisions.length}`);
  if (review.actions.length) facts.push(`**Actions:** ${review.actions.map((a) => actionBrief(a.id, a.resolved as Action | undefined)).join(", ")}`);
  const audits = model.audits.filter((a) => a.reported?.to?.id === review.id?.value);
  if (audits.length) facts.push(`**Audit results reported:** ${listSome(ids(audits))}`);
  return facts;
}
