import type { IsmsModel } from "../model/isms-model";
import type { ControlReference, IdentifiedRecord, Person, RecordKind, Reference } from "../model/types";
import { byReferenceId, grouped } from "../model/grouped";
import type { Position, Range } from "../text/range";

const ALL = new WeakMap<IsmsModel, IdentifiedRecord[]>();

/** Every record of the model that can carry an id, in model order (cached per model). */
export function allRecords(model: IsmsModel): IdentifiedRecord[] {
  let list = ALL.get(model);
  if (!list) {
    list = [
      ...model.people,
      ...model.interestedParties,
      ...model.requirements,
      ...model.assets,
      ...model.risks,
      ...model.actions,
      ...model.audits,
      ...model.findings,
      ...model.reviews,
      ...model.nonconformities,
      ...model.objectives,
      ...model.policies,
      ...model.controlCatalogs,
      ...model.catalogControls,
      ...model.roles,
      ...model.awareness,
      ...model.measures,
      ...model.suppliers,
      ...model.incidents,
    ];
    ALL.set(model, list);
  }
  return list;
}

/** The records of one kind (a view over the model's lists). */
export function recordsOfKind(model: IsmsModel, kind: RecordKind): IdentifiedRecord[] {
  switch (kind) {
    case "person":
      return model.people;
    case "interested-party":
      return model.interestedParties;
    case "requirement":
      return model.requirements;
    case "asset":
      return model.assets;
    case "risk":
      return model.risks;
    case "action":
      return model.actions;
    case "audit":
      return model.audits;
    case "finding":
      return model.findings;
    case "review":
      return model.reviews;
    case "nonconformity":
      return model.nonconformities;
    case "objective":
      return model.objectives;
    case "policy":
      return model.policies;
    case "control-catalog":
      return model.controlCatalogs;
    case "control":
      return model.catalogControls;
    case "role":
      return model.roles;
    case "awareness":
      return model.awareness;
    case "measure":
      return model.measures;
    case "supplier":
      return model.suppliers;
    case "incident":
      return model.incidents;
  }
}

/** A short human name of a record: its title or name, or a summary for records without one. */
export function recordTitle(record: IdentifiedRecord): string | undefined {
  const r = record as IdentifiedRecord & Record<string, unknown>;
  const text = (key: string) => {
    const v = r[key] as { value?: unknown } | undefined;
    return typeof v?.value === "string" ? v.value : undefined;
  };
  switch (record.recordKind) {
    case "person":
    case "interested-party":
    case "asset":
    case "supplier":
      return text("name");
    case "finding": {
      const type = text("type");
      const clause = text("clause");
      return [type ? `${type} finding` : "Finding", clause ? `on clause ${clause}` : undefined].filter(Boolean).join(" ");
    }
    case "review": {
      const date = text("date");
      return date ? `Management review of ${date}` : "Management review";
    }
    case "nonconformity":
      return oneLine(text("description"));
    case "measure":
      return oneLine(text("what"));
    default:
      return text("title");
  }
}

/** First line of a text, shortened to `max` characters. */
export function oneLine(text: string | undefined, max = 90): string | undefined {
  if (text === undefined) return undefined;
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The name of the person a reference names, or its id when it does not resolve. */
export function personLabel(model: IsmsModel, ref: Reference | undefined): string | undefined {
  if (!ref) return undefined;
  const person = model.index.get<Person>("person", ref.id);
  return person?.name ? `${person.name.value} (\`${ref.id}\`)` : `\`${ref.id}\``;
}

/** Comparable number for a position. */
function ord(p: Position): number {
  return p.line * 1_000_000 + p.character;
}

/** True when `pos` lies within `range`, end inclusive. */
export function inRange(range: Range, pos: Position): boolean {
  const o = ord(pos);
  return ord(range.start) <= o && o <= ord(range.end);
}

/** True when two ranges overlap (touching counts). */
export function overlaps(a: Range, b: Range): boolean {
  return ord(a.start) <= ord(b.end) && ord(b.start) <= ord(a.end);
}

/** Shows at most `max` items of a list, then "and N more". */
export function listSome(items: string[], max = 10): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** "1 risk" / "3 risks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The references of the model that point at `record` (resolved to it). */
export function referencesTo(model: IsmsModel, record: IdentifiedRecord): Reference[] {
  const id = record.id?.value;
  if (id === undefined) return [];
  return referencesNamed(model, id).filter((r) => r.resolved === record || (r.resolved?.recordKind === record.recordKind && r.resolved.id?.value === id));
}

/** The references that name `id`, in model order (grouped by id once per model, per file: a hover does not scan every reference). */
export function referencesNamed(model: IsmsModel, id: string): readonly Reference[] {
  return grouped(model, "references", "byId", byReferenceId).get(id) ?? [];
}

/** The control references that name control `id` (canonical), in model order (grouped once per model, per file). */
export function controlReferencesNamed(model: IsmsModel, id: string): readonly ControlReference[] {
  return grouped(model, "controlReferences", "byId", byReferenceId).get(id) ?? [];
}
