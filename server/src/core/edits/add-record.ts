import { isMap, isSeq, type Node } from "yaml";
import { isLocalDate, type LocalDate } from "../dates";
import { appendRecord, lineEndingOf, nextId, WorkspaceEditor, yamlString, type EditContext, type FixEdit, type RecordPairs } from "../yaml-edit";
import type { IsmsModel } from "../model/isms-model";
import { parseFile } from "../parse/parsed-file";
import type { Range } from "../text/range";
import { applyTextEdits } from "./apply-text-edits";

/** Risk treatment options a new risk may name (27005's modify/retain/share are accepted too). */
export const TREATMENT_OPTIONS = ["mitigate", "accept", "avoid", "transfer", "modify", "retain", "share"] as const;
/** Why an action exists. */
export const ACTION_TYPES = ["treatment", "corrective", "improvement"] as const;
/** The states of an action. */
export const ACTION_STATUSES = ["open", "in-progress", "done", "cancelled"] as const;

/** What the "Add Risk" form gives: only `title` is required. */
export interface NewRisk {
  title: string;
  /** Risk owner: a person id of `isms.yaml` `people`. */
  owner?: string;
  /** Levels of the methodology's likelihood and impact scales. */
  likelihood?: number;
  impact?: number;
  /** One of {@link TREATMENT_OPTIONS}. */
  treatment?: string;
}

/** What the "Add Action" form gives: only `title` is required. */
export interface NewAction {
  title: string;
  /** One of {@link ACTION_TYPES}. */
  type?: string;
  owner?: string;
  /** Due date, `YYYY-MM-DD`. */
  due?: string;
  /** One of {@link ACTION_STATUSES}; default `open`. */
  status?: string;
  /** The risk, nonconformity, finding, review or objective the action answers (its id). */
  source?: string;
}

/** A record to add to the ISMS. */
export type NewRecord = { kind: "risk"; fields: NewRisk } | { kind: "action"; fields: NewAction };

/** The result of {@link addRecord}. */
export interface AddedRecord {
  /** The id given to the new record (the next free one in the existing numbering). */
  id: string;
  /** Key of the file that receives the record (created when it is in `edit.createFiles`). */
  file: string;
  /** The minimal edit: an insertion into one file, or the creation of one. */
  edit: FixEdit;
  /** Range of the new record's mapping in the file's text after the edit. */
  range: Range;
}

/** A field of the new record is not acceptable; the message names the field and says why. */
export class InvalidRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRecordError";
  }
}

/** Where each kind of record goes: the document kind, its list, the file created when none exists, the first id. */
const TARGET = {
  risk: { kind: "RiskRegister", listKey: "risks", fileName: "risks.yaml", firstId: "R-001" },
  action: { kind: "ActionPlan", listKey: "actions", fileName: "actions.yaml", firstId: "ACT-001" },
} as const;

const ID = /^[A-Za-z0-9._:-]+$/;

/**
 * Appends a new risk or action to the ISMS of `context.model`, as a minimal text edit: into the
 * RiskRegister / ActionPlan document with the most records, shaped like its last record (block or
 * flow style, indentation, blank lines between records, the file's line endings; comments stay
 * untouched), with the next free id of the existing numbering (`R-024` → `R-025`). With no such
 * document, creates `risks.yaml` / `actions.yaml` in the root folder. A rated risk gets
 * `reviewed: <today>`; an action gets `status: open` unless told otherwise.
 *
 * @throws InvalidRecordError when a field is not acceptable (empty title, unknown level, bad date …)
 */
export function addRecord(context: EditContext & { today: LocalDate }, record: NewRecord): AddedRecord {
  const { model, today } = context;
  const target = TARGET[record.kind];
  const existing = (record.kind === "risk" ? model.risks : model.actions).flatMap((r) => (r.id ? [r.id.value] : []));
  const id = nextId(existing, target.firstId);
  const pairs = record.kind === "risk" ? riskPairs(model, id, record.fields, today) : actionPairs(id, record.fields);

  const ws = new WorkspaceEditor(context);
  const file = appendRecord(ws, model, target.kind, target.listKey, target.fileName, pairs, rootLineEnding(context));
  const edit = ws.build();
  if (!edit) throw new Error("the record produced no edit");

  const before = edit.createFiles?.includes(file) ? "" : (ws.file(file)?.text ?? "");
  const after = applyTextEdits(before, edit.changes[file] ?? []);
  const range = recordRange(file, after, target.kind, target.listKey, id);
  if (!range) throw new Error(`the new record ${id} is not found in ${file} after the edit`);
  return { id, file, edit, range };
}

