import { Ajv, type Options } from "ajv";
import { COMMON_SCHEMA } from "./schemas";

/**
 * The Ajv instance the ISMS schemas are compiled with: every error of a document (`allErrors`),
 * each with its data and schema (`verbose`, which the messages read), strict schemas, and the
 * shared definitions added. `extra` adds options (the build adds `code: { source: true }`).
 */
export function schemaAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, ...extra });
  ajv.addKeyword("markdownEnumDescriptions");
  ajv.addSchema(COMMON_SCHEMA);
  return ajv;
}
