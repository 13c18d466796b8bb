import { COMMON_SCHEMA, SCHEMA_BY_KIND, type JsonSchema } from "../server/src/core/schema/schemas";

type Schema = JsonSchema & {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  pattern?: string;
};

/** Follows a `$ref` into common.schema.json, keeping the referring node's own description. */
function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split("/").pop() as string;
  const target = (COMMON_SCHEMA.definitions as Record<string, Schema>)[name] ?? {};
  return { ...resolve(target), description: schema.description ?? target.description };
}

function typeOf(schema: Schema, ref?: string): string {
  if (ref) {
    const name = ref.split("/").pop() as string;
    const words: Record<string, string> = {
      date: "date",
      id: "id",
      personRef: "person id",
      controlRef: "control id",
      anyControlRef: "control id (Annex A or catalog)",
      controlScopeRef: "control or theme",
      clauseRef: "clause",
      approval: "approval",
      apiVersion: "`isms/v1`",
    };
    if (words[name]) return words[name];
  }
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (schema.type === "array" && schema.items) return `list of ${typeOf(resolve(schema.items), schema.items.$ref)}`;
  if (schema.type === "object") return "mapping";
  return Array.isArray(schema.type) ? schema.type.join(" \\| ") : (schema.type ?? "any");
}

function rows(schema: Schema, path: string, out: string[]): void {
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const prop = resolve(raw);
    const field = path ? `${path}.${key}` : key;
    const required = schema.required?.includes(key) ? " (required)" : "";
    out.push(`| \`${field}\`${required} | ${typeOf(prop, raw.$ref)} | ${(raw.description ?? prop.description ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ")} |`);
    if (prop.type === "object" && prop.properties) rows(prop, field, out);
    if (prop.type === "array" && prop.items) {
      const item = resolve(prop.items);
      if (item.properties) rows(item, `${field}[]`, out);
    }
  }
}

/** The format reference (docs/format.md), generated from the JSON Schemas in schemas/. */
export function formatDocs(): string {
  const sections = Object.entries(SCHEMA_BY_KIND).map(([kind, schema]) => {
    const out: string[] = [];
    rows(schema as Schema, "", out);
    return `## ${kind}

${String((schema as Schema).description ?? "")}

| Field | Type | Meaning |
| --- | --- | --- |
${out.join("\n")}
`;
  });
  return `# The ISMS file format (isms/v1)

Generated from the JSON Schemas in [schemas/](../schemas) by \`npm run docs\`; the schemas are the
source of truth and the editor shows the same descriptions on hover.

Every document starts with \`apiVersion: isms/v1\` and \`kind: <Kind>\`. Dates are \`YYYY-MM-DD\`
local calendar days. Ids (\`id\`, and every reference to one) are letters, digits and \`. _ : -\`.
Fields of your own are allowed anywhere when their name starts with \`x-\`.
A kind may be split over several files and a file may hold several documents (\`---\`); the ISMS
is their union. See [examples/acme](../examples/acme) for a complete ISMS.

${sections.join("\n")}`;
}
