import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from "vscode-languageserver-types";
import { append } from "../append";
import { THEMES } from "../catalog/catalog";
import { nextId } from "../yaml-edit/records";
import type { IsmsModel } from "../model/isms-model";
import { NONCONFORMITY_SOURCE_WORDS } from "../model/convert/nonconformity-log";
import { RECORD_KIND_LABEL, type Action, type IdentifiedRecord, type Person, type RecordKind, type Risk, type SoaEntry } from "../model/types";
import { API_VERSION, ISMS_KINDS, type ParsedFile } from "../parse/parsed-file";
import { catalogName, knownControl } from "../model/controls";
import { RULES } from "../rules/registry";
import type { JsonSchema } from "../schema/schemas";
import type { Position } from "../text/range";
import { completionContext, type CompletionContext } from "./completion-context";
import { scoreText } from "./describe";
import type { LanguageOptions } from "./hover";
import { siblingKeys } from "./line-context";
import { oneLine, recordTitle, recordsOfKind } from "./records";
import { RATING_FIELDS, scaleOf } from "./scales";
import { descriptionOf, enumOf, itemSchema, kindSchema, refName, schemaAt, schemaProperties, typeOf } from "./schema-walk";
import { fieldPattern, lastKey, type YamlPath } from "./yaml-path";

/** Which records an id-valued field names, by `Kind:field`. */
const ID_TARGETS: Record<string, RecordKind[]> = {
  "RiskRegister:risks[].assets": ["asset"],
  "RiskRegister:risks[].actions": ["action"],
  "StatementOfApplicability:controls[].sources": ["risk", "requirement", "interested-party"],
  "ActionPlan:actions[].follow_up": ["action"],
  "ActionPlan:actions[].source": ["risk", "nonconformity", "finding", "review", "objective"],
  "InternalAudit:audits[].reported.to": ["review", "person"],
  "InternalAudit:audits[].findings[].nonconformity": ["nonconformity"],
  "ManagementReview:reviews[].actions": ["action"],
  "NonconformityLog:nonconformities[].source": ["finding", "review"],
  "NonconformityLog:nonconformities[].actions": ["action"],
  "CompetenceRegister:records[].role": ["role"],
  "MonitoringPlan:measures[].objective": ["objective"],
  "SupplierRegister:suppliers[].assets": ["asset"],
  "IncidentLog:incidents[].nonconformity": ["nonconformity"],
  "IncidentLog:incidents[].risks": ["risk"],
};

/** The kind of record whose `id` a path names (`risks[].id` → risk). */
const ID_FIELDS: Record<string, RecordKind> = {
  "risks[].id": "risk",
  "actions[].id": "action",
  "audits[].id": "audit",
  "audits[].findings[].id": "finding",
  "reviews[].id": "review",
  "nonconformities[].id": "nonconformity",
  "objectives[].id": "objective",
  "policies[].id": "policy",
  "assets[].id": "asset",
  "people[].id": "person",
  "requirements[].id": "requirement",
  "context.interested_parties[].id": "interested-party",
  "roles[].id": "role",
  "awareness[].id": "awareness",
  "measures[].id": "measure",
  "suppliers[].id": "supplier",
  "incidents[].id": "incident",
  "controls[].id": "control",
};

interface Candidate {
  label: string;
  value: string;
  kind: CompletionItemKind;
  detail?: string;
  documentation?: string;
  filterText?: string;
  /** Quote the value in YAML (clauses: "9.2"). */
  quoted?: boolean;
}

/**
 * Completion items at `position`: ids of the records a field names (people, risks, actions,
 * requirements, nonconformities, reviews, assets…), Annex A controls with their titles, enum
 * values and likelihood/impact levels with their descriptions, `kind` values, and the keys of the
 * current mapping that are not there yet. Each item replaces the partially typed word. Works on
 * half-typed lines. Never throws.
 */
export function completion(model: IsmsModel | undefined, parsed: ParsedFile, position: Position, options: LanguageOptions = {}): CompletionItem[] {
  try {
    const ctx = completionContext(parsed, position);
    if (!ctx) return [];
    if (ctx.at === "value") {
      const schema = schemaAt(ctx.kind, ctx.path);
      const isNewItem = typeof ctx.path[ctx.path.length - 1] === "number" && !ctx.inFlow;
      if (isNewItem && typeOf(schema) === "object" && !/\s/.test(ctx.partial)) {
        const column = ctx.range.start.character + (ctx.needsSpace ? 1 : 0);
        return keyItems(ctx, { ...ctx, at: "key", present: siblingKeys(parsed, ctx.range.start.line, column, false), keyColumn: column });
      }
      return valueItems(model, ctx, options);
    }
    return keyItems(ctx, ctx);
  } catch {
    return [];
  }
}

