import * as assert from "node:assert/strict";
import { checkWorkspace, parseFile } from "../../server/src/core";
import { FIXTURE_TODAY } from "../helpers/minimal-isms";

describe("large and odd input", () => {
  it("a mapping used as a key is reported by the schema check, with no warning from the YAML library", async () => {
    const warnings: Error[] = [];
    const listener = (w: Error) => warnings.push(w);
    process.on("warning", listener);
    try {
      const text = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    ? [a, b]\n    : c\n";
      const findings = checkWorkspace(
        [
          { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\n" },
          { file: "risks.yaml", text },
        ],
        { today: FIXTURE_TODAY },
      ).findings.filter((f) => f.file === "risks.yaml" && f.rule === "schema/invalid");
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /unknown field "\[ a, b \]"/);
      // Process warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.map((w) => w.message),
        [],
      );
    } finally {
      process.off("warning", listener);
    }
  });

  it("a header that lost its colons keeps the file an ISMS file, with its syntax error shown", () => {
    const findings = checkWorkspace(
      [
        { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\n" },
        { file: "actions.yaml", text: "apiVersion isms/v1\nkind ActionPlan\nactions:\n  - id: ACT-1\n" },
      ],
      { today: FIXTURE_TODAY },
    ).findings.filter((f) => f.file === "actions.yaml");
    assert.deepEqual(
      findings.map((f) => [f.rule, f.range.start.line]),
      [["yaml/syntax", 0]],
    );
  });

  it("a lone carriage return is reported where the editor shows the line break, before the parser's consequences", () => {
    const isms = { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\n" };
    const oldMac = checkWorkspace([isms, { file: "risks.yaml", text: "apiVersion: isms/v1\rkind: RiskRegister\rrisks:\r  - id: R-1\r" }], { today: FIXTURE_TODAY }).findings.filter(
      (f) => f.file === "risks.yaml",
    );
    assert.deepEqual(oldMac[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } });
    assert.match(oldMac[0].message, /^This line ends with a lone carriage return \(CR, 4 in this file\)/);
    // One stray CR in an LF file: lines are counted as the editor counts them.
    const stray = checkWorkspace([isms, { file: "risks.yaml", text: "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\r    owner: x\n" }], { today: FIXTURE_TODAY }).findings.filter(
      (f) => f.rule === "yaml/syntax",
    );
    assert.deepEqual(
      stray.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]),
      [[3, 0, 11]],
    );
  });

  it("a character that was not UTF-8 is reported, but does not make the file unreadable for the other checks", () => {
    const text = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    title: Soci\ufffdt\u00e9\n    owner: nobody\n";
    const parsed = parseFile("risks.yaml", text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.encodingProblems.length, 1);
    const findings = checkWorkspace(
      [
        { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\n" },
        { file: "risks.yaml", text },
      ],
      { today: FIXTURE_TODAY },
    ).findings.filter((f) => f.file === "risks.yaml");
    assert.deepEqual(
      findings.filter((f) => f.rule === "yaml/syntax").map((f) => [f.range.start.line, f.range.start.character]),
      [[4, 15]],
    );
    assert.ok(findings.some((f) => f.rule === "ref/unresolved" && f.message.includes("nobody")));
  });

  it("a file with a syntax error shows only its syntax errors, not what other rules say of the recovered records", () => {
    const risks = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    title: T\n\tthreat: a tab\n    owner: ops\n    likelihood: 1\n    impact: 1\n    reviewed: 2026-06-01\n";
    const findings = checkWorkspace(
      [
        { file: "isms.yaml", text: "apiVersion: isms/v1\nkind: ISMS\norganization: X\npeople:\n  - { id: ops, name: Ops }\n" },
        { file: "risks.yaml", text: risks },
      ],
      { today: FIXTURE_TODAY },
    ).findings;
    assert.deepEqual(
      findings.filter((f) => f.file === "risks.yaml").map((f) => [f.rule, f.range.start.line]),
      [["yaml/syntax", 5]],
    );
    assert.ok(
      findings.some((f) => f.file === "isms.yaml"),
      "the other files are still checked",
    );
  });
});