function riskPairs(model: IsmsModel, id: string, f: NewRisk, today: LocalDate): RecordPairs {
  const pairs: RecordPairs = [
    ["id", yamlString(id)],
    ["title", title(f.title), "text"],
  ];
  if (f.owner) pairs.push(["owner", reference("owner", f.owner)]);
  if (f.likelihood !== undefined) pairs.push(["likelihood", String(level(model, "likelihood", f.likelihood))]);
  if (f.impact !== undefined) pairs.push(["impact", String(level(model, "impact", f.impact))]);
  if (f.treatment) pairs.push(["treatment", oneOf("treatment", f.treatment, TREATMENT_OPTIONS)]);
  if (f.likelihood !== undefined && f.impact !== undefined) pairs.push(["reviewed", today]);
  return pairs;
}

function actionPairs(id: string, f: NewAction): RecordPairs {
  const pairs: RecordPairs = [
    ["id", yamlString(id)],
    ["title", title(f.title), "text"],
  ];
  if (f.type) pairs.push(["type", oneOf("type", f.type, ACTION_TYPES)]);
  if (f.source) pairs.push(["source", reference("source", f.source)]);
  if (f.owner) pairs.push(["owner", reference("owner", f.owner)]);
  if (f.due) {
    if (!isLocalDate(f.due)) throw new InvalidRecordError(`due: "${f.due}" is not a date (YYYY-MM-DD)`);
    pairs.push(["due", f.due]);
  }
  pairs.push(["status", oneOf("status", f.status ?? "open", ACTION_STATUSES)]);
  return pairs;
}

function title(value: string): string {
  const t = String(value ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (t === "") throw new InvalidRecordError("title: a title is required");
  return t;
}

function reference(field: string, value: string): string {
  if (!ID.test(value)) throw new InvalidRecordError(`${field}: "${value}" is not an id (letters, digits and . _ : - only)`);
  return yamlString(value);
}

function oneOf(field: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new InvalidRecordError(`${field}: "${value}" is not one of ${allowed.join(", ")}`);
  return value;
}

/** A level of the methodology's scale (any positive integer when the ISMS has no methodology). */
function level(model: IsmsModel, scale: "likelihood" | "impact", value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new InvalidRecordError(`${scale}: ${value} is not a level (an integer from 1)`);
  const levels = model.methodology?.[scale] ?? [];
  if (levels.length > 0 && !levels.some((l) => l.level === value)) {
    throw new InvalidRecordError(`${scale}: ${value} is not a level of the methodology's scale (${levels.map((l) => l.level).join(", ")})`);
  }
  return value;
}

/** The line ending of the root's isms.yaml, for a created file. */
export function rootLineEnding(context: EditContext): string {
  const isms = context.model.isms;
  const text = isms ? (context.files(isms.file) ?? context.model.files.find((f) => f.file === isms.file))?.text : undefined;
  return text === undefined ? "\n" : lineEndingOf(text);
}

/** The range of the record `id` in the list `listKey` of a `kind` document of `text`. */
export function recordRange(file: string, text: string, kind: string, listKey: string, id: string): Range | undefined {
  const parsed = parseFile(file, text);
  for (const doc of parsed.documents) {
    if (doc.kind !== kind || !doc.root) continue;
    const list = doc.root.get(listKey, true);
    if (!isSeq(list)) continue;
    for (const item of list.items as Node[]) {
      if (isMap(item) && item.range && String(item.get("id")) === id) {
        let end = item.range[1];
        while (end > item.range[0] && /\s/.test(text[end - 1])) end--;
        return parsed.lines.rangeOf(item.range[0], end);
      }
    }
  }
  return undefined;
}