function markdown(value: string | undefined): CompletionItem["documentation"] {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

function valueItems(model: IsmsModel | undefined, ctx: CompletionContext, options: LanguageOptions): CompletionItem[] {
  let path: YamlPath = ctx.path;
  let schema = schemaAt(ctx.kind, path);
  let wrap = false;
  if (typeOf(schema) === "array" && typeof path[path.length - 1] !== "number") {
    schema = itemSchema(schema);
    path = [...path, 0];
    wrap = !ctx.inFlow && !ctx.quote;
  }
  const key = lastKey(path);
  const field = fieldPattern(path);
  const ref = refName(ctx.kind, path);
  const candidates: Candidate[] = [];

  if (path.length === 1 && key === "kind") {
    for (const kind of ISMS_KINDS) {
      const s = kindSchema(kind);
      candidates.push({ label: kind, value: kind, kind: CompletionItemKind.Class, detail: String(s?.title ?? ""), documentation: descriptionOf(s) });
    }
  } else if (path.length === 1 && key === "apiVersion") {
    candidates.push({ label: API_VERSION, value: API_VERSION, kind: CompletionItemKind.Constant, detail: "ISMS-as-code format version" });
  } else if (ref === "controlRef" || ref === "controlScopeRef" || ref === "anyControlRef") {
    append(candidates, controlCandidates(model, ctx.kind === "StatementOfApplicability" && field === "controls[].control", ref === "anyControlRef"));
    if (ref === "controlScopeRef") {
      for (const [id, name] of Object.entries(THEMES)) {
        candidates.unshift({
          label: id,
          value: id,
          kind: CompletionItemKind.Module,
          detail: `${name} controls (whole theme)`,
          documentation: `Every ${name.toLowerCase()} control of Annex A (${id}.x).`,
        });
      }
    }
  } else if (ref === "personRef") {
    append(candidates, recordCandidates(model, ["person"]));
  } else if (ref === "clauseRef") {
    for (const clause of clauseList(model)) {
      candidates.push({ label: clause.id, value: clause.id, kind: CompletionItemKind.Constant, detail: clause.title, quoted: true, filterText: clause.id });
    }
  } else if (ref === "date") {
    if (options.today) candidates.push({ label: options.today, value: options.today, kind: CompletionItemKind.Value, detail: "today" });
  } else if (ref === "id" && key === "id") {
    const kind = ID_FIELDS[field];
    // The id the forms and quick-fixes would give; "" when the ids follow no numbered series.
    const next =
      kind && model
        ? nextId(
            recordsOfKind(model, kind).flatMap((r) => (r.id ? [r.id.value] : [])),
            "",
          )
        : undefined;
    if (next) candidates.push({ label: next, value: next, kind: CompletionItemKind.Value, detail: "next free id" });
  } else if (ref === "id" || ID_TARGETS[`${ctx.kind}:${field}`]) {
    append(candidates, recordCandidates(model, ID_TARGETS[`${ctx.kind}:${field}`] ?? []));
    if (ctx.kind === "NonconformityLog" && field === "nonconformities[].source") {
      for (const word of NONCONFORMITY_SOURCE_WORDS) candidates.push({ label: word, value: word, kind: CompletionItemKind.EnumMember, detail: "source of the nonconformity" });
    }
  } else if (ctx.kind === "RiskRegister" && RATING_FIELDS.has(field) && (key === "likelihood" || key === "impact")) {
    for (const level of scaleOf(model, key)) {
      candidates.push({
        label: level.label ? `${level.level} — ${level.label}` : String(level.level),
        value: String(level.level),
        kind: CompletionItemKind.Value,
        filterText: String(level.level),
        detail: `${key} ${level.level}`,
        documentation: level.criteria,
      });
    }
  }
  for (const v of enumOf(schema)) {
    candidates.push({ label: v.value, value: v.value, kind: CompletionItemKind.EnumMember, documentation: v.description });
  }
  if (typeOf(schema) === "boolean") {
    for (const b of ["true", "false"]) candidates.push({ label: b, value: b, kind: CompletionItemKind.Value });
  }

  const items: CompletionItem[] = [];
  candidates.forEach((c, i) => {
    if (ctx.present.has(c.value)) return;
    let text = c.value;
    if (ctx.quote) text = `${ctx.quote}${text}${ctx.quote}`;
    else if (c.quoted) text = `"${text}"`;
    if (wrap) text = `[${text}]`;
    if (ctx.needsSpace) text = ` ${text}`;
    items.push({
      label: c.label,
      kind: c.kind,
      detail: c.detail,
      documentation: markdown(c.documentation),
      filterText: (ctx.quote ? ctx.quote : "") + (c.filterText ?? c.value),
      sortText: String(i).padStart(5, "0"),
      textEdit: { range: ctx.range, newText: text },
    });
  });
  return items;
}

/** Every clause 4 to 10 with its sub-clauses (`9.2` too, though only 9.2.1 and 9.2.2 are listed), in order. */
function clauseList(model: IsmsModel | undefined): { id: string; title: string }[] {
  if (!model) return [];
  const ids: string[] = [];
  for (const clause of model.catalog.clauses) {
    const parts = clause.id.split(".");
    for (let i = 1; i <= parts.length; i++) {
      const id = parts.slice(0, i).join(".");
      if (!ids.includes(id)) ids.push(id);
    }
  }
  const key = (id: string) =>
    id
      .split(".")
      .map((n) => n.padStart(3, "0"))
      .join(".");
  return ids
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .flatMap((id) => {
      const c = model.catalog.clause(id);
      return c ? [{ id, title: c.title }] : [];
    });
}

function controlCandidates(model: IsmsModel | undefined, soaControl: boolean, withCatalogs = false): Candidate[] {
  const catalog = model?.catalog;
  if (!catalog) return [];
  const entries = new Map<string, SoaEntry>();
  for (const e of model.soaEntries) if (e.control && !entries.has(e.control.id)) entries.set(e.control.id, e);
  const out: Candidate[] = [];
  const later: Candidate[] = [];
  for (const c of catalog.controls) {
    const entry = entries.get(c.id);
    const soa = entry ? [entry.applicable === undefined ? undefined : entry.applicable.value ? "applicable" : "excluded", entry.status?.value].filter(Boolean).join(", ") : "not in the SoA";
    const candidate: Candidate = {
      label: c.id,
      value: c.id,
      kind: CompletionItemKind.Constant,
      detail: soaControl && entry ? `${c.title} (already in the SoA)` : entry?.applicable?.value === false ? `${c.title} (excluded in the SoA)` : c.title,
      documentation: `**${c.id} ${c.title}**  \n*${c.theme} control* · SoA: ${soa}`,
      filterText: `${c.id} ${c.title}`,
    };
    if (soaControl && entry) later.push(candidate);
    else out.push(candidate);
  }
  // Controls of the ISMS's ControlCatalogs (6.1.3 b, Note 1), after Annex A.
  for (const c of withCatalogs ? model.catalogControls : []) {
    const known = c.id ? knownControl(model, c.id.value) : undefined;
    if (known?.source !== "catalog") continue; // no id, or an Annex A id: catalog/annex-a-id
    const entry = entries.get(known.id);
    const title = c.title?.value ?? "";
    const soa = entry ? [entry.applicable === undefined ? undefined : entry.applicable.value ? "applicable" : "excluded", entry.status?.value].filter(Boolean).join(", ") : "not in the SoA";
    const candidate: Candidate = {
      label: known.id,
      value: known.id,
      kind: CompletionItemKind.Constant,
      detail: `${title}${title ? " " : ""}(${catalogName(c.catalog)})`,
      documentation: `**${known.id} ${title}**  \n*${catalogName(c.catalog)}* · maps to ${c.mapsTo.length ? c.mapsTo.map((m) => m.id).join(", ") : "no Annex A control"} · SoA: ${soa}`,
      filterText: `${known.id} ${title}`,
    };
    if (soaControl && entry) later.push(candidate);
    else out.push(candidate);
  }
  return [...out, ...later];
}

function recordCandidates(model: IsmsModel | undefined, kinds: RecordKind[]): Candidate[] {
  if (!model) return [];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const kind of kinds) {
    for (const record of recordsOfKind(model, kind)) {
      const id = record.id?.value;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      out.push({ label: id, value: id, kind: CompletionItemKind.Reference, detail: oneLine(recordTitle(record), 80), documentation: brief(record) });
    }
  }
  return out;
}

