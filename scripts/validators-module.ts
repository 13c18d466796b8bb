// The source of a JavaScript module that replaces server/src/core/schema/validators.ts in the
// bundles of dist/: the same Ajv validators, compiled here at build time (Ajv standalone code).
// esbuild.mjs bundles and runs this file during every build.
import standaloneCode from "ajv/dist/standalone";
import { ISMS_KINDS } from "../server/src/core/parse/parsed-file";
import { schemaAjv } from "../server/src/core/schema/schema-ajv";
import { SCHEMA_BY_KIND } from "../server/src/core/schema/schemas";

/** The module's source: ESM exporting `compiledValidators()`, a Map from each ISMS kind to its validator. */
export function validatorsModuleSource(): string {
  const ajv = schemaAjv({ code: { source: true } });
  const ids: Record<string, string> = {};
  for (const kind of ISMS_KINDS) {
    const schema = SCHEMA_BY_KIND[kind];
    if (typeof schema.$id !== "string") throw new Error(`the schema of ${kind} has no $id`);
    ajv.addSchema(schema);
    ids[kind] = schema.$id;
  }
  const code = standaloneCode(ajv, ids);
  return [
    "// Generated at build time from schemas/*.schema.json by scripts/validators-module.ts.",
    "const byName = (() => {",
    "  const module = { exports: {} };",
    "  const exports = module.exports;",
    code,
    "  return module.exports;",
    "})();",
    "const validators = new Map(Object.entries(byName));",
    "export function compiledValidators() {",
    "  return validators;",
    "}",
    "",
  ].join("\n");
}
