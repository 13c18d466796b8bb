import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { transformSync } from "esbuild";
import { parseDocument } from "yaml";
import { validatorsModuleSource } from "../../scripts/validators-module";
import { compiledValidators } from "../../server/src/core/schema/validators";
import { exampleFiles } from "../fuzz/engine-fuzz";

/** The module the build puts into dist/ instead of validators.ts, loaded here. */
function precompiled(): ReadonlyMap<string, ValidateFunction> {
  const { code } = transformSync(validatorsModuleSource(), { format: "cjs", loader: "js" });
  const module = { exports: {} as { compiledValidators(): ReadonlyMap<string, ValidateFunction> } };
  new Function("module", "exports", "require", code)(module, module.exports, createRequire(path.join(__dirname, "..", "..", "esbuild.mjs")));
  return module.exports.compiledValidators();
}

/** `data` with the `n`-th value of every `step` (depth first) replaced by a value of another type. */
function mangled(data: unknown, step: number, offset: number): unknown {
  let n = 0;
  const odd = [42, "text", null, [1], { unknown_field: true }, -1.5, ""];
  const walk = (value: unknown): unknown => {
    n++;
    if ((n + offset) % step === 0) return odd[n % odd.length];
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(data);
}

describe("the schema validators compiled at build time", function () {
  it("report the same errors as those compiled at first use, on every example document and mangled copies of it", () => {
    const built = precompiled();
    const runtime = compiledValidators();
    assert.deepEqual([...built.keys()], [...runtime.keys()]);
    let errors = 0;
    for (const file of [...exampleFiles("acme"), ...exampleFiles("starter")]) {
      const data = parseDocument(file.text).toJS() as { kind?: string } | null;
      const kind = data?.kind;
      if (!kind || !runtime.has(kind as never)) continue;
      for (const variant of [data, mangled(data, 7, 0), mangled(data, 5, 3), mangled(data, 3, 1)]) {
        const fromRuntime: ValidateFunction = runtime.get(kind as never)!;
        const fromBuild: ValidateFunction = built.get(kind)!;
        assert.equal(fromBuild(variant), fromRuntime(variant), file.file);
        assert.deepEqual(fromBuild.errors ?? null, fromRuntime.errors ?? null, file.file);
        errors += fromRuntime.errors?.length ?? 0;
      }
    }
    assert.ok(errors > 100, `the mangled copies break many rules of the schemas (${errors} errors)`);
  });
});
