import { isMap, isSeq, type Node } from "yaml";
import type { IsmsModel } from "../model/isms-model";
import type { WorkspaceEditor } from "./editor";
import { mainDocument, rootFile } from "./records";
import { appendToFlow, columnOf, contentEnd, entryLines, entryShape, insertLinesAfter, pairEnd, pairOf, yamlString } from "./node-edits";

/** A document that receives a new record: its root mapping and the list under the record's key. */
export type AppendTarget = NonNullable<ReturnType<typeof mainDocument>>;

/**
 * A new record: `[key, YAML source of the value]` pairs in the order they are written,
 * `[key, text, "text"]` for free text that is quoted only when the record's style needs it, or
 * `[key, pairs, "map"]` for a nested mapping (block below its key, or `{ … }` in flow style).
 */
export type RecordPairs = ([string, string] | [string, string, "text"] | [string, RecordPairs, "map"])[];

/**
 * The pairs as YAML sources, free texts quoted for flow or block style. A nested mapping in block
 * style is `"\n"` followed by its lines, indented relative to its key (see `entryLines`).
 */
function sources(pairs: RecordPairs, inFlow: boolean): [string, string][] {
  return pairs.map((pair): [string, string] => {
    if (pair.length === 3 && pair[2] === "map") return [pair[0], mapSource(pair[1], inFlow)];
    const [key, value, kind] = pair as [string, string, "text"?];
    return [key, kind === "text" ? yamlString(value, inFlow) : value];
  });
}

function mapSource(pairs: RecordPairs, inFlow: boolean): string {
  const inner = sources(pairs, inFlow);
  if (inFlow) return `{ ${inner.map(([k, v]) => `${k}: ${v}`).join(", ")} }`;
  const lines = inner.flatMap(([k, v]) =>
    v.startsWith("\n")
      ? [
          `  ${k}:`,
          ...v
            .slice(1)
            .split("\n")
            .map((l) => `  ${l}`),
        ]
      : [`  ${k}: ${v}`],
  );
  return `\n${lines.join("\n")}`;
}

/**
 * Appends a record to the list `listKey` of the main document of `kind` under the model's root
 * (the one with the most records), shaped like the last existing record. With no such document,
 * creates `fileName` in the root folder (or, if a file of that name exists, appends a new
 * `---` document to it). Returns the key of the file that receives the record.
 *
 * @param eol  the line ending for a created file (the one of the file the fix starts from)
 * @param target  the document to append to, when not the main one (a review goes beside the latest review)
 */
export function appendRecord(
  ws: WorkspaceEditor,
  model: IsmsModel,
  kind: string,
  listKey: string,
  fileName: string,
  pairs: RecordPairs,
  eol: string,
  target: AppendTarget | undefined = mainDocument(model, kind, listKey),
): string {
  if (target) {
    const ed = ws.file(target.doc.file);
    if (!ed) throw new Error(`no file ${target.doc.file}`);
    const list = target.list;
    const last = list?.items[list.items.length - 1] as Node | undefined;
    if (list && last) {
      if (list.flow) {
        appendToFlow(ed, list, [
          `{ ${sources(pairs, true)
            .map(([k, v]) => `${k}: ${v}`)
            .join(", ")} }`,
        ]);
      } else {
        const shape = entryShape(ed.text, list, [...list.items].reverse().find((i) => isMap(i)) as Node | undefined, 2);
        const lines = entryLines(shape, sources(pairs, shape.flow));
        insertLinesAfter(ed, contentEnd(ed.text, last), shape.blankLine ? ["", ...lines] : lines);
      }
      return ed.key;
    }
    const root = target.root;
    const keyCol = columnOf(ed.text, (root.items[0]?.key as Node | undefined)?.range?.[0] ?? 0);
    const lines = entryLines(entryShape(ed.text, undefined, undefined, keyCol + 2), sources(pairs, false));
    const pair = pairOf(root, listKey);
    if (!pair) {
      insertLinesAfter(ed, contentEnd(ed.text, root), [`${" ".repeat(keyCol)}${listKey}:`, ...lines]);
    } else if (isSeq(pair.value) && pair.value.range) {
      // `actions: []`: drop the empty brackets, write block entries below the key.
      const colon = ed.text.indexOf(":", (pair.key as Node).range?.[1] ?? 0) + 1;
      ed.replace(colon, pair.value.range[1], "");
      insertLinesAfter(ed, pair.value.range[1], lines);
    } else {
      insertLinesAfter(ed, pairEnd(ed.text, pair), lines);
    }
    return ed.key;
  }

  const body = [`apiVersion: isms/v1`, `kind: ${kind}`, `${listKey}:`, ...entryLines(entryShape("", undefined, undefined, 2), sources(pairs, false))];
  return addDocument(ws, rootFile(model, fileName), body, eol);
}

/** Creates `key` with the document `lines`, or appends them as a new `---` document when the file exists. */
export function addDocument(ws: WorkspaceEditor, key: string, lines: string[], eol: string): string {
  const existing = ws.exists(key) ? ws.file(key) : undefined;
  if (existing) {
    const text = existing.text;
    const sep = text === "" || text.endsWith("\n") ? "" : existing.eol;
    existing.insert(text.length, sep + ["---", ...lines].join(existing.eol) + existing.eol);
    return key;
  }
  ws.create(key, lines.join(eol) + eol);
  return key;
}
