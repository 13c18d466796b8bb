import { ISMS_KINDS, type IsmsKind } from "../parse/parsed-file";
import { COMMON_SCHEMA, SCHEMA_BY_KIND, type JsonSchema } from "../schema/schemas";
import type { YamlPath } from "./yaml-path";

/** True when `kind` names an ISMS document kind. */
export function isIsmsKind(kind: string | undefined): kind is IsmsKind {
  return kind !== undefined && (ISMS_KINDS as readonly string[]).includes(kind);
}

/** The JSON Schema of a kind of document. */
export function kindSchema(kind: string | undefined): JsonSchema | undefined {
  return isIsmsKind(kind) ? SCHEMA_BY_KIND[kind] : undefined;
}

/** A schema node with the document it came from (for resolving `#/…` references). */
interface Located {
  schema: JsonSchema;
  base: JsonSchema;
}

function asSchema(value: unknown): JsonSchema | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

/**
 * Follows `$ref`s (into `common.schema.json` or within the same document). The referring node's
 * own keywords win, so a property's `description` next to its `$ref` is kept.
 */
function resolve(located: Located, depth = 0): Located {
  const ref = located.schema.$ref;
  if (typeof ref !== "string" || depth > 8) return located;
  const [file, pointer = ""] = ref.split("#");
  const base = file === "" ? located.base : file.endsWith("common.schema.json") ? COMMON_SCHEMA : undefined;
  if (!base) return located;
  let target: unknown = base;
  for (const part of pointer.split("/").filter(Boolean)) target = asSchema(target)?.[part];
  const targetSchema = asSchema(target);
  if (!targetSchema) return located;
  const inner = resolve({ schema: targetSchema, base }, depth + 1);
  const own = { ...located.schema };
  delete own.$ref;
  return { schema: { ...inner.schema, ...own }, base: inner.base };
}

function step(located: Located, key: string | number): Located | undefined {
  const s = located.schema;
  if (typeof key === "number") {
    const items = Array.isArray(s.items) ? asSchema(s.items[key]) : asSchema(s.items);
    return items ? resolve({ schema: items, base: located.base }) : undefined;
  }
  const props = asSchema(s.properties);
  const prop = props && Object.prototype.hasOwnProperty.call(props, key) ? asSchema(props[key]) : undefined;
  if (prop) return resolve({ schema: prop, base: located.base });
  const patterns = asSchema(s.patternProperties);
  for (const [pattern, value] of Object.entries(patterns ?? {})) {
    try {
      const schema = asSchema(value);
      if (schema && new RegExp(pattern).test(key)) return resolve({ schema, base: located.base });
    } catch {
      // an invalid pattern in a schema is ignored
    }
  }
  const additional = asSchema(s.additionalProperties);
  return additional ? resolve({ schema: additional, base: located.base }) : undefined;
}

/**
 * The schema of the node at `path` in a document of `kind`, `$ref`s resolved; `undefined` when
 * the kind is unknown or the path leaves the schema.
 */
export function schemaAt(kind: string | undefined, path: YamlPath): JsonSchema | undefined {
  const root = kindSchema(kind);
  if (!root) return undefined;
  let located: Located | undefined = { schema: root, base: root };
  for (const key of path) {
    located = step(located, key);
    if (!located) return undefined;
  }
  return located.schema;
}

/** The `properties` of an object schema, in schema order: `[key, resolved schema]`. */
export function schemaProperties(schema: JsonSchema | undefined): [string, JsonSchema][] {
  const props = asSchema(schema?.properties);
  if (!props) return [];
  return Object.keys(props).flatMap((key) => {
    const s = step({ schema: schema as JsonSchema, base: schema as JsonSchema }, key);
    return s ? [[key, s.schema] as [string, JsonSchema]] : [];
  });
}

/** The item schema of an array schema. */
export function itemSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  return schema ? step({ schema, base: schema }, 0)?.schema : undefined;
}

/** The `description` of a schema, if any. */
export function descriptionOf(schema: JsonSchema | undefined): string | undefined {
  const d = schema?.description;
  return typeof d === "string" ? d : undefined;
}

/** The enum values of a schema with their Markdown descriptions. */
export function enumOf(schema: JsonSchema | undefined): { value: string; description?: string }[] {
  const values = schema?.enum;
  if (!Array.isArray(values)) return [];
  const descriptions = Array.isArray(schema?.markdownEnumDescriptions) ? (schema.markdownEnumDescriptions as unknown[]) : [];
  return values.map((v, i) => ({ value: String(v), description: typeof descriptions[i] === "string" ? (descriptions[i] as string) : undefined }));
}

/** The JSON type of a schema (`string`, `array`, …), if given. */
export function typeOf(schema: JsonSchema | undefined): string | undefined {
  const t = schema?.type;
  if (typeof t === "string") return t;
  if (schema && schema.properties) return "object";
  return undefined;
}

/** The name of the common definition a property refers to (`personRef`, `controlRef`, `date`…). */
export function refName(kind: string | undefined, path: YamlPath): string | undefined {
  const root = kindSchema(kind);
  if (!root) return undefined;
  let schema: JsonSchema | undefined = root;
  let located: Located | undefined = { schema: root, base: root };
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const s: JsonSchema = located.schema;
    let raw: JsonSchema | undefined;
    if (typeof key === "number") raw = asSchema(s.items);
    else raw = asSchema(asSchema(s.properties)?.[key]);
    schema = raw;
    located = step(located, key);
    if (!located) return undefined;
  }
  const ref = schema?.$ref;
  return typeof ref === "string" ? ref.slice(ref.lastIndexOf("/") + 1) : undefined;
}
