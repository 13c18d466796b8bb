import type { IdentifiedRecord, Reference, Value } from "../model/types";

/** A person named in a report: the id as written and, when it resolves, the person's name. */
export interface PersonRef {
  id: string;
  name?: string;
}

/** A record named in a report (a source, an action): its id and, when it resolves, its title or name. */
export interface RecordRef {
  id: string;
  title?: string;
}

/** The person a reference names, with their name when the reference resolves to a person. */
export function personOf(ref: Reference | undefined): PersonRef | undefined {
  if (!ref) return undefined;
  const person = ref.resolved?.recordKind === "person" ? ref.resolved : undefined;
  return { id: ref.id, name: titleOf(person) };
}

/** The human label of a record: its `title`, else its `name`. */
export function titleOf(record: IdentifiedRecord | undefined): string | undefined {
  if (!record) return undefined;
  const labelled = record as IdentifiedRecord & { title?: Value<string>; name?: Value<string> };
  return labelled.title?.value ?? labelled.name?.value;
}
