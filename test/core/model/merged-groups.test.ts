// A merge of the file chunks' groupings patched after an edit (model/merged-groups.ts) gives what a
// whole merge gives: each key's records in chunk order, and every key in the order of its first record.
import assert from "node:assert/strict";
import { MergedGroups, mergeGroups } from "../../../server/src/core/model/merged-groups";
import { Random } from "../../fuzz/random";
import { groupByFile } from "../../../server/src/core/group-by-file";

type Rec = { file: string; n: number };

/** A chunk's grouping by key: records are grouped as files are, by their `file` field (here the key). */
const grouping = (chunk: readonly Rec[]): Map<string, Rec[]> => groupByFile(chunk);

describe("merged groups patched after an edit", () => {
  it("equals a whole merge after each of 400 random edits of one to three chunks, and keeps its key set exactly while the keys are the same in the same order", () => {
    const random = new Random(20261203);
    let serial = 0;
    const record = (key: string): Rec => ({ file: key, n: serial++ });
    const keyOf = () => `K-${random.int(60)}`;
    let chunks: Rec[][] = Array.from({ length: 8 }, () => Array.from({ length: 12 }, () => record(keyOf())));
    let groups = chunks.map(grouping);
    let merged = MergedGroups.merge(groups);
    let patched = 0;
    for (let step = 0; step < 400; step++) {
      const before = merged;
      const beforeKeys = [...before.keys()];
      chunks = chunks.slice();
      groups = groups.slice();
      for (let edits = 1 + random.int(3); edits > 0; edits--) {
        const i = random.int(chunks.length);
        const chunk = chunks[i].slice();
        const at = random.int(chunk.length + 1);
        const kind = random.int(5);
        if (kind === 0)
          chunk.splice(at, 0, record(keyOf())); // a record added
        else if (kind === 1 && chunk.length > 1)
          chunk.splice(Math.min(at, chunk.length - 1), 1); // removed
        else if (kind === 2)
          chunk[Math.min(at, chunk.length - 1)] = record(chunk[Math.min(at, chunk.length - 1)].file); // re-read, same key
        else if (kind === 3) chunk[Math.min(at, chunk.length - 1)] = record(keyOf()); // key changed
        // kind 4: the chunk grouped again with the same records
        chunks[i] = chunk;
        groups[i] = grouping(chunk);
      }
      if (before.patchable(groups)) patched++;
      merged = before.next(groups);
      const whole = mergeGroups(groups);
      const keys = [...merged.keys()];
      assert.deepEqual(keys, [...whole.keys()], `step ${step}: keys in order`);
      for (const key of [...keys, "K-none"])
        assert.deepEqual(
          merged.get(key)?.map((r) => r.n),
          whole.get(key)?.map((r) => r.n),
          `step ${step}: ${key}`,
        );
      assert.deepEqual(
        merged.keysWithSeveral(),
        keys.filter((k) => whole.get(k)!.length > 1),
        `step ${step}: keys with several records`,
      );
      if (merged.changedKeys) for (const key of [...beforeKeys, ...keys]) if (!merged.changedKeys.has(key)) assert.equal(merged.get(key), before.get(key), `step ${step}: ${key} unchanged`);
      const sameKeys = keys.length === beforeKeys.length && keys.every((k, i) => k === beforeKeys[i]);
      if (merged.keySet === before.keySet) assert.ok(sameKeys, `step ${step}: a shared key set means the same keys`);
    }
    assert.ok(patched > 300, `most edits were patches (${patched})`);
  });

  it("merges whole when many chunks changed or their number did", () => {
    const chunks = Array.from({ length: 10 }, (_, c) => grouping([{ file: `K-${c}`, n: c }]));
    const merged = MergedGroups.merge(chunks);
    const many = chunks.map((g, i) => (i < 6 ? new Map(g) : g));
    assert.equal(merged.patchable(many), false);
    assert.equal(merged.patchable(chunks.slice(1)), false);
    assert.equal(merged.next(chunks).keySet, merged.keySet, "nothing changed: the same keys");
    assert.deepEqual([...merged.next(many).keys()], [...mergeGroups(many).keys()]);
  });
});
