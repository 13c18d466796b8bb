import {
  checkParsed,
  checkSteps,
  finish,
  type CheckSteps,
  configuredSeverities,
  type CheckMemo,
  ruleById,
  type Finding,
  type IsmsModel,
  type LineHistory,
  type MutedFinding,
  type PriorTexts,
  type ParsedFile,
  type Range,
} from "../core";
import { groupByRoot } from "../core/workspace";
import { append } from "../core/append";
import type { RootSummary, SummaryTotals } from "@protocol";
import type { ResolvedSettings } from "./settings";

/** The result of checking one file, as the editor should show it. */
export interface FileCheck {
  /** The file's key (its URI in normal form; turn it into the client's URI with `keyToUri`). */
  key: string;
  /** Findings to show in this file. For a file whose latest text does not parse: its syntax findings only. */
  findings: Finding[];
  /** Version of the open document the findings belong to; `undefined` when the file is not open. */
  version?: number;
  /**
   * Set when the latest text of the file has syntax errors and the model (cross-file checks) uses
   * the last version of the file that parsed: the range of the first syntax error.
   */
  lastGoodRange?: Range;
}

/** The result of checking one group: an ISMS root, or the ISMS files of a folder that lie under no root. */
export interface GroupCheck {
  /** Stable id: the root key for a root; `orphans:<folder key>` for files under no root. */
  id: string;
  /** Root folder key; for the files under no root, the key of their workspace folder ("" when outside every folder). */
  root: string;
  isRoot: boolean;
  /** The model of the root (also built for files under no root, with only their documents). */
  model?: IsmsModel;
  /** Every ISMS file of the group, with what to show in it. */
  files: FileCheck[];
  /** What the check muted in the group's files (rules off or lowered, suppressions), for the readiness verdict. */
  muted?: MutedFinding[];
  settings: ResolvedSettings;
  summary: RootSummary;
  /** What the check keeps for the group's next check (see `CheckOptions.previous`). */
  memo?: CheckMemo;
}

/** What one check run changed. */
export interface ModelChangeEvent {
  /** Groups checked by this run. */
  changed: GroupCheck[];
  /** Groups that no longer exist (their last result). */
  removed: GroupCheck[];
  /** Files in no group any more (deleted, emptied of ISMS content, moved out): clear what they showed. */
  droppedFiles: string[];
}

/** A group of files checked together, before it is checked. */
export interface Group {
  /** See {@link GroupCheck.id}. */
  id: string;
  root: string;
  isRoot: boolean;
  /** URI whose settings apply (the workspace folder, else the root). */
  scopeUri: string | undefined;
  /** The parses the model uses (see `DocumentStore.modelParsed`). */
  files: ParsedFile[];
  keys: Set<string>;
  /** True when an editor has one of its files open (such groups are checked first). */
  hasOpen: boolean;
}

/** What grouping needs to know of the workspace. */
export interface GroupingContext {
  isOpen(key: string): boolean;
  /** The deepest workspace (or implicit) folder holding `key`: its key and URI. */
  folderOf(key: string): { key: string; uri: string } | undefined;
  /** The client's URI of a key. */
  toUri(key: string): string;
}

const ORPHANS = "orphans:";

/**
 * The groups of `parsed` (the model parses of every file): one per ISMS root (its ISMS files and
 * empty files), plus, per workspace folder, the ISMS files under no root. Non-ISMS YAML is in no group.
 */
export function groupFiles(parsed: ParsedFile[], ctx: GroupingContext): Map<string, Group> {
  const { roots, orphans } = groupByRoot(parsed);
  const groups = new Map<string, Group>();
  const add = (id: string, root: string, isRoot: boolean, scopeUri: string | undefined, file: ParsedFile) => {
    let group = groups.get(id);
    if (!group) {
      group = { id, root, isRoot, scopeUri, files: [], keys: new Set(), hasOpen: false };
      groups.set(id, group);
    }
    group.files.push(file);
    group.keys.add(file.file);
    if (ctx.isOpen(file.file)) group.hasOpen = true;
  };
  for (const [root, files] of roots) {
    const scope = ctx.folderOf(root)?.uri ?? ctx.toUri(root);
    for (const file of files) if (file.isIsms || file.empty) add(root, root, true, scope, file);
  }
  for (const file of orphans) {
    if (!file.isIsms) continue;
    const folder = ctx.folderOf(file.file);
    add(ORPHANS + (folder?.key ?? ""), folder?.key ?? "", false, folder?.uri ?? ctx.toUri(file.file), file);
  }
  return groups;
}

/**
 * True when a group must be checked: it is `forced`, was not checked before (`checkedKeys`
 * undefined), its files changed, or one of them is dirty.
 */
export function needsCheck(group: Group, checkedKeys: ReadonlySet<string> | undefined, forced: ReadonlySet<string>, dirtyFiles: ReadonlySet<string>): boolean {
  if (forced.has(group.id) || !checkedKeys || !sameSet(checkedKeys, group.keys)) return true;
  for (const key of group.keys) if (dirtyFiles.has(key)) return true;
  return false;
}