/** A one-line Markdown summary of a record for completion documentation (cheap: no cross-referencing). */
function brief(record: IdentifiedRecord): string | undefined {
  switch (record.recordKind) {
    case "person": {
      const p = record as Person;
      return [p.role?.value, p.external ? "external" : undefined].filter(Boolean).join(" · ") || undefined;
    }
    case "risk": {
      const r = record as Risk;
      return [`risk · score ${scoreText(r) ?? "—"}`, r.owner ? `owner \`${r.owner.id}\`` : undefined, r.treatment?.value].filter(Boolean).join(" · ");
    }
    case "action": {
      const a = record as Action;
      return [`action · ${a.status?.value ?? "open"}`, a.due ? `due ${a.due.value}` : undefined, a.owner ? `owner \`${a.owner.id}\`` : undefined].filter(Boolean).join(" · ");
    }
    default:
      return RECORD_KIND_LABEL[record.recordKind];
  }
}

function keyItems(original: CompletionContext, ctx: CompletionContext): CompletionItem[] {
  const indent = " ".repeat(ctx.keyColumn);
  const space = ctx.needsSpace ? " " : "";
  const items: CompletionItem[] = [];
  const add = (key: string, schema: JsonSchema | undefined, i: number, extra: Partial<CompletionItem> = {}) => {
    const type = typeOf(schema);
    const item = itemSchema(schema);
    let snippet: string;
    if (/^\s*:/.test(ctx.after)) snippet = key;
    else if (ctx.inFlow) snippet = `${key}: $0`;
    else if (type === "object") snippet = `${key}:\n${indent}  $0`;
    else if (type === "array" && typeOf(item) === "object") snippet = `${key}:\n${indent}  - $0`;
    else if (type === "array") snippet = `${key}: [$0]`;
    else snippet = `${key}: $0`;
    const suggestsValues =
      type !== "object" &&
      (enumOf(schema).length > 0 ||
        enumOf(item).length > 0 ||
        type === "boolean" ||
        !!refName(original.kind, [...ctx.path, key]) ||
        !!refName(original.kind, [...ctx.path, key, 0]) ||
        RATING_FIELDS.has(fieldPattern([...ctx.path, key])));
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: type,
      documentation: markdown(descriptionOf(schema)),
      sortText: String(i).padStart(5, "0"),
      filterText: key,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: ctx.range, newText: space + snippet },
      command: suggestsValues && key !== "id" && !ctx.inFlow ? { title: "Suggest", command: "editor.action.triggerSuggest" } : undefined,
      ...extra,
    });
  };
  if (ctx.path.length === 0 && !kindSchema(ctx.kind)) {
    if (!ctx.present.has("apiVersion"))
      add("apiVersion", { type: "string", description: `Version of the ISMS-as-code file format: always \`${API_VERSION}\`.` }, 0, {
        textEdit: { range: ctx.range, newText: `${space}apiVersion: ${API_VERSION}\n` },
      });
    if (!ctx.present.has("kind")) add("kind", { type: "string", description: `Kind of ISMS document: ${ISMS_KINDS.join(", ")}.` }, 1);
    return items;
  }
  const schema = schemaAt(ctx.kind, ctx.path);
  if (ctx.kind === "ISMS" && ctx.path.length === 1 && ctx.path[0] === "rules") {
    RULES.forEach((rule, i) => {
      if (ctx.present.has(rule.id)) return;
      items.push({
        label: rule.id,
        kind: CompletionItemKind.Property,
        detail: `${rule.severity} · ${rule.clause}`,
        documentation: markdown(rule.description),
        sortText: String(i).padStart(5, "0"),
        textEdit: { range: ctx.range, newText: `${space}${rule.id}: ` },
        command: { title: "Suggest", command: "editor.action.triggerSuggest" },
      });
    });
    return items;
  }
  schemaProperties(schema).forEach(([key, s], i) => {
    if (!ctx.present.has(key)) add(key, s, i);
  });
  return items;
}
