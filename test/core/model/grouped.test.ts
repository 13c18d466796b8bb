// Lookups grouped per file chunk (model/grouped.ts): each key's records in model order, joined
// from the chunks on first use or merged whole once the lookups would cost more, and kept per
// chunk across an edit of another file.
import assert from "node:assert/strict";
import { CATALOG_2022, buildModel, parseFile, type IsmsModel, type ParsedFile } from "../../../server/src/core";
import { grouped } from "../../../server/src/core/model/grouped";
import { reparseFile } from "../../../server/src/core/parse/incremental-parse";
import type { Risk } from "../../../server/src/core/model/types";

const OWNERS = ["p-1", "p-2", "p-3", "p-4"];

/** Three registers of risks whose owners and controls interleave across the files. */
function registers(): ParsedFile[] {
  const files = [parseFile("isms.yaml", "apiVersion: isms/v1\nkind: ISMS\nname: Test\n")];
  for (let f = 0; f < 3; f++) {
    const risks = Array.from({ length: 6 }, (_, i) => {
      const owner = OWNERS[(f + i) % OWNERS.length];
      // A risk naming a control twice is listed once under it.
      const controls = i % 3 === 0 ? "[A.5.1, A.5.1]" : `[A.8.${i}]`;
      return `  - id: R-${f}-${i}\n    title: Risk ${f}-${i}\n    owner: ${owner}\n    controls: ${controls}\n`;
    });
    files.push(parseFile(`risks/register-${f}.yaml`, `apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n${risks.join("")}`));
  }
  return files;
}

const byOwner = (model: IsmsModel) => grouped(model, "risks", "byOwner", (risk: Risk) => (risk.owner ? [risk.owner.id] : []));
const byControl = (model: IsmsModel) => grouped(model, "risks", "byControl", (risk: Risk) => risk.controls.map((c) => c.id));

/** What a lookup must give: the model's risks under the key, in model order, each once. */
function expected(model: IsmsModel, keysOf: (risk: Risk) => string[], key: string): Risk[] | undefined {
  const risks = model.risks.filter((r) => keysOf(r).includes(key));
  return risks.length > 0 ? risks : undefined;
}

describe("grouped lookups over file chunks", () => {
  it("gives each key's records in model order across files, each once, before and after the chunks are merged whole", () => {
    const model = buildModel("", registers(), CATALOG_2022);
    const owners = byOwner(model);
    assert.equal(byOwner(model), owners, "one lookup per model and name");
    // 18 risks in 3 chunks: after 6 keys joined chunk by chunk, the lookup merges every chunk.
    const keys = [...OWNERS, "p-none", "p-x", "p-y", "p-z", ...OWNERS];
    for (const key of keys) {
      assert.deepEqual(
        owners.get(key)?.map((r) => r.id?.value),
        expected(model, (r) => (r.owner ? [r.owner.id] : []), key)?.map((r) => r.id?.value),
        key,
      );
    }
    const controls = byControl(model);
    for (const key of ["A.5.1", "A.8.1", "A.8.2", "A.8.4", "A.8.5", "A.5.2"]) {
      const ids = controls.get(key)?.map((r) => r.id?.value);
      assert.deepEqual(
        ids,
        expected(model, (r) => r.controls.map((c) => c.id), key)?.map((r) => r.id?.value),
        key,
      );
      assert.equal(new Set(ids).size, ids?.length ?? 0, `${key}: each risk once`);
    }
  });

  it("after an edit in one register, groups only that register again and gives the new records", () => {
    const files = registers();
    const first = buildModel("", files, CATALOG_2022);
    const before = byOwner(first).get("p-2")!;
    const edited = files.slice();
    edited[2] = reparseFile(files[2], files[2].text.replace("owner: p-2", "owner: p-9"));
    const second = buildModel("", edited, CATALOG_2022, first);
    const after = byOwner(second);
    assert.deepEqual(
      after.get("p-9")?.map((r) => r.id?.value),
      expected(second, (r) => (r.owner ? [r.owner.id] : []), "p-9")?.map((r) => r.id?.value),
    );
    assert.deepEqual(
      after.get("p-2")?.map((r) => r.id?.value),
      before.map((r) => r.id?.value).filter((id) => id !== second.risks.find((r) => r.owner?.id === "p-9")?.id?.value),
    );
    // The untouched registers' risks are the same objects in both models.
    const untouched = second.risks.filter((r) => r.file !== "risks/register-1.yaml");
    for (const risk of untouched) assert.ok(first.risks.includes(risk), `${risk.id?.value} kept`);
  });

  it("keeps a kind's array of ids when an edit of its records leaves the ids as they were", () => {
    const files = registers();
    const first = buildModel("", files, CATALOG_2022);
    const ids = first.index.ids("risk");
    const owner = files.slice();
    owner[1] = reparseFile(files[1], files[1].text.replace("owner: p-2", "owner: p-9"));
    const second = buildModel("", owner, CATALOG_2022, first);
    assert.notEqual(second.risks, first.risks, "the risks were merged again");
    assert.equal(second.index.ids("risk"), ids, "same ids, same array");
    const renamed = owner.slice();
    renamed[1] = reparseFile(owner[1], owner[1].text.replace("id: R-0-1\n", "id: R-0-1b\n"));
    const third = buildModel("", renamed, CATALOG_2022, second);
    assert.notEqual(third.index.ids("risk"), ids);
    assert.ok(third.index.ids("risk").includes("R-0-1b") && !third.index.ids("risk").includes("R-0-1"));
  });
});