/** What checking needs to know of each file besides the group's parses. */
export interface FileStates {
  /** The parse of the file's latest text (which may differ from the group's when it does not parse). */
  current(key: string): ParsedFile | undefined;
  /** The open document's version; `undefined` when not open. */
  version(key: string): number | undefined;
  toUri(key: string): string;
}

/**
 * Checks one group with its settings. A file whose latest text has syntax errors while the model
 * uses its last good parse shows the syntax findings of its latest text and `lastGoodRange`.
 * `existingFiles`: the files listed under the group's root (keys), for the evidence check; absent
 * when not listed (the group is under no root), and then cited evidence is not looked up.
 * `lineHistory`: the git history of the files whose text it was read for (see {@link LineHistory});
 * `priorTexts`: earlier texts of them that a rule asked for (see {@link PriorTexts}).
 * `previous`: the memo of the group's last check, so that only what changed is built and checked again.
 * Throws what the engine throws (the caller keeps the previous result).
 */
export function checkGroup(...args: Parameters<typeof checkGroupSteps>): GroupCheck {
  return finish(checkGroupSteps(...args));
}

/** {@link checkGroup} in steps (see `CheckSteps`): the workspace index pauses between them to answer requests. */
export function* checkGroupSteps(
  group: Group,
  settings: ResolvedSettings,
  states: FileStates,
  existingFiles?: ReadonlySet<string>,
  lineHistory?: ReadonlyMap<string, LineHistory>,
  priorTexts?: PriorTexts,
  previous?: CheckMemo,
): CheckSteps<GroupCheck> {
  const listed = group.isRoot ? existingFiles : undefined;
  const result = yield* checkSteps(group.files, {
    today: settings.today,
    severities: settings.severities,
    existingFiles: listed ? new Map([[group.root, listed]]) : undefined,
    lineHistory,
    priorTexts,
    previous,
  });
  const model = result.models.find((m) => m.root === group.root) ?? result.models[0];
  const used = new Map(group.files.map((f) => [f.file, f]));
  const files: FileCheck[] = [];
  const muted: MutedFinding[] = [];
  for (const key of [...group.keys].sort()) {
    append(muted, result.byFile.get(key)?.muted ?? []);
    const current = states.current(key);
    const version = states.version(key);
    const usedParse = used.get(key);
    if (current && usedParse && current !== usedParse && current.problems.length > 0) {
      files.push({ key, findings: syntaxFindings(current, model, settings), version, lastGoodRange: firstProblem(current) });
    } else {
      files.push({ key, findings: (result.byFile.get(key)?.findings as Finding[] | undefined) ?? [], version });
    }
  }
  return { id: group.id, root: group.root, isRoot: group.isRoot, model, files, muted, settings, summary: groupSummary(group, files, settings, model, states.toUri), memo: result.memo };
}

/** The result shown for a group whose check failed and that has no previous result: nothing. */
export function emptyCheck(group: Group, settings: ResolvedSettings, toUri: (key: string) => string): GroupCheck {
  return { id: group.id, root: group.root, isRoot: group.isRoot, files: [], settings, summary: groupSummary(group, [], settings, undefined, toUri) };
}

/** The `yaml/syntax` findings of a file's latest text, with the root's severity settings. */
function syntaxFindings(current: ParsedFile, model: IsmsModel | undefined, settings: ResolvedSettings): Finding[] {
  const rule = ruleById("yaml/syntax");
  if (!rule) return [];
  const severities = Object.fromEntries(configuredSeverities(model, settings.severities));
  return checkParsed([current], { today: settings.today, severities, rules: [rule] }).findings.filter((f) => f.file === current.file);
}

/** The counts of a group's findings for the status bar and `isms/modelChanged`. */
export function groupSummary(group: Group, files: FileCheck[], settings: ResolvedSettings, model: IsmsModel | undefined, toUri: (key: string) => string): RootSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of files) {
    for (const f of file.findings) {
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
      else infos++;
    }
  }
  const organization = group.isRoot ? model?.isms?.organization?.value : undefined;
  return {
    root: group.root === "" ? "" : toUri(group.root),
    isRoot: group.isRoot,
    ...(typeof organization === "string" ? { organization } : {}),
    errors,
    warnings,
    infos,
    files: group.files.filter((f) => f.isIsms).length,
    today: settings.today,
  };
}

/** Sums of root summaries. */
export function totals(roots: readonly RootSummary[]): SummaryTotals {
  const sum: SummaryTotals = { errors: 0, warnings: 0, infos: 0, files: 0 };
  for (const r of roots) {
    sum.errors += r.errors;
    sum.warnings += r.warnings;
    sum.infos += r.infos;
    sum.files += r.files;
  }
  return sum;
}

/** Roots first, then by root key. */
export function compareGroups(a: GroupCheck, b: GroupCheck): number {
  return a.isRoot !== b.isRoot ? (a.isRoot ? -1 : 1) : a.root < b.root ? -1 : a.root > b.root ? 1 : 0;
}

function firstProblem(file: ParsedFile): Range | undefined {
  let first: Range | undefined;
  for (const p of file.problems) {
    if (!first || p.range.start.line < first.start.line || (p.range.start.line === first.start.line && p.range.start.character < first.start.character)) first = p.range;
  }
  return first;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
