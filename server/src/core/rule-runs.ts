import type { FindingInput } from "./findings";
import { groupByFile } from "./group-by-file";
import { sameItems } from "./same-items";
import { isBefore, sameRange, type Range } from "./text/range";
import { chunksOf } from "./model/contributions";
import type { LineHistory } from "./history/line-history";
import type { IsmsModel } from "./model/isms-model";
import { MERGED_LISTS, type ModelList } from "./model/model-lists";
import type { RulePart } from "./rules/reads";
import type { Rule, RuleContext } from "./rules/rule";
import type { FileShown } from "./shown-by-file";

/** The inputs of one check of one root besides the model: what `RuleContext` carries but `model` and `report`. */
export type RuleInputs = Omit<RuleContext, "model" | "report">;

/** What one rule reported on one model: the whole run, or its runs per file of its `perRecord` list. */
export interface RuleRun {
  reports: FindingInput[];
  /** For a `perRecord` rule: the reports of each file's records, by file key. */
  byFile?: Map<string, FindingInput[]>;
}

/**
 * What the rules reported on one model of one root, kept so that the next check of the root
 * (after an edit) runs again only the rules whose reads changed (`Rule.reads`), and a `perRecord`
 * rule only on the changed files' records. Opaque to callers: pass `CheckResult.memo` back as
 * `CheckOptions.previous`.
 */
export interface RulesMemo {
  model: IsmsModel;
  /** The inputs as they were (copies of the maps a caller may change in place). */
  inputs: RuleInputs;
  /** The rules that were run, in their order (a different selection reuses nothing). */
  rules: readonly Rule[];
  runs: Map<Rule, RuleRun>;
  /** True when the runs were made from the previous check's (same root, rules and catalog). */
  fromPrevious: boolean;
  /** What each file showed after this check (set by the check: `check.ts`), kept for the next one. */
  shown?: ShownMemo;
}

/** What a root's files showed after a check, kept so that the next check shows again only the files whose findings may differ. */
export interface ShownMemo {
  /** What each file showed (files that showed nothing are left out). */
  byFile: Map<string, FileShown>;
  /** The severities configured for the rules, as JSON (other settings show every file again). */
  configured: string;
  /** The files where a rule failed (its finding is made anew every check). */
  failed: ReadonlySet<string>;
}

/**
 * Runs `rules` on `model`, or takes their earlier reports from `previous` (the memo of the same
 * root's last check) where what they read did not change. Each rule's reports are in the memo's
 * `runs`, in rule order; a rule that throws is passed to `failed` and not kept. Returns the memo of
 * this check.
 */
export function* runOrReuse(model: IsmsModel, inputs: RuleInputs, rules: readonly Rule[], previous: RulesMemo | undefined, failed: (rule: Rule, error: unknown) => void): CheckSteps<RulesMemo> {
  const kept: RuleInputs = {
    ...inputs,
    lineHistory: inputs.lineHistory && new Map(inputs.lineHistory),
    priorTexts: inputs.priorTexts && new Map(inputs.priorTexts),
  };
  const usable = previous && sameRules(previous.rules, rules) && previous.model.root === model.root && previous.inputs.catalog === inputs.catalog ? previous : undefined;
  const memo: RulesMemo = { model, inputs: kept, rules, runs: new Map(), fromPrevious: usable !== undefined };
  const changes = usable ? new Changes(usable, model, inputs) : undefined;
  for (const rule of rules) {
    let run: RuleRun | undefined;
    try {
      run = runRule(rule, model, inputs, changes, usable?.runs.get(rule));
    } catch (error) {
      failed(rule, error);
      continue;
    }
    memo.runs.set(rule, run);
    yield;
  }
  return memo;
}

/**
 * A check done in steps: each `next()` does one step (a rule, a model) and the last returns the
 * result. {@link finish} runs every step at once; the language server pauses between steps, so
 * that hovers and completions are answered while a long check runs.
 */
export type CheckSteps<T> = Generator<void, T, void>;

