import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { edit } from "../helpers/annotations";
import { minimalIsms } from "../helpers/minimal-isms";
import { removeFixtures, runCli, writeFixture } from "./cli-helpers";

describe("isms check on awkward workspaces", () => {
  after(() => removeFixtures());

  it("follows a symbolic link to a YAML file, so its gaps are not skipped", async () => {
    const dir = writeFixture(minimalIsms());
    const elsewhere = writeFixture({ "risks.yaml": edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ghost\n    likelihood: 3")["risks.yaml"] });
    writeFileSync(path.join(dir, "risks.yaml"), "");
    const target = path.join(elsewhere, "risks.yaml");
    const link = path.join(dir, "linked-risks.yaml");
    symlinkSync(target, link);
    const run = await runCli(["check", dir, "--today", "2026-11-30", "--format", "json"]);
    const findings = JSON.parse(run.stdout).findings as { rule: string; file: string; message: string }[];
    assert.ok(
      findings.some((f) => f.file === "linked-risks.yaml" && f.rule === "ref/unresolved" && f.message.includes("ghost")),
      run.stdout,
    );
  });

  it("survives a symbolic link loop", async () => {
    const dir = writeFixture(minimalIsms());
    symlinkSync(dir, path.join(dir, "loop"));
    const run = await runCli(["check", dir, "--today", "2026-11-30"]);
    assert.equal(run.status, 0, run.stderr);
  });

  it("stops with exit 2 and one line when a YAML file cannot be read, instead of skipping it", async () => {
    const dir = writeFixture(minimalIsms());
    symlinkSync(path.join(dir, "nowhere.yaml"), path.join(dir, "dangling.yaml"));
    const run = await runCli(["check", dir, "--today", "2026-11-30"]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^isms: cannot read "dangling\.yaml": broken symbolic link/);
    assert.equal(run.stderr.trim().split("\n").length, 1);
  });

  it("reports a Latin-1 file as not UTF-8, on the right line", async () => {
    const dir = writeFixture(minimalIsms());
    writeFileSync(path.join(dir, "objectives.yaml"), Buffer.from("apiVersion: isms/v1\nkind: Objectives\nobjectives:\n  - id: O-9\n    title: Soci\xe9t\xe9\n", "latin1"));
    const run = await runCli(["check", dir, "--today", "2026-11-30", "--format", "json"]);
    const findings = JSON.parse(run.stdout).findings as { rule: string; file: string; range: { start: { line: number } }; message: string }[];
    const encoding = findings.filter((f) => f.file === "objectives.yaml" && f.rule === "yaml/syntax");
    assert.equal(encoding.length, 1);
    assert.equal(encoding[0].range.start.line, 4);
    assert.match(encoding[0].message, /UTF-8/);
  });

  it("reads a UTF-16 file with a byte-order mark", async () => {
    const files = minimalIsms();
    const dir = writeFixture(files);
    const text = files["objectives.yaml"].replace("All staff", "Alle Mitarbeitenden (Zürich)");
    writeFileSync(path.join(dir, "objectives.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const run = await runCli(["check", dir, "--today", "2026-11-30"]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });

  it("prints control characters of the files escaped, so a file cannot drive the terminal", async () => {
    const dir = writeFixture(edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", '    owner: "\\e]0;pwned\\a\\e[2Kghost"\n    likelihood: 3'));
    const run = await runCli(["check", dir, "--today", "2026-11-30", "--no-color"]);
    assert.equal(run.status, 1);
    assert.ok(!run.stdout.includes("\u001b"), "no escape character reaches the terminal");
    assert.match(run.stdout, /\\x1b\]0;pwned/);
  });

  it("an empty --today falls back to ISMS_TODAY", async () => {
    const dir = writeFixture(minimalIsms());
    const run = await runCli(["check", dir, "--today", "", "--format", "json"], { env: { ISMS_TODAY: "2026-11-30" } });
    assert.equal(JSON.parse(run.stdout).today, "2026-11-30");
  });

  it("a merge conflict in isms.yaml gives its syntax findings and exit 1; the rest is still checked as an ISMS", async () => {
    const files = minimalIsms();
    files["isms.yaml"] = files["isms.yaml"].replace("organization: Fixture Ltd\n", "<<<<<<< HEAD\norganization: Fixture Ltd\n=======\norganization: Fixture Limited\n>>>>>>> rename\n");
    const dir = writeFixture(edit(files, "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ghost\n    likelihood: 3"));
    const run = await runCli(["check", dir, "--today", "2026-11-30", "--format", "json"]);
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout).findings as { rule: string; file: string }[];
    assert.deepEqual(
      findings.map((f) => `${f.file} ${f.rule}`),
      ["isms.yaml yaml/syntax", "isms.yaml yaml/syntax", "isms.yaml yaml/syntax", "risks.yaml ref/unresolved"],
    );
  });

  it("a lone CR or a tab in isms.yaml is a syntax finding, never 'no ISMS found'", async () => {
    for (const broken of [(t: string) => t.replace("\nkind: ISMS", "\rkind: ISMS"), (t: string) => t.replace("\nscope:\n  ", "\nscope:\n\t")]) {
      const files = minimalIsms();
      const dir = writeFixture({ ...files, "isms.yaml": broken(files["isms.yaml"]) });
      const run = await runCli(["check", dir, "--today", "2026-11-30", "--format", "json"]);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      const findings = JSON.parse(run.stdout).findings as { rule: string; file: string }[];
      assert.deepEqual([...new Set(findings.map((f) => `${f.file} ${f.rule}`))], ["isms.yaml yaml/syntax"]);
    }
  });

  it("reports a FIFO and a folder named *.yaml once each (info), without reading them", async () => {
    const dir = writeFixture(minimalIsms());
    execFileSync("mkfifo", [path.join(dir, "pipe.yaml")]);
    mkdirSync(path.join(dir, "folder.yaml"));
    writeFileSync(path.join(dir, "folder.yaml", "notes.yaml"), "apiVersion: isms/v1\nkind: Objectives\nobjectives: []\n");
    const run = await runCli(["check", dir, "--today", "2026-11-30", "--format", "json"]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const findings = JSON.parse(run.stdout).findings as { rule: string; file: string; severity: string; message: string }[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.rule, f.severity]),
      [
        ["folder.yaml", "isms/not-a-file", "info"],
        ["pipe.yaml", "isms/not-a-file", "info"],
      ],
    );
    assert.match(findings[1].message, /named pipe/);
  });
});
