/**
 * Pure text helpers of the flows (no `vscode` import, unit-tested in plain Node).
 */

/**
 * `isms.yaml` of the starter with its `organization:` line set to `name`: a minimal replacement
 * of that one line (its indentation, line ending and any trailing comment are kept), the name
 * written as a plain YAML scalar when safe, else double-quoted. Returns `undefined` when the text
 * has no top-level `organization:` line.
 */
export function setOrganization(text: string, name: string): string | undefined {
  const line = /^organization:[ \t]*([^\r\n]*?)([ \t]+#[^\r\n]*)?(\r?)$/m;
  if (!line.test(text)) return undefined;
  const value = yamlScalar(name.replace(/\s+/g, " ").trim());
  return text.replace(line, (_m, _old: string, comment: string | undefined, cr: string) => `organization: ${value}${comment ?? ""}${cr}`);
}

/** `value` as a YAML scalar: plain when it reads back as the same string, else double-quoted (JSON). */
export function yamlScalar(value: string): string {
  const plain =
    value !== "" &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/[:#]\s|\s#|:$|[\r\n\t]/.test(value) &&
    !/\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|\.inf|\.nan|0x[0-9a-f]+|0o[0-7]+)$/i.test(value) &&
    !/^\d{4}-\d{2}-\d{2}/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** True when `text` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The date `days` days after the `YYYY-MM-DD` date `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The validation message of a due date typed in an input box, or `undefined` when it is fine. */
export function dueDateProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return "Write the date as YYYY-MM-DD, e.g. 2027-03-31 (or leave it empty).";
  if (!isIsoDate(t)) return `${t} is not a date of the calendar.`;
  return undefined;
}

/** A folder name not in `taken`: `base`, else `base-2`, `base-3` … */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