/** Runs every step of `steps` and returns its result. */
export function finish<T>(steps: CheckSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function runRule(rule: Rule, model: IsmsModel, inputs: RuleInputs, changes: Changes | undefined, before: RuleRun | undefined): RuleRun {
  if (!changes || !before) return fullRun(rule, model, inputs);
  return keptReports(runAgain(rule, model, inputs, changes, before), before);
}

function runAgain(rule: Rule, model: IsmsModel, inputs: RuleInputs, changes: Changes, before: RuleRun): RuleRun {
  if (!rule.reads) return fullRun(rule, model, inputs);
  const changed = rule.reads.filter((part) => changes.has(part));
  if (changed.length === 0) return before;
  const list = rule.perRecord;
  if (list && before.byFile && changed.every((part) => part === list || part === "lineHistory")) {
    const files = new Set<string>();
    if (changed.includes(list)) {
      const ofList = changes.filesOf(list);
      if (!ofList) return fullRun(rule, model, inputs);
      for (const file of ofList) files.add(file);
    }
    const history = changed.includes("lineHistory") ? changes.historyFiles() : new Set<string>();
    for (const file of history) files.add(file);
    const earlier = before.byFile;
    // A file whose records changed, and nothing else it reads: its kept records keep their reports.
    const previous = changes.previousModel;
    const byRecord = (file: string) => (history.has(file) ? undefined : { records: recordsByFile(previous, list).get(file), reports: earlier.get(file) });
    return perFileRun(rule, list, model, inputs, (file) => (files.has(file) ? undefined : (earlier.get(file) ?? [])), byRecord);
  }
  return fullRun(rule, model, inputs);
}

/** One run of `rule` on the whole model; a `perRecord` rule runs once per file of its list. */
function fullRun(rule: Rule, model: IsmsModel, inputs: RuleInputs): RuleRun {
  const list = rule.perRecord;
  return list ? perFileRun(rule, list, model, inputs, () => undefined) : { reports: reportsOf(rule, model, inputs) };
}

/** A file's records of a list in an earlier check, with the reports a `perRecord` rule gave on them. */
interface EarlierRecords {
  records: readonly object[] | undefined;
  reports: FindingInput[] | undefined;
}

/**
 * A `perRecord` rule run on each file's records of `list`, except the files whose reports `kept`
 * returns; in a file `earlier` gives the last check's records and reports of, only on the records
 * that are new (an edit re-reads only the items it changed: the others are the same objects).
 */
function perFileRun(
  rule: Rule,
  list: ModelList,
  model: IsmsModel,
  inputs: RuleInputs,
  kept: (file: string) => FindingInput[] | undefined,
  earlier?: (file: string) => EarlierRecords | undefined,
): RuleRun {
  const runs = new Map<string, FindingInput[]>();
  for (const [file, records] of recordsByFile(model, list)) runs.set(file, kept(file) ?? reportsOfRecords(rule, list, model, inputs, records, earlier?.(file)));
  return { reports: flatten(runs), byFile: runs };
}

/**
 * The reports of a `perRecord` rule on one file's `records`: the earlier reports of each record
 * the earlier check had too, and a run on the others; each record's reports in record order. One
 * run on them all when most are new, or when a report cannot be placed in its record.
 */
function reportsOfRecords(rule: Rule, list: ModelList, model: IsmsModel, inputs: RuleInputs, records: readonly object[], earlier: EarlierRecords | undefined): FindingInput[] {
  const run = (subset: readonly object[]) => reportsOf(rule, { ...model, [list]: subset }, inputs);
  if (!earlier?.records || !earlier.reports) return run(records);
  const known = new Set(earlier.records);
  const fresh = records.filter((r) => !known.has(r));
  if (fresh.length * 2 > records.length) return run(records);
  const before = reportsByRecord(earlier.records, earlier.reports);
  if (!before) return run(records);
  const now = fresh.length > 0 ? reportsByRecord(fresh, run(fresh)) : new Map<object, FindingInput[]>();
  if (!now) return run(records);
  const reports: FindingInput[] = [];
  for (const record of records) for (const input of (known.has(record) ? before : now).get(record) ?? []) reports.push(input);
  return reports;
}

/**
 * Each report under the record whose range holds its start (`records` of one file, in text order),
 * each record's in the order given; undefined when one lies in no record or the records overlap.
 */
function reportsByRecord(records: readonly object[], reports: readonly FindingInput[]): Map<object, FindingInput[]> | undefined {
  const ranges = records.map((r) => (r as { range?: Range }).range);
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (!range || (i > 0 && !isBefore(ranges[i - 1]!.end, range.start))) return undefined;
  }
  const byRecord = new Map<object, FindingInput[]>();
  for (const input of reports) {
    // The last record that starts at or before the report.
    let low = 0;
    let high = ranges.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (isBefore(input.range.start, ranges[mid]!.start)) high = mid - 1;
      else {
        found = mid;
        low = mid + 1;
      }
    }
    if (found < 0 || isBefore(ranges[found]!.end, input.range.start)) return undefined;
    const list = byRecord.get(records[found]);
    if (list) list.push(input);
    else byRecord.set(records[found], [input]);
  }
  return byRecord;
}

