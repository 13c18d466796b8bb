import { isScalar, isSeq, type Node } from "yaml";
import type { FixProvider } from "../../fixes/types";
import type { SoaEntry, StatementOfApplicability } from "../../model/types";
import {
  addDocument,
  columnOf,
  containsRange,
  contentEnd,
  entryLines,
  entryShape,
  inQuoteStyleOf,
  insertLinesAfter,
  itemLineStart,
  nextLineStart,
  pairEnd,
  pairOf,
  rootFile,
  WorkspaceEditor,
  type EntryShape,
  type FileEditor,
} from "../../yaml-edit";
import type { MissingControlData } from "./missing-control";

/**
 * `soa/missing-control`: "Add N missing Annex A controls to the Statement of Applicability".
 *
 * Each missing control gets an entry holding only `control: A.x.y`, at its place in catalog
 * order: after the entry of the closest preceding control present (or before the closest
 * following one when that one starts the control's theme, so theme header comments stay on top),
 * shaped like its neighbour (block or flow mapping, indentation, dash spacing, quoting of the id,
 * blank lines between entries). The fix does not decide applicability: `applicable` and
 * `justification` are left for the user, and `soa/missing-justification` then asks for both on
 * each new entry, where the decision belongs (6.1.3 d).
 *
 * With no SoA at all (`data.noStatement`), creates `soa.yaml` in the root folder with an entry
 * for every control.
 */
export const fixes: FixProvider<MissingControlData> = (finding, context) => {
  const { model } = context;
  const catalog = model.catalog;
  const present = new Set(model.soaEntries.flatMap((e) => (e.control ? [e.control.id] : [])));
  const missing = finding.data.missing.filter((id) => !present.has(id) && catalog.orderOf(id) >= 0).sort((a, b) => catalog.orderOf(a) - catalog.orderOf(b));
  if (missing.length === 0) return [];
  const ws = new WorkspaceEditor(context);

  if (model.statements.length === 0) {
    const eol = ws.file(finding.file)?.eol ?? "\n";
    const lines = ["apiVersion: isms/v1", "kind: StatementOfApplicability", "controls:", ...missing.map((id) => `  - control: ${id}`)];
    addDocument(ws, rootFile(model, "soa.yaml"), lines, eol);
    const edit = ws.build();
    return edit ? [{ title: `Create a Statement of Applicability listing the ${missing.length} Annex A controls`, ruleId: finding.rule, isPreferred: true, edit }] : [];
  }

  const statement = model.statements.find((s) => s.file === finding.file && containsRange(s.range, finding.range)) ?? model.statements[0];
  const ed = ws.file(statement.file);
  if (!ed) return [];
  insertEntries(
    ed,
    statement,
    missing,
    (id) => catalog.orderOf(id),
    (id) => id.split(".").slice(0, 2).join("."),
  );
  const edit = ws.build();
  const title =
    missing.length === 1 ? `Add missing Annex A control ${missing[0]} to the Statement of Applicability` : `Add ${missing.length} missing Annex A controls to the Statement of Applicability`;
  return edit ? [{ title, ruleId: finding.rule, isPreferred: true, edit }] : [];
};

/** One insertion point: new entries go at `offset` (a line start, or the end of a file without final line break). */
interface Slot {
  offset: number;
  /** Insert `eol` first (the anchor line is the file's last and has no line break). */
  eolFirst: boolean;
  entries: { order: number; lines: string[]; after: boolean }[];
}

function insertEntries(ed: FileEditor, statement: StatementOfApplicability, missing: string[], orderOf: (id: string) => number, themeOf: (id: string) => string): void {
  const text = ed.text;
  const pair = pairOf(statement.node, "controls");
  const seq = isSeq(pair?.value) ? pair.value : undefined;
  const items = new Set<unknown>(seq?.items ?? []);
  const entries = statement.entries.filter((e): e is SoaEntry & { control: NonNullable<SoaEntry["control"]> } => !!e.control && orderOf(e.control.id) >= 0 && items.has(e.node));

  if (!seq || entries.length === 0 || seq.flow) {
    insertIntoEmptyOrFlow(ed, statement, missing);
    return;
  }

  const slots = new Map<number, Slot>();
  const slotAt = (offset: number | undefined): Slot => {
    const key = offset ?? text.length;
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { offset: key, eolFirst: offset === undefined, entries: [] }));
    return slot;
  };

  for (const id of missing) {
    const order = orderOf(id);
    let prev: (typeof entries)[number] | undefined;
    let next: (typeof entries)[number] | undefined;
    for (const e of entries) {
      const o = orderOf(e.control.id);
      if (o < order && (!prev || o > orderOf(prev.control.id))) prev = e;
      if (o > order && (!next || o < orderOf(next.control.id))) next = e;
    }
    const theme = themeOf(id);
    const before = next !== undefined && (prev === undefined || (themeOf(prev.control.id) !== theme && themeOf(next.control.id) === theme));
    const neighbour = before ? next! : prev!;
    const shape = entryShape(text, seq, neighbour.node, 2);
    const lines = entryLines(shape, [["control", controlText(text, neighbour, id)]]);
    if (before) {
      slotAt(itemLineStart(text, neighbour.node)).entries.push({ order, lines: shape.blankLine ? [...lines, ""] : lines, after: false });
    } else {
      slotAt(nextLineStart(text, contentEnd(text, neighbour.node))).entries.push({ order, lines: shape.blankLine ? ["", ...lines] : lines, after: true });
    }
  }

  for (const slot of slots.values()) {
    const lines = slot.entries.sort((a, b) => a.order - b.order).flatMap((e) => e.lines);
    ed.insert(slot.offset, slot.eolFirst ? ed.eol + lines.join(ed.eol) : lines.map((l) => l + ed.eol).join(""));
  }
}

/** The control id written like the neighbour's (`A.5.2`, `"A.5.2"` or `'A.5.2'`). */
function controlText(text: string, neighbour: SoaEntry, id: string): string {
  const node = neighbour.node.get("control", true) as Node | undefined;
  if (!isScalar(node) || !node.range) return id;
  return inQuoteStyleOf(text.slice(node.range[0], node.range[1]), id);
}

/**
 * `controls: [...]` in flow style, `controls: []`, `controls:` with no value, or no `controls`
 * key: flow lists get `{ control: … }` items appended; otherwise block entries are written
 * below the key (added after the document's last line when absent).
 */
function insertIntoEmptyOrFlow(ed: FileEditor, statement: StatementOfApplicability, missing: string[]): void {
  const text = ed.text;
  const root = statement.node;
  const pair = pairOf(root, "controls");
  const value = pair?.value;
  if (isSeq(value) && value.flow && value.items.length > 0) {
    const last = value.items[value.items.length - 1] as Node;
    ed.insert(contentEnd(text, last), missing.map((id) => `, { control: ${id} }`).join(""));
    return;
  }
  const keyCol = columnOf(text, (root.items[0]?.key as Node | undefined)?.range?.[0] ?? 0);
  const shape: EntryShape = entryShape(text, undefined, undefined, keyCol + 2);
  const lines = missing.flatMap((id) => entryLines(shape, [["control", id]]));
  if (!pair) {
    insertLinesAfter(ed, contentEnd(text, root), [`${" ".repeat(keyCol)}controls:`, ...lines]);
    return;
  }
  if (isSeq(value) && value.range) {
    const colon = text.indexOf(":", (pair.key as Node).range?.[1] ?? 0) + 1;
    ed.replace(colon, value.range[1], "");
    insertLinesAfter(ed, value.range[1], lines);
    return;
  }
  insertLinesAfter(ed, pairEnd(text, pair), lines);
}
