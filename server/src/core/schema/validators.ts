import type { ValidateFunction } from "ajv";
import { ISMS_KINDS, type IsmsKind } from "../parse/parsed-file";
import { schemaAjv } from "./schema-ajv";
import { SCHEMA_BY_KIND } from "./schemas";

let validators: ReadonlyMap<IsmsKind, ValidateFunction> | undefined;

/**
 * The JSON Schema validator of each ISMS kind, compiled on first use (about 0.2 s). The programs in
 * `dist/` replace this module by the same validators compiled at build time
 * (`scripts/validators-module.ts`, run by `esbuild.mjs`), so the server and the CLI start without
 * compiling.
 */
export function compiledValidators(): ReadonlyMap<IsmsKind, ValidateFunction> {
  if (!validators) {
    const ajv = schemaAjv();
    validators = new Map(ISMS_KINDS.map((kind) => [kind, ajv.compile(SCHEMA_BY_KIND[kind])]));
  }
  return validators;
}