function reportsOf(rule: Rule, model: IsmsModel, inputs: RuleInputs): FindingInput[] {
  const reports: FindingInput[] = [];
  const context: RuleContext = { model, ...inputs, report: (input) => reports.push(input) };
  rule.check(context);
  return reports;
}

/**
 * The records of a list by file, in model order (a file's records are contiguous). For a model
 * `buildModel` made, those are its file contributions' arrays, so an unchanged file's records
 * are the same array as in the previous model; else they are grouped once per list.
 */
function recordsByFile(model: IsmsModel, list: ModelList): ReadonlyMap<string, readonly object[]> {
  const records = model[list] as readonly { file: string }[];
  let groups = groupsOf.get(records);
  if (!groups) {
    groups = new Map();
    const chunks = list === "files" ? undefined : chunksOf(model, list);
    if (chunks && chunks.length > 0 && chunks[0] !== records) {
      for (const chunk of chunks as readonly (readonly { file: string }[])[]) groups.set(chunk[0].file, chunk);
    } else groups = groupByFile(records);
    groupsOf.set(records, groups);
  }
  return groups;
}

/** {@link recordsByFile} of each list, kept while the list is unchanged (every `perRecord` rule of the list shares it). */
const groupsOf = new WeakMap<readonly object[], Map<string, readonly object[]>>();

/**
 * The run with each report that equals one of the previous run's (same place, message, data …)
 * replaced by that earlier object: a rule that ran again after an edit mostly reports what it
 * reported before, and findings, diagnostics and their JSON are kept per report object, so the
 * editor is sent only what changed and nothing is made twice. A `perRecord` run is matched file
 * by file. Linear in the reports.
 */
function keptReports(run: RuleRun, before: RuleRun): RuleRun {
  if (run === before || run.reports.length === 0 || before.reports.length === 0) return run;
  if (!run.byFile) return { reports: matchedReports(run.reports, before.reports) };
  const byFile = new Map<string, FindingInput[]>();
  for (const [file, reports] of run.byFile) {
    const earlier = before.byFile?.get(file);
    byFile.set(file, reports === earlier || !earlier ? reports : matchedReports(reports, earlier));
  }
  return { reports: flatten(byFile), byFile };
}

/**
 * `reports` with each one that equals a report of `earlier` replaced by that earlier object, each
 * earlier object standing for one report at most (two equal reports stay two objects). The
 * reports before and after the part an edit changed are matched in place, by comparing fields;
 * only the part between is matched by content keys.
 */
function matchedReports(reports: readonly FindingInput[], earlier: readonly FindingInput[]): FindingInput[] {
  const out = reports.slice();
  // An earlier object reported again as such keeps its place: no other report may take it.
  const present = new Set(reports);
  const takes = (input: FindingInput, old: FindingInput) => input === old || (!present.has(old) && sameReport(input, old));
  let head = 0;
  while (head < reports.length && head < earlier.length && takes(reports[head], earlier[head])) out[head] = earlier[head++];
  let tail = 0;
  while (tail < reports.length - head && tail < earlier.length - head && takes(reports[reports.length - 1 - tail], earlier[earlier.length - 1 - tail])) {
    out[reports.length - 1 - tail] = earlier[earlier.length - 1 - tail];
    tail++;
  }
  if (head + tail === reports.length) return out;
  const byKey = new Map<string, FindingInput[]>();
  for (let j = head; j < earlier.length - tail; j++) {
    const old = earlier[j];
    if (present.has(old)) continue;
    const key = reportKey(old);
    const list = byKey.get(key);
    if (list) list.push(old);
    else byKey.set(key, [old]);
  }
  if (byKey.size === 0) return out;
  const earlierObjects = new Set(earlier);
  for (let i = head; i < reports.length - tail; i++) {
    const input = reports[i];
    if (!earlierObjects.has(input)) out[i] = byKey.get(reportKey(input))?.shift() ?? input;
  }
  return out;
}

