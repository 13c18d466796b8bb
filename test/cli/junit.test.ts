import assert from "node:assert/strict";
import { checkWorkspace, RULES, type CheckResult } from "../../server/src/core";
import { junitReporter, xml } from "../../server/src/cli/reporters/junit";
import { summarize } from "../../server/src/cli/reporters/reporter";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms } from "../helpers/minimal-isms";
import { removeFixtures, runCli, writeFixture } from "./cli-helpers";
import { descendants, parseXml, type XmlElement } from "./xml";

function count(el: XmlElement, attribute: string): number {
  return Number(el.attributes[attribute]);
}

describe("isms check --format junit", function () {
  after(() => removeFixtures());

  it("has one passing testcase per clean ISMS file", async () => {
    const files = minimalIsms();
    const run = await runCli(["check", writeFixture(files), "--format", "junit", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    const root = parseXml(run.stdout);
    assert.equal(root.name, "testsuites");
    const suites = descendants(root, "testsuite");
    assert.deepEqual(
      suites.map((s) => s.attributes.name),
      Object.keys(files).sort(),
    );
    for (const suite of suites) {
      assert.equal(count(suite, "tests"), 1);
      assert.equal(count(suite, "failures"), 0);
      assert.equal(descendants(suite, "testcase")[0].attributes.name, `${suite.attributes.name}: no findings`);
    }
    assert.equal(count(root, "tests"), suites.length);
    assert.equal(count(root, "failures"), 0);
  });

  it("has a failing testcase per error or warning, with counts that add up", async () => {
    const dir = writeFixture(edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: opps\n    likelihood: 3"));
    const run = await runCli(["check", dir, "--format", "junit", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 1, run.stderr);
    const root = parseXml(run.stdout);
    const json = JSON.parse((await runCli(["check", dir, "--format", "json", "--today", FIXTURE_TODAY])).stdout) as { summary: { errors: number; warnings: number; infos: number } };
    const failures = descendants(root, "failure");
    assert.equal(failures.length, json.summary.errors + json.summary.warnings);
    assert.equal(count(root, "failures"), failures.length);
    const suites = descendants(root, "testsuite");
    assert.equal(
      count(root, "tests"),
      suites.reduce((n, s) => n + count(s, "tests"), 0),
    );
    for (const suite of suites) {
      assert.equal(count(suite, "tests"), descendants(suite, "testcase").length);
      assert.equal(count(suite, "failures"), descendants(suite, "failure").length);
    }

    const risks = suites.find((s) => s.attributes.name === "risks.yaml");
    assert.ok(risks);
    const testcase = descendants(risks, "testcase").find((t) => t.attributes.classname === "ref/unresolved");
    assert.ok(testcase, "a testcase for ref/unresolved");
    assert.match(testcase.attributes.name, /^risks\.yaml:6:12 No person has the id "opps"/);
    assert.equal(testcase.attributes.file, "risks.yaml");
    assert.equal(testcase.attributes.line, "6");
    const failure = descendants(testcase, "failure")[0];
    assert.equal(failure.attributes.type, "error");
    assert.match(failure.attributes.message, /No person has the id "opps"/);
    assert.match(failure.text, /risks\.yaml:6:12 error No person/);
  });

  it("escapes markup and drops characters XML cannot hold; infos pass with system-out", () => {
    const files = minimalIsms();
    const checked = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
    const message = `Bad <script>alert("x")</script> & 'quotes'\u0001 ]]> end`;
    const result: CheckResult = {
      ...checked,
      findings: [
        { rule: "ref/unresolved", severity: "warning", message, file: "a&b <c>.yaml", range },
        { rule: "ref/duplicate-id", severity: "info", message: "Just so you know.", file: "isms.yaml", range },
      ],
    };
    const text = junitReporter({ result, summary: summarize(result), today: FIXTURE_TODAY, rules: RULES, target: ".", base: ".", warningsFail: true, color: false, maxPerRule: 0 });
    assert.ok(!text.includes("<script>"));
    const root = parseXml(text);
    const weird = descendants(root, "testsuite").find((s) => s.attributes.name === "a&b <c>.yaml");
    assert.ok(weird, "suite for the file with markup in its name");
    const failure = descendants(weird, "failure")[0];
    assert.equal(failure.attributes.message, `Bad <script>alert("x")</script> & 'quotes' ]]> end`);
    assert.equal(failure.attributes.type, "warning");

    const isms = descendants(root, "testsuite").find((s) => s.attributes.name === "isms.yaml");
    assert.ok(isms);
    assert.equal(descendants(isms, "failure").length, 0);
    assert.equal(count(isms, "failures"), 0);
    assert.match(descendants(isms, "system-out")[0].text, /isms\.yaml:3:1 info Just so you know\. \(ref\/duplicate-id\)/);
    assert.equal(count(root, "failures"), 1);
  });

  it("escapes the five XML special characters", () => {
    assert.equal(xml(`<a href="x">&'</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  });
});
