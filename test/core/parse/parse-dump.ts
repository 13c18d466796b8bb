// A plain-data picture of a ParsedFile (every YAML node with its offsets, comments and value),
// so that two parses of one text can be compared with deepStrictEqual.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { ParsedFile } from "../../../server/src/core/parse/parsed-file";

export function dumpParsedFile(p: ParsedFile): unknown {
  return {
    file: p.file,
    text: p.text,
    lineCount: p.lines.lineCount,
    isIsms: p.isIsms,
    unreadable: p.unreadable,
    empty: p.empty,
    problems: p.problems,
    ismsDocuments: p.ismsDocuments.map((d) => d.index),
    documents: p.documents.map((d) => ({
      index: d.index,
      kind: d.kind,
      kindRange: d.kindRange,
      range: d.range,
      hasErrors: d.hasErrors,
      rootIsContents: d.root === d.doc.contents,
      docRange: d.doc.range ? [...d.doc.range] : undefined,
      commentBefore: d.doc.commentBefore,
      comment: d.doc.comment,
      errors: d.doc.errors.map((e) => [e.code, e.pos]),
      warnings: d.doc.warnings.map((e) => [e.code, e.pos]),
      contents: dumpNode(d.doc.contents as Node | null),
      json: d.doc.errors.length === 0 ? json(d.doc) : undefined,
    })),
  };
}

function json(doc: Document): string {
  return attempt(() => JSON.stringify(doc.toJS({ maxAliasCount: -1, mapAsMap: true }), (_k, v: unknown) => (v instanceof Map ? [...v] : v)));
}

function attempt(f: () => string): string {
  try {
    return f();
  } catch (error) {
    return `failed: ${String(error)}`;
  }
}

function dumpNode(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { pair: [dumpNode(node.key), dumpNode(node.value)] };
  const n = node as Node & { spaceBefore?: boolean; flow?: boolean; format?: string; type?: string; source?: string };
  const common = {
    class: n.constructor.name,
    range: n.range ? [...n.range] : undefined,
    comment: n.comment,
    commentBefore: n.commentBefore,
    spaceBefore: n.spaceBefore,
    tag: n.tag,
    anchor: n.anchor,
  };
  if (isScalar(n)) return { ...common, value: typeof n.value === "symbol" ? String(n.value) : n.value, type: n.type, source: n.source, format: n.format };
  if (isAlias(n)) return { ...common, source: n.source };
  if (isMap(n) || isSeq(n)) return { ...common, flow: n.flow, items: (n.items as unknown[]).map(dumpNode) };
  return { ...common, unknown: true };
}
