import { append } from "../append";
import type { IsmsModel } from "./isms-model";
import type { MergedList } from "./model-lists";
import type { Reference } from "./types";

/**
 * What each file contributed to a model (`buildModel` converts each file into a model of its own
 * records and merges them in file order), so that what is derived from a model can be kept per
 * file: after an edit, the other files' contributions are the previous build's objects.
 */

/** The file contributions each model was merged from, in file order. */
const partsOf = new WeakMap<IsmsModel, readonly IsmsModel[]>();

/** Records that `model` was merged from `parts`, in file order. */
export function setContributions(model: IsmsModel, parts: readonly IsmsModel[]): void {
  partsOf.set(model, parts);
}

/** The file contributions `model` was merged from, when `buildModel` made it. */
export function contributionsOf(model: IsmsModel): readonly IsmsModel[] | undefined {
  return partsOf.get(model);
}

/**
 * The records of `list` as each file contributed them, in file order: their concatenation is
 * `model[list]`. An edit re-converts one file, so the other chunks are the previous build's arrays,
 * and what is derived per chunk (`model/grouped.ts`) is kept. A model not made by `buildModel` (or
 * a copy of one with the list replaced) is one chunk.
 */
export function chunksOf<L extends MergedList>(model: IsmsModel, list: L): readonly IsmsModel[L][] {
  const parts = partsOf.get(model);
  if (parts) {
    const chunks = parts.map((part) => part[list]).filter((chunk) => chunk.length > 0);
    let length = 0;
    for (const chunk of chunks) length += chunk.length;
    if (length === model[list].length) return chunks;
  }
  return [model[list]];
}

/** Notes that a contribution's references were resolved again (their `resolved` may now differ). */
export function noteResolved(part: IsmsModel): void {
  resolutionCount.set(part.references, (resolutionCount.get(part.references) ?? 0) + 1);
}

/** How many times each contribution's references were resolved, by their list. */
const resolutionCount = new WeakMap<readonly Reference[], number>();

/**
 * The references of the model that resolve to no record, in model order. Kept per file
 * contribution while its references were not resolved again, so that after an edit only the
 * edited file's references, and those targeting a kind the edit touched, are looked at again.
 */
export function unresolvedReferences(model: IsmsModel): readonly Reference[] {
  const parts = partsOf.get(model);
  if (!parts) return model.references.filter((ref) => !ref.resolved);
  const all: Reference[] = [];
  for (const { references: chunk } of parts) {
    const count = resolutionCount.get(chunk);
    let known = unresolvedIn.get(chunk);
    if (!known || known.count !== count) unresolvedIn.set(chunk, (known = { count, references: chunk.filter((ref) => !ref.resolved) }));
    append(all, known.references);
  }
  return all;
}

const unresolvedIn = new WeakMap<readonly Reference[], { count: number | undefined; references: Reference[] }>();