/** True when two reports say the same (what {@link reportKey} tells apart), compared field by field. */
function sameReport(a: FindingInput, b: FindingInput): boolean {
  return (
    a.file === b.file && sameRange(a.range, b.range) && a.severity === b.severity && a.message === b.message && sameData(a.data, b.data) && sameData(a.related, b.related) && sameData(a.tags, b.tags)
  );
}

/** True when two JSON-like values are equal as JSON (a field set to undefined counts as absent). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameData(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let fields = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    if (!sameData(left[key], right[key])) return false;
    fields++;
  }
  for (const key in right) if (right[key] !== undefined) fields--;
  return fields === 0;
}

/** What tells two reports apart: every field, as text (texts as JSON, so no field can pass for another). */
function reportKey(input: FindingInput): string {
  const { start, end } = input.range;
  const json = (value: unknown) => (value === undefined ? "" : JSON.stringify(value));
  return `${JSON.stringify(input.file)} ${start.line} ${start.character} ${end.line} ${end.character} ${input.severity ?? ""} ${JSON.stringify(input.message)} ${json(input.data)} ${json(input.related)} ${json(input.tags)}`;
}

function flatten(runs: Map<string, FindingInput[]>): FindingInput[] {
  const all: FindingInput[] = [];
  for (const reports of runs.values()) for (const r of reports) all.push(r);
  return all;
}

function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return a.length === b.length && a.every((rule, i) => rule === b[i]);
}

/**
 * What changed between the model and inputs of the previous check and this one. A list changed
 * when it is another array (`buildModel` keeps an unchanged list's array); `files` when one of the
 * files is another parse; the maps when an entry differs.
 */
class Changes {
  private readonly parts = new Map<RulePart, boolean>();
  private readonly files = new Map<ModelList, ReadonlySet<string> | undefined>();

  constructor(
    private readonly previous: RulesMemo,
    private readonly model: IsmsModel,
    private readonly inputs: RuleInputs,
  ) {}

  /** The model of the previous check. */
  get previousModel(): IsmsModel {
    return this.previous.model;
  }

  has(part: RulePart): boolean {
    let changed = this.parts.get(part);
    if (changed === undefined) this.parts.set(part, (changed = this.compute(part)));
    return changed;
  }

  private compute(part: RulePart): boolean {
    const before = this.previous.inputs;
    switch (part) {
      case "today":
        return before.today !== this.inputs.today;
      case "existingFiles":
        return before.existingFiles !== this.inputs.existingFiles;
      case "lineHistory":
        return !sameEntries(before.lineHistory, this.inputs.lineHistory);
      case "priorTexts":
        return !sameEntries(before.priorTexts, this.inputs.priorTexts);
      case "files": {
        const a = this.previous.model.files;
        const b = this.model.files;
        return a.length !== b.length || a.some((file, i) => file !== b[i]);
      }
      default:
        if (!(MERGED_LISTS as readonly string[]).includes(part)) throw new Error(`unknown model part ${part}`);
        return this.previous.model[part] !== this.model[part];
    }
  }

  /**
   * The files whose records of `list` differ between the two models (by identity: a re-converted
   * file's records are new objects). Undefined when the list changed with the same records (a new
   * methodology rates every risk again): then every record may read differently.
   */
  filesOf(list: ModelList): ReadonlySet<string> | undefined {
    if (this.files.has(list)) return this.files.get(list);
    const before = recordsByFile(this.previous.model, list);
    const after = recordsByFile(this.model, list);
    const files = new Set<string>();
    for (const [file, records] of after) {
      const earlier = before.get(file);
      if (earlier !== records && !sameItems(earlier, records)) files.add(file);
    }
    for (const file of before.keys()) if (!after.has(file)) files.add(file);
    const result = files.size > 0 ? files : undefined;
    this.files.set(list, result);
    return result;
  }

  /** The files whose line history differs. */
  historyFiles(): Set<string> {
    const a = this.previous.inputs.lineHistory ?? new Map<string, LineHistory>();
    const b = this.inputs.lineHistory ?? new Map<string, LineHistory>();
    const files = new Set<string>();
    for (const [file, history] of a) if (b.get(file) !== history) files.add(file);
    for (const [file, history] of b) if (a.get(file) !== history) files.add(file);
    return files;
  }
}

function sameEntries<V>(a: ReadonlyMap<string, V> | undefined, b: ReadonlyMap<string, V> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
