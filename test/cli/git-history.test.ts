import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { commitAll as commit, git } from "../helpers/git";
import { minimalIsms, FIXTURE_TODAY } from "../helpers/minimal-isms";
import { removeFixtures, runCli, writeFixture } from "./cli-helpers";

function replaceIn(dir: string, file: string, search: string, replacement: string): void {
  const full = path.join(dir, file);
  const text = readFileSync(full, "utf8");
  assert.ok(text.includes(search), search);
  writeFileSync(full, text.replace(search, replacement));
}

describe("isms check reads git history: a treatment changed after its approval (6.1.3 f)", function () {
  after(removeFixtures);

  it("reports the approval once a later commit changes the risk's controls, and not after the owner approves again", async () => {
    const dir = writeFixture(minimalIsms()); // R-001 approved on 2026-06-01
    commit(dir, "2026-06-01", true);
    const check = async () => {
      const run = await runCli(["check", dir, "--format", "json", "--today", FIXTURE_TODAY]);
      return (JSON.parse(run.stdout) as { findings: { rule: string; message: string; range: { start: { line: number } } }[] }).findings.filter((f) => f.rule === "risk/treatment-not-approved");
    };
    assert.deepEqual(await check(), [], "the register as first committed");

    replaceIn(dir, "risks.yaml", "controls: [A.5.15]", "controls: [A.5.15, A.8.5]");
    assert.deepEqual(await check(), [], "a change not committed yet does not count");
    commit(dir, "2026-07-15");
    const [finding, ...more] = await check();
    assert.deepEqual(more, []);
    assert.match(finding.message, /^The treatment of risk R-001 changed on 2026-07-15 \(commit [0-9a-f]{7}\), after its approval on 2026-06-01/);
    assert.equal(finding.range.start.line, 11, "at the approval's date");

    replaceIn(dir, "risks.yaml", "date: 2026-06-01 }", "date: 2026-07-20 }");
    commit(dir, "2026-07-20");
    assert.deepEqual(await check(), [], "approved again");
  });

  it("does not report a plan written another way, or a change reverted: the plan is compared with the one approved", async () => {
    const dir = writeFixture(minimalIsms());
    commit(dir, "2026-06-01", true);
    const check = async () => {
      const run = await runCli(["check", dir, "--format", "json", "--today", FIXTURE_TODAY]);
      return (JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "risk/treatment-not-approved").map((f) => f.message);
    };
    replaceIn(dir, "risks.yaml", "controls: [A.5.15]", 'controls:\n      - "A.5.15"');
    replaceIn(dir, "risks.yaml", "treatment: mitigate", "treatment: 'mitigate'");
    commit(dir, "2026-07-01");
    assert.deepEqual(await check(), [], "reformatted");

    replaceIn(dir, "risks.yaml", '- "A.5.15"', '- "A.8.5"');
    commit(dir, "2026-08-01");
    assert.equal((await check()).length, 1, "a real change");
    git(dir, ["revert", "--no-edit", "HEAD"], "2026-08-02T12:00:00+00:00");
    assert.deepEqual(await check(), [], "reverted");
  });
});
