import type { Finding } from "../findings";
import { containsPosition, type Range } from "../text/range";
import { groupByFile } from "../group-by-file";

/**
 * A field that is present but whose value failed the schema (wrong type, value not allowed,
 * malformed or impossible date): `key` of the mapping at `container`. The model reads such a value
 * as absent; this record says it is *invalid*, so that no rule reports it as missing.
 */
export interface InvalidField {
  key: string;
  /** Range of the mapping that holds the key (the record, or a nested mapping such as `approved`). */
  container: Range;
}

/** An {@link InvalidField} in a file. */
export interface InvalidFieldIn extends InvalidField {
  file: string;
}

/**
 * Drops the findings that say a field is missing (`data.missing`, e.g. `["due"]` or
 * `["approved.date"]`) when every field they name is present but invalid in a mapping that holds
 * the finding's start: the schema finding is that defect's one finding (a malformed
 * `due: 31/10/2026` is not also "has no due date").
 *
 * @param invalid  the model's invalid fields in chunks, each chunk the fields of one or more whole
 *   files in file order (`chunksOf(model, "invalidFields")`, or `[model.invalidFields]`)
 *
 * Linear in the findings that name missing fields: each file's invalid fields are indexed by key
 * once per array, and a finding's answer is kept while its file's array is (after an edit, only
 * the edited file's findings are looked at again).
 */
export function withoutAbsenceOfInvalid<F extends Finding>(findings: F[], invalid: readonly (readonly InvalidFieldIn[])[]): F[] {
  const ofFile = invalidFieldsByFile(invalid);
  if (ofFile.size === 0) return findings;
  return findings.filter((f) => {
    if (f.rule === "schema/invalid") return true;
    const missing = f.data?.missing;
    if (!Array.isArray(missing) || missing.length === 0) return true;
    const fields = ofFile.get(f.file);
    if (!fields) return true;
    const known = answers.get(f);
    if (known && known.fields === fields) return !known.drop;
    const byKey = byKeyOf(fields);
    const isInvalid = (field: string) => (byKey.get(field.slice(field.lastIndexOf(".") + 1)) ?? []).some((container) => containsPosition(container, f.range.start));
    const drop = missing.every((m) => typeof m === "string" && isInvalid(m));
    answers.set(f, { fields, drop });
    return !drop;
  });
}

/**
 * The invalid fields of each file, from chunks of whole files in file order (see
 * {@link withoutAbsenceOfInvalid}): a chunk of one file is that file's array, kept while the chunk is.
 */
export function invalidFieldsByFile(invalid: readonly (readonly InvalidFieldIn[])[]): Map<string, readonly InvalidFieldIn[]> {
  const ofFile = new Map<string, readonly InvalidFieldIn[]>();
  for (const chunk of invalid) {
    if (chunk.length === 0) continue;
    if (chunk[0].file === chunk[chunk.length - 1].file)
      ofFile.set(chunk[0].file, chunk); // one file (a file's fields are contiguous)
    else for (const [file, fields] of byFileOf(chunk)) ofFile.set(file, fields);
  }
  return ofFile;
}

/** Whether a finding is dropped, with the invalid fields of its file it was decided on. */
const answers = new WeakMap<Finding, { fields: readonly InvalidFieldIn[]; drop: boolean }>();
const byKeys = new WeakMap<readonly InvalidFieldIn[], Map<string, Range[]>>();
const byFiles = new WeakMap<readonly InvalidFieldIn[], Map<string, InvalidFieldIn[]>>();

/** One file's invalid fields: the containers of each key. */
function byKeyOf(fields: readonly InvalidFieldIn[]): Map<string, Range[]> {
  let byKey = byKeys.get(fields);
  if (byKey) return byKey;
  byKey = new Map();
  for (const f of fields) {
    const list = byKey.get(f.key);
    if (list) list.push(f.container);
    else byKey.set(f.key, [f.container]);
  }
  byKeys.set(fields, byKey);
  return byKey;
}

/** Invalid fields of several files, by file (each file's array kept while the chunk is). */
function byFileOf(chunk: readonly InvalidFieldIn[]): Map<string, InvalidFieldIn[]> {
  let byFile = byFiles.get(chunk);
  if (!byFile) byFiles.set(chunk, (byFile = groupByFile(chunk)));
  return byFile;
}
