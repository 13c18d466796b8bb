import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { parseAllDocuments } from "yaml";
import { SCHEMA_BY_KIND } from "../../server/src/core/schema/schemas";

const REPO = typeof __dirname !== "undefined" ? path.resolve(__dirname, "../..") : path.resolve(".");
const SCHEMAS = path.join(REPO, "schemas");
const DISPATCHER = "isms-document.schema.json";
const MODELINE = "# yaml-language-server: $schema=https://raw.githubusercontent.com/isms-workbench/isms-workbench/main/schemas/isms-document.schema.json";

function validator() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addKeyword("markdownEnumDescriptions");
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith(".schema.json"))) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, file), "utf8")) as object);
  const validate = ajv.getSchema(`https://isms-workbench.dev/schemas/${DISPATCHER}`);
  assert.ok(validate);
  return validate;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

/** The schema that yaml-language-server and the Red Hat YAML extension use for any ISMS file. */
describe("schemas/isms-document.schema.json (one schema for every kind)", () => {
  const validate = validator();

  it("dispatches every kind to its own schema", () => {
    const dispatcher = JSON.parse(readFileSync(path.join(SCHEMAS, DISPATCHER), "utf8")) as { allOf: { if: { properties: { kind: { const: string } } }; then: { $ref: string } }[] };
    const byKind = Object.fromEntries(dispatcher.allOf.map((a) => [a.if.properties.kind.const, a.then.$ref]));
    const expected = Object.fromEntries(Object.entries(SCHEMA_BY_KIND).map(([kind, schema]) => [kind, String(schema.$id).replace(/^.*\//, "")]));
    assert.deepEqual(byKind, expected);
  });

  it("accepts the starter, and finds in examples/acme only its one schema-level gap (the bare 5.10)", () => {
    const problems: string[] = [];
    for (const file of [...yamlFiles(path.join(REPO, "examples", "acme")), ...yamlFiles(path.join(REPO, "examples", "starter"))]) {
      for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
        const value = doc.toJS() as unknown;
        if (typeof value !== "object" || value === null || !("kind" in value) || validate(value)) continue;
        for (const e of validate.errors ?? []) if (e.keyword !== "if") problems.push(`${path.relative(REPO, file).split(path.sep).join("/")} ${e.instancePath} ${e.message}`);
      }
    }
    assert.deepEqual(problems, ["examples/acme/risks/corporate.yaml /risks/8/controls/0 must be string"]);
  });

  it("reports a field unknown to the document's kind, and leaves other YAML alone", () => {
    assert.equal(validate({ apiVersion: "isms/v1", kind: "RiskRegister", risks: [], colour: "red" }), false);
    assert.ok(validate.errors?.some((e) => e.keyword === "additionalProperties"));
    assert.equal(validate({ apiVersion: "apps/v1", kind: "Deployment", spec: { replicas: 2 } }), true);
    assert.equal(validate(["not", "a", "mapping"]), true);
  });

  it("is named on the first line of every starter file, for yaml-language-server", () => {
    for (const file of yamlFiles(path.join(REPO, "examples", "starter"))) {
      assert.equal(readFileSync(file, "utf8").split("\n")[0], MODELINE, path.relative(REPO, file));
    }
  });
});
