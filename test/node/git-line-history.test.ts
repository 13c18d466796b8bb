import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gitLineHistory } from "../../server/src/node/git-line-history";
import { git } from "../helpers/git";

describe("gitLineHistory: which commit last changed each line (git blame)", function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "isms-blame-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each line its commit, author day in the author's zone and commit time; null for lines not committed", async () => {
    git(dir, ["init", "-q"]);
    writeFileSync(path.join(dir, "risks.yaml"), "a: 1\nb: 2\nc: 3\n");
    git(dir, ["add", "."]);
    git(dir, ["commit", "-qm", "first"], "2026-06-01T10:00:00+00:00");
    const first = git(dir, ["rev-parse", "HEAD"]).trim();
    // 23:30 in UTC-8 is the next day in UTC: the day is the author's.
    writeFileSync(path.join(dir, "risks.yaml"), "  a: 1\nb: 20\nc: 3\n");
    git(dir, ["commit", "-qam", "second"], "2026-07-15T23:30:00-08:00");
    const second = git(dir, ["rev-parse", "HEAD"]).trim();
    writeFileSync(path.join(dir, "risks.yaml"), "  a: 1\nb: 20\nc: 30\n");

    const history = await gitLineHistory(dir, "risks.yaml");
    assert.deepEqual(history, [
      { commit: first, day: "2026-06-01", time: Date.parse("2026-06-01T10:00:00Z") / 1000 }, // re-indented only: -w keeps the first commit
      { commit: second, day: "2026-07-15", time: Date.parse("2026-07-16T07:30:00Z") / 1000 },
      null,
    ]);
  });

  it("gives undefined for an untracked file, a folder outside any repository, or a missing file", async () => {
    writeFileSync(path.join(dir, "risks.yaml"), "a: 1\n");
    assert.equal(await gitLineHistory(dir, "risks.yaml"), undefined, "no repository");
    git(dir, ["init", "-q"]);
    assert.equal(await gitLineHistory(dir, "risks.yaml"), undefined, "untracked");
    assert.equal(await gitLineHistory(dir, "missing.yaml"), undefined, "missing");
  });

  it("gives a shallow clone's oldest commit to the lines of the history it cuts off", async () => {
    const origin = path.join(dir, "origin");
    execFileSync("mkdir", [origin]);
    git(origin, ["init", "-q"]);
    writeFileSync(path.join(origin, "risks.yaml"), "a: 1\nb: 2\n");
    git(origin, ["add", "."]);
    git(origin, ["commit", "-qm", "first"], "2026-06-01T10:00:00+00:00");
    writeFileSync(path.join(origin, "risks.yaml"), "a: 1\nb: 3\n");
    git(origin, ["commit", "-qam", "second"], "2026-07-01T10:00:00+00:00");
    git(dir, ["clone", "-q", "--depth", "1", `file://${origin}`, "shallow"]);
    const second = { commit: git(origin, ["rev-parse", "HEAD"]).trim(), day: "2026-07-01", time: Date.parse("2026-07-01T10:00:00Z") / 1000 };
    assert.deepEqual(await gitLineHistory(path.join(dir, "shallow"), "risks.yaml"), [second, second]);
  });
});
