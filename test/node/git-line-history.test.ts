import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gitLineHistory, insideGitWorkTree } from "../../server/src/node/git-line-history";
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

    const history = await gitLineHistory(dir, "risks.yaml", "  a: 1\nb: 20\nc: 30\n");
    assert.deepEqual(history, [
      { commit: first, day: "2026-06-01", time: Date.parse("2026-06-01T10:00:00Z") / 1000, path: "risks.yaml" }, // re-indented only: -w keeps the first commit
      { commit: second, day: "2026-07-15", time: Date.parse("2026-07-16T07:30:00Z") / 1000, path: "risks.yaml" },
      null,
    ]);
  });

  it("tells a folder inside a git work tree (at its top or below) from one outside any", async () => {
    const below = path.join(dir, "isms", "risks");
    mkdirSync(below, { recursive: true });
    // The temporary folder may itself sit inside a repository: then there is no outside to test.
    const outside = !(await insideGitWorkTree(tmpdir()));
    if (outside) assert.equal(await insideGitWorkTree(below), false);
    git(dir, ["init", "-q"]);
    assert.equal(await insideGitWorkTree(dir), true);
    assert.equal(await insideGitWorkTree(below), true);
    // Without a .git above, git itself is asked (a work tree named by GIT_DIR and GIT_WORK_TREE).
    const other = mkdtempSync(path.join(tmpdir(), "isms-worktree-"));
    const saved = { GIT_DIR: process.env.GIT_DIR, GIT_WORK_TREE: process.env.GIT_WORK_TREE };
    process.env.GIT_DIR = path.join(dir, ".git");
    process.env.GIT_WORK_TREE = other;
    try {
      assert.equal(await insideGitWorkTree(other), true);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("gives undefined for an untracked file, a folder outside any repository, or a missing file", async () => {
    writeFileSync(path.join(dir, "risks.yaml"), "a: 1\n");
    assert.equal(await gitLineHistory(dir, "risks.yaml", "a: 1\n"), undefined, "no repository");
    git(dir, ["init", "-q"]);
    assert.equal(await gitLineHistory(dir, "risks.yaml", "a: 1\n"), undefined, "untracked");
    assert.equal(await gitLineHistory(dir, "missing.yaml", "a: 1\n"), undefined, "missing");
  });

  it("gives undefined when git blamed other lines than the text checked (changed since, or UTF-16)", async () => {
    git(dir, ["init", "-q"]);
    writeFileSync(path.join(dir, "risks.yaml"), "a: 1\nb: 2\n");
    git(dir, ["add", "."]);
    git(dir, ["commit", "-qm", "first"]);
    assert.ok(await gitLineHistory(dir, "risks.yaml", "a: 1\nb: 2\n"), "the same text");
    assert.ok(await gitLineHistory(dir, "risks.yaml", "\uFEFFa: 1\r\nb: 2\r\n"), "the same lines, with a byte-order mark and CRLF");
    assert.equal(await gitLineHistory(dir, "risks.yaml", "a: 1\nb: 3\n"), undefined, "another line");
    assert.equal(await gitLineHistory(dir, "risks.yaml", "a: 1\nb: 2\nc: 3\n"), undefined, "one more line");
    // U+4E0A is 0x4E0A in UTF-16LE: its 0x0A byte is a line end to git.
    writeFileSync(path.join(dir, "utf16.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a: \u4e0a\nb: 2\n", "utf16le")]));
    git(dir, ["add", "."]);
    git(dir, ["commit", "-qm", "utf16"]);
    assert.equal(await gitLineHistory(dir, "utf16.yaml", "a: \u4e0a\nb: 2\n"), undefined, "UTF-16");
  });

  it("ignores the user's blame.ignoreRevsFile, and gives null for a commit date no calendar holds", async () => {
    git(dir, ["init", "-q"]);
    writeFileSync(path.join(dir, "risks.yaml"), "a: 1\n");
    git(dir, ["add", "."]);
    git(dir, ["commit", "-qm", "far"], "@99999999999999 +0000");
    const config = path.join(dir, "global.gitconfig");
    writeFileSync(config, "[blame]\n\tignoreRevsFile = .git-blame-ignore-revs\n");
    const before = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = config;
    try {
      assert.deepEqual(await gitLineHistory(dir, "risks.yaml", "a: 1\n"), [null]);
    } finally {
      if (before === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = before;
    }
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
    const second = { commit: git(origin, ["rev-parse", "HEAD"]).trim(), day: "2026-07-01", time: Date.parse("2026-07-01T10:00:00Z") / 1000, path: "risks.yaml" };
    assert.deepEqual(await gitLineHistory(path.join(dir, "shallow"), "risks.yaml", "a: 1\nb: 3\n"), [second, second]);
  });
});
