import { isMap, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import { dayNumber, formatDate, type LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { IdentifiedRecord, Located } from "../model/types";
import type { ParsedDocument } from "../parse/parsed-file";
import type { Location, Range } from "../text/range";
import { isBefore } from "../text/range";

/** True when `inner` lies within `outer`. */
export function containsRange(outer: Range, inner: Range): boolean {
  return !isBefore(inner.start, outer.start) && !isBefore(outer.end, inner.end);
}

/**
 * The record a finding is about: among `records` of the finding's file, the innermost one whose
 * range holds the finding's range (and whose id is `id`, when given); else the first record with
 * that id anywhere.
 */
export function recordOf<T extends Located & { id?: { value: string } }>(records: readonly T[], finding: Location, id?: string): T | undefined {
  const wanted = id;
  const here = records
    .filter((r) => r.file === finding.file && containsRange(r.range, finding.range) && (wanted === undefined || r.id?.value === wanted))
    .sort((a, b) => (containsRange(a.range, b.range) ? 1 : containsRange(b.range, a.range) ? -1 : 0));
  if (here.length > 0) return here[0];
  return wanted === undefined ? undefined : records.find((r) => r.id?.value === wanted);
}

/** The date `days` days after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const n = dayNumber(date);
  if (n === undefined) return date;
  const d = new Date((n + days) * 86_400_000);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The next free id following the numbering of `existing`: the most used prefix (`ACT-`), one
 * more than its highest number, zero-padded like the existing ids (`ACT-007` → `ACT-008`,
 * `NC-9` → `NC-10`). With no ids yet, `fallback` (e.g. `ACT-001`).
 */
export function nextId(existing: readonly string[], fallback: string): string {
  const groups = new Map<string, { max: number; width: number; count: number; last: number }>();
  existing.forEach((id, index) => {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) return;
    const [, prefix, digits] = m;
    const g = groups.get(prefix) ?? { max: 0, width: 1, count: 0, last: 0 };
    g.max = Math.max(g.max, Number(digits));
    if (digits.length > 1 && digits.startsWith("0")) g.width = Math.max(g.width, digits.length);
    g.count++;
    g.last = index;
    groups.set(prefix, g);
  });
  const taken = new Set(existing);
  const best = [...groups.entries()].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last)[0];
  if (!best) return taken.has(fallback) ? nextId([...existing, fallback], fallback) : fallback;
  const [prefix, g] = best;
  let n = g.max + 1;
  let id = `${prefix}${String(n).padStart(g.width, "0")}`;
  while (taken.has(id)) id = `${prefix}${String(++n).padStart(g.width, "0")}`;
  return id;
}

/** A record's label for titles: `R-012 (Phishing of finance staff)`, shortened when long. */
export function labelOf(id: string, record: IdentifiedRecord | undefined): string {
  const r = record as (IdentifiedRecord & { title?: { value: string }; name?: { value: string } }) | undefined;
  const title = r?.title?.value ?? r?.name?.value;
  if (!title) return id;
  const short = title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title;
  return `${id} (${short})`;
}

/**
 * The document of `kind` that holds the most items under `listKey` (e.g. the ActionPlan with the
 * most actions): where a fix appends a new record. Ties go to the first in file order.
 */
export function mainDocument(model: IsmsModel, kind: string, listKey: string): { doc: ParsedDocument; root: YAMLMap; list?: YAMLSeq } | undefined {
  let best: { doc: ParsedDocument; root: YAMLMap; list?: YAMLSeq; count: number } | undefined;
  for (const doc of model.documents) {
    if (doc.kind !== kind || !doc.root || doc.hasErrors) continue;
    const value = doc.root.get(listKey, true);
    const list = isSeq(value) ? value : undefined;
    const count = list ? list.items.filter((i) => isMap(i)).length : 0;
    if (!best || count > best.count) best = { doc, root: doc.root, list, count };
  }
  return best;
}

/** The key of a new file in the ISMS root folder. */
export function rootFile(model: IsmsModel, name: string): string {
  return model.root === "" ? name : `${model.root.replace(/\/$/, "")}/${name}`;
}
