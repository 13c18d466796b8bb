import * as assert from "node:assert/strict";
import { isAlias, isMap, isScalar, parseDocument, visit, type Alias, type Document, type Node } from "yaml";
import { anchorIndex, buildAnchorIndex, resolveAlias } from "../../../server/src/core/model/yaml-anchors";

function aliasesOf(doc: Document): Alias[] {
  const out: Alias[] = [];
  visit(doc, { Alias: (_k, a) => void out.push(a) });
  return out;
}

/** What each alias resolves to, as text: the scalar's value, or the first key of a mapping. */
function resolved(text: string): string[] {
  const doc = parseDocument(text, { merge: true });
  return aliasesOf(doc).map((a) => {
    const n: Node | undefined = resolveAlias(doc, a);
    if (isScalar(n)) return `*${a.source}=${String(n.value)}`;
    if (isMap(n)) return `*${a.source}={${n.items.map((p) => String((p.key as { value: unknown }).value)).join(",")}}`;
    return `*${a.source}=${n === undefined ? "none" : "other"}`;
  });
}

describe("YAML anchor index", () => {
  it("resolves each alias to the closest anchor before it, like the yaml library", () => {
    const text = "a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: *y\nf: &m {k: *x, j: &x 3, i: *x}\ng: [*m, *x]\n";
    assert.deepEqual(resolved(text), ["*x=1", "*x=2", "*y=none", "*x=2", "*x=3", "*m={k,j,i}", "*x=3"]);
    // The same answers as Alias.resolve, which walks the whole document on every call.
    const doc = parseDocument(text);
    for (const alias of aliasesOf(doc)) assert.equal(resolveAlias(doc, alias), alias.resolve(doc));
  });

  it("counts nodes as written and as expanded, linearly however far they expand", () => {
    const flat = buildAnchorIndex(parseDocument("d: &d {a: 1, b: 2}\nr: [{<<: *d}, {<<: *d}, {<<: *d}]\n", { merge: true }));
    // Written: root, d, its map (5), r, its seq, 3 maps of 2 nodes = 1 + 2 + 4 + 1 + 1 + 3 * 3 = 18.
    assert.deepEqual([flat.written, flat.expanded, flat.circular], [18, 18 + 3 * 4, undefined]);
    let laughs = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (let i = 1; i <= 30; i++)
      laughs += `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(", ")}]\n`;
    const bomb = buildAnchorIndex(parseDocument(laughs));
    assert.equal(bomb.written, 1 + 31 * 12);
    assert.ok(bomb.expanded > 1e30);
  });

  it("finds the first alias inside the node its anchor names", () => {
    const index = buildAnchorIndex(parseDocument("ok: &a [1]\nloop: &l [1, {x: *a, y: *l}]\n"));
    assert.equal(index.expanded, Infinity);
    assert.equal(index.circular?.source, "l");
  });

  it("is built once per document, and again when the document gained an alias since", () => {
    const doc = parseDocument("a: &x 1\nb: *x\n");
    const first = anchorIndex(doc);
    assert.equal(anchorIndex(doc), first);
    const added = doc.createAlias(doc.get("a", true) as never, "x");
    doc.set("c", added);
    assert.ok(isAlias(added));
    assert.ok(isScalar(resolveAlias(doc, added)));
    assert.notEqual(anchorIndex(doc), first);
  });
});
