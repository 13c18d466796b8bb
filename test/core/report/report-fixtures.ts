import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkspace, type CheckResult, type IsmsModel } from "../../../server/src/core";
import { FIXTURE_TODAY, type Files } from "../../helpers/minimal-isms";

/** The repository's examples/acme folder. */
const ACME = path.resolve(typeof __dirname !== "undefined" ? path.join(__dirname, "../../..") : ".", "examples", "acme");

/** The date examples/acme is evaluated on (its README). */
export const ACME_TODAY = "2026-11-30";

/** Checks a fixture ISMS; asserts it has exactly one root. */
export function checkFixture(files: Files, today = FIXTURE_TODAY): CheckResult & { model: IsmsModel } {
  const result = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today },
  );
  assert.equal(result.models.length, 1);
  return { ...result, model: result.models[0] };
}

/** Every YAML file of examples/acme, read from disk, by path relative to it. */
export function acmeFiles(): Files {
  return exampleFiles(ACME);
}

/** Every YAML file of examples/starter (a copy as its README says: `cp -r examples/starter my-isms`). */
export function starterFiles(): Files {
  return exampleFiles(path.join(ACME, "..", "starter"));
}

function exampleFiles(root: string): Files {
  const files: Files = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files[path.relative(root, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return files;
}
