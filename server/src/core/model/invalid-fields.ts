import type { Finding } from "../findings";
import { containsPosition, type Range } from "../text/range";

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
 * `due: 31/10/2026` is not also "has no due date"). Linear: invalid fields are indexed by file and
 * key once.
 */
export function withoutAbsenceOfInvalid<F extends Finding>(findings: F[], invalid: readonly InvalidFieldIn[]): F[] {
  if (invalid.length === 0) return findings;
  const byKey = new Map<string, Range[]>();
  for (const f of invalid) {
    const key = `${f.file}\n${f.key}`;
    const list = byKey.get(key);
    if (list) list.push(f.container);
    else byKey.set(key, [f.container]);
  }
  const keys = new Set(invalid.map((f) => f.key));
  const isInvalid = (finding: Finding, field: string) => {
    const key = field.slice(field.lastIndexOf(".") + 1);
    if (!keys.has(key)) return false; // most findings: no field of that name is invalid anywhere
    return (byKey.get(`${finding.file}\n${key}`) ?? []).some((container) => containsPosition(container, finding.range.start));
  };
  return findings.filter((f) => {
    if (f.rule === "schema/invalid") return true;
    const missing = f.data?.missing;
    if (!Array.isArray(missing) || missing.length === 0) return true;
    return !missing.every((m) => typeof m === "string" && isInvalid(f, m));
  });
}
