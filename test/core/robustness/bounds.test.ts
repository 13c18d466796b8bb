/**
 * Bounds: every number and list of the format has a maximum in its schema (a finding beyond it),
 * the rules allocate nothing in proportion to a number in a file, a finding's data stays small,
 * and nesting stops at a fixed depth with one finding at the first place past it.
 */
import * as assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { checkWorkspace, heatMapReport, type Finding } from "../../../server/src/core";
import { MAX_DATA_CHARS } from "../../../server/src/core/check";
import { MAX_SCALE_LEVEL, MAX_SCORE } from "../../../server/src/core/model/bounds";
import { MAX_NESTING_DEPTH } from "../../../server/src/core/parse/yaml-documents";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";
import { deepTexts, expectOneDepthFinding } from "./deep-texts";

function run(files: Files) {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
}

function summary(findings: Finding[], file: string): string[] {
  return findings.filter((f) => f.file === file).map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.rule} ${f.message}`);
}

const SCHEMAS = join(__dirname, "..", "..", "..", "schemas");

describe("bounds", () => {
  it("every list in the schemas has maxItems and every number a maximum", () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}/${i}`));
      if (node === null || typeof node !== "object" || Array.isArray(node)) return;
      const o = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(o.type ?? []);
      if (types.includes("array") && typeof o.maxItems !== "number") unbounded.push(`${path}: maxItems`);
      if ((types.includes("integer") || types.includes("number")) && typeof o.maximum !== "number") unbounded.push(`${path}: maximum`);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    for (const name of readdirSync(SCHEMAS).filter((n) => n.endsWith(".json"))) walk(JSON.parse(readFileSync(join(SCHEMAS, name), "utf8")), name);
    assert.deepEqual(unbounded, []);
  });

  it("the scale and score maxima of the schemas are the engine's", () => {
    const methodology = JSON.parse(readFileSync(join(SCHEMAS, "risk-methodology.schema.json"), "utf8"));
    const register = JSON.parse(readFileSync(join(SCHEMAS, "risk-register.schema.json"), "utf8"));
    assert.equal(methodology.properties.likelihood.items.properties.level.maximum, MAX_SCALE_LEVEL);
    assert.equal(methodology.properties.impact.items.properties.level.maximum, MAX_SCALE_LEVEL);
    assert.equal(register.properties.risks.items.properties.likelihood.maximum, MAX_SCALE_LEVEL);
    assert.equal(methodology.properties.levels.items.properties.max.maximum, MAX_SCORE);
    assert.equal(methodology.properties.acceptance.properties.max_score.maximum, MAX_SCORE);
  });

  for (const level of ["2147483648", "10000000", "11"]) {
    it(`a scale level of ${level} is one schema finding, and allocates nothing by its size`, () => {
      const files = minimalIsms();
      const key = "risk/methodology.yaml";
      const methodology = files[key];
      const last = [...methodology.matchAll(/level: (\d+)/g)].at(-1)!;
      const changed = methodology.slice(0, last.index) + `level: ${level}` + methodology.slice(last.index! + last[0].length);
      const result = run({ ...files, [key]: changed });
      const here = result.findings.filter((f) => f.file === key);
      assert.deepEqual(
        here.map((f) => f.rule),
        ["schema/invalid"],
        summary(result.findings, key).join("\n"),
      );
      assert.match(here[0].message, new RegExp(`level must be at most ${MAX_SCALE_LEVEL}, not ${level}\\.`));
      for (const f of result.findings) assert.ok(JSON.stringify(f.data ?? {}).length <= MAX_DATA_CHARS);
      const map = heatMapReport(result.models[0], FIXTURE_TODAY);
      assert.ok(map.rows.length <= MAX_SCALE_LEVEL && map.rows.every((r) => r.cells.length <= MAX_SCALE_LEVEL));
    });
  }

  it("a number too large for YAML (1e309 reads as Infinity) is one schema finding that says so", () => {
    const files = minimalIsms();
    const key = "risk/methodology.yaml";
    const methodology = files[key];
    const last = [...methodology.matchAll(/level: (\d+)/g)].at(-1)!;
    const result = run({ ...files, [key]: methodology.slice(0, last.index) + "level: 1e309" + methodology.slice(last.index! + last[0].length) });
    const here = result.findings.filter((f) => f.file === key);
    assert.deepEqual(
      here.map((f) => f.rule),
      ["schema/invalid"],
      summary(result.findings, key).join("\n"),
    );
    assert.match(here[0].message, /not Infinity \(a number too large for YAML to hold; write a finite number\)/);
  });

  it("a list longer than its bound is reported once, at the list", () => {
    const files = minimalIsms();
    const boundaries = Array.from({ length: 1001 }, (_, i) => `Site ${i}`).join(", ");
    const isms = files["isms.yaml"].replace(/ {2}boundaries: \[[^\]]*\]/, `  boundaries: [${boundaries}]`);
    assert.notEqual(isms, files["isms.yaml"]);
    const findings = run({ ...files, "isms.yaml": isms }).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      ["schema/invalid"],
    );
    assert.match(findings[0].message, /boundaries holds 1,001 items, more than the 1,000 the format allows/);
  });

  describe("nesting", () => {
    const nested = (depth: number) => "apiVersion: isms/v1\nkind: ActionPlan\nactions: []\nx-deep: " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "\n";

    it(`${MAX_NESTING_DEPTH} levels are read; one more is a syntax error at its first character`, () => {
      assert.deepEqual(summary(run({ ...minimalIsms(), "deep.yaml": nested(MAX_NESTING_DEPTH) }).findings, "deep.yaml"), []);
      const findings = run({ ...minimalIsms(), "deep.yaml": nested(MAX_NESTING_DEPTH + 1) }).findings.filter((f) => f.file === "deep.yaml");
      assert.deepEqual(
        findings.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.range.end.character]),
        [["yaml/syntax", 3, 8 + MAX_NESTING_DEPTH - 1, 8 + MAX_NESTING_DEPTH]],
      );
      assert.match(findings[0].message, /^Nested more than 64 levels deep/);
    });

    it("aliases that would nest a document deeper than the limit once expanded are refused before expanding", () => {
      const chain = Array.from({ length: 100 }, (_, i) => `x-${i}: &a${i} [[[[[[[[[[${i ? `*a${i - 1}` : "1"}]]]]]]]]]]`).join("\n");
      const findings = run({ ...minimalIsms(), "deep.yaml": `apiVersion: isms/v1\nkind: ActionPlan\nactions: []\n${chain}\n` }).findings.filter((f) => f.file === "deep.yaml");
      assert.deepEqual(
        findings.map((f) => f.rule),
        ["schema/invalid"],
      );
      assert.match(findings[0].message, /^This document cannot be checked: its aliases \(\*name\) would nest it 1,002 levels deep, more than the 64 allowed/);
    });

    for (const [name, text] of deepTexts(1000)) {
      it(`${name} a thousand levels deep give the same single finding on every run, and no stack overflow`, () => {
        expectOneDepthFinding(text);
      });
    }
  });
});
