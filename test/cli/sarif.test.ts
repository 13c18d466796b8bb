import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { checkWorkspace, RULE_FAILURE, RULES, type CheckResult, type Finding } from "../../server/src/core";
import { RULE_DOCS_BASE_URL, ruleDocsUrl } from "../../server/src/core/rules/docs-url";
import { summarize } from "../../server/src/cli/reporters/reporter";
import { sarifReporter } from "../../server/src/cli/reporters/sarif";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms } from "../helpers/minimal-isms";
import { REPO, removeFixtures, runCli, writeFixture } from "./cli-helpers";

/**
 * The official SARIF 2.1.0 schema (2.1.0-rtm.5, JSON Schema draft-04) as shipped in the
 * @microsoft/jest-sarif package; validated offline with Ajv's draft-04 class.
 */
const SCHEMA_FILE = path.join(REPO, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  // The published schema is not written for Ajv's strict mode, and its `language` pattern is not
  // valid with the `u` flag: validate it as JSON Schema draft-04 tools do.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function assertValidSarif(log: unknown): asserts log is Sarif.Log {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version;

describe("isms check --format sarif", function () {
  after(() => removeFixtures());

  it("validates against the SARIF 2.1.0 schema and describes every rule", async () => {
    const dir = writeFixture(edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: opps\n    likelihood: 3"));
    const run = await runCli(["check", dir, "--format", "sarif", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as unknown;
    assertValidSarif(log);
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    const sarifRun = log.runs[0];
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, "isms");
    assert.equal(driver.informationUri, "https://github.com/isms-workbench/isms-workbench");
    assert.equal(driver.version, PACKAGE_VERSION);
    assert.deepEqual(
      driver.rules?.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    for (const [i, descriptor] of (driver.rules ?? []).entries()) {
      const rule = RULES[i];
      assert.equal(descriptor.shortDescription?.text, rule.description);
      assert.equal(descriptor.help?.markdown, rule.docs);
      assert.equal(descriptor.helpUri, `${RULE_DOCS_BASE_URL}${rule.id}.md`);
      assert.equal(descriptor.defaultConfiguration?.level, { error: "error", warning: "warning", info: "note" }[rule.severity]);
      assert.ok((descriptor.properties?.tags as string[]).includes(`ISO/IEC 27001:2022 ${rule.clause}`), `${rule.id} tags`);
    }
    assert.equal(sarifRun.originalUriBaseIds?.SRCROOT.uri, pathToFileURL(dir).href + "/");

    const result = sarifRun.results?.find((r) => r.ruleId === "ref/unresolved");
    assert.ok(result, JSON.stringify(sarifRun.results));
    assert.equal(driver.rules?.[result.ruleIndex ?? -1]?.id, "ref/unresolved");
    assert.equal(result.level, "error");
    assert.match(result.message.text ?? "", /No person has the id "opps"/);
    assert.deepEqual(result.locations?.[0].physicalLocation, {
      artifactLocation: { uri: "risks.yaml", uriBaseId: "SRCROOT" },
      region: { startLine: 6, startColumn: 12, endLine: 6, endColumn: 16 },
    });
  });

  it("has no results on a clean ISMS", async () => {
    const run = await runCli(["check", writeFixture(minimalIsms()), "--format", "sarif", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    const log = JSON.parse(run.stdout) as unknown;
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].results, []);
  });

  it("maps severities to levels, encodes URIs, and gives related locations and the engine's failure rule", () => {
    const files = minimalIsms();
    const checked = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    const findings: Finding[] = [
      {
        rule: "ref/unresolved",
        severity: "info",
        message: 'Quote " and <angle> & more',
        file: "sub dir/a#b.yaml",
        range: range(0, 0, 0),
        related: [{ file: "risks.yaml", range: range(4, 4, 9), message: "The risk." }],
      },
      { rule: RULE_FAILURE, severity: "warning", message: "The check x failed.", file: "isms.yaml", range: range(0, 0, 0) },
    ];
    const result: CheckResult = { ...checked, findings };
    const text = sarifReporter({
      result,
      summary: summarize(result),
      today: FIXTURE_TODAY,
      rules: RULES,
      target: "some/folder",
      base: "some/folder",
      warningsFail: false,
      color: false,
      maxPerRule: 0,
    });
    const log = JSON.parse(text) as unknown;
    assertValidSarif(log);
    const [info, failure] = log.runs[0].results ?? [];
    assert.equal(info.level, "note");
    assert.equal(info.locations?.[0].physicalLocation?.artifactLocation?.uri, "sub%20dir/a%23b.yaml");
    assert.deepEqual(info.locations?.[0].physicalLocation?.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.deepEqual(info.relatedLocations, [
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: "risks.yaml", uriBaseId: "SRCROOT" }, region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 10 } },
        message: { text: "The risk." },
      },
    ]);
    assert.equal(failure.level, "warning");
    const rules = log.runs[0].tool.driver.rules ?? [];
    assert.equal(rules[failure.ruleIndex ?? -1]?.id, RULE_FAILURE);
    assert.equal(rules.length, RULES.length + 1);
    assert.equal(log.runs[0].originalUriBaseIds?.SRCROOT.uri, pathToFileURL(path.resolve("some/folder")).href + "/");
  });

  it("links every rule to its documentation page", () => {
    assert.equal(ruleDocsUrl("soa/untraced-control"), "https://github.com/isms-workbench/isms-workbench/blob/main/docs/rules/soa/untraced-control.md");
  });
});
