import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { reportBase } from "../../server/src/cli/report-base";
import { data, property } from "../../server/src/cli/reporters/github";
import { folderUri, ruleName } from "../../server/src/cli/reporters/sarif";
import { UsageError } from "../../server/src/cli/usage-error";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";
import { removeFixtures, runCli, writeFixture } from "./cli-helpers";
import { descendants, parseXml } from "./xml";

/** The minimal ISMS with an unknown risk owner (an error). */
function ismsWithError(): Files {
  return edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: opps\n    likelihood: 3");
}

/** A repository (a folder with `.git`) holding `files` under `isms/acme`; returns [repo, isms folder]. */
function repositoryWith(files: Files): [string, string] {
  const prefixed = Object.fromEntries(Object.entries(files).map(([file, text]) => [`isms/acme/${file}`, text]));
  const repo = writeFixture({ ...prefixed, ".git/HEAD": "ref: refs/heads/main\n" });
  return [repo, path.join(repo, "isms", "acme")];
}

describe("isms check in CI: paths from the repository root, GitHub and GitLab formats", function () {
  this.timeout(120_000);
  after(() => removeFixtures());

  describe("the report base", () => {
    it("is the git top level above the checked folder, with the folder as a prefix", () => {
      const base = reportBase("/repo/isms/acme", undefined, path.posix, (f) => f === "/repo");
      assert.deepEqual(base, { folder: "/repo", prefix: "isms/acme", source: "git" });
    });

    it("is --root when given, and refuses a --root that does not hold the folder", () => {
      assert.deepEqual(
        reportBase("/repo/isms", "/repo", path.posix, () => false),
        { folder: "/repo", prefix: "isms", source: "root-option" },
      );
      assert.throws(
        () => reportBase("/elsewhere/isms", "/repo", path.posix, () => false),
        (e: unknown) => e instanceof UsageError && /does not contain the checked folder/.test(e.message),
      );
    });

    it("is the checked folder outside any git repository", () => {
      assert.deepEqual(
        reportBase("/tmp/isms", undefined, path.posix, () => false),
        { folder: "/tmp/isms", prefix: "", source: "checked-folder" },
      );
    });

    it("gives '/'-separated prefixes for Windows paths, and refuses a --root on another drive", () => {
      assert.deepEqual(
        reportBase("C:\\repo\\isms\\acme", undefined, path.win32, (f) => f === "C:\\repo"),
        { folder: "C:\\repo", prefix: "isms/acme", source: "git" },
      );
      assert.throws(() => reportBase("D:\\isms", "C:\\repo", path.win32, () => false), UsageError);
    });

    it("writes Windows folders as file URIs SARIF viewers resolve", () => {
      assert.equal(folderUri("C:\\Users\\Ann Lee\\repo"), "file:///C:/Users/Ann%20Lee/repo/");
      assert.equal(folderUri("c:/repo/"), "file:///C:/repo/");
      assert.equal(folderUri("\\\\server\\share\\repo"), "file://server/share/repo/");
      assert.equal(folderUri("/home/ann/repo"), "file:///home/ann/repo/");
    });
  });

  it("SARIF: locations are relative to the git top level, which originalUriBaseIds names", async () => {
    const [repo, isms] = repositoryWith(ismsWithError());
    // Run from a subfolder of the repository, as a CI step with a working-directory would.
    const run = await runCli(["check", "acme", "--format", "sarif", "--today", FIXTURE_TODAY], { cwd: path.join(repo, "isms") });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, "");
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(log.runs[0].originalUriBaseIds?.SRCROOT.uri, pathToFileURL(repo).href + "/");
    const uris = log.runs[0].results?.map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri);
    assert.ok(uris?.length);
    assert.ok(
      uris?.every((u) => u?.startsWith("isms/acme/")),
      String(uris),
    );
    assert.ok(isms);
  });

  it("SARIF: every rule has a name and a short description", async () => {
    const [, isms] = repositoryWith(minimalIsms());
    const log = JSON.parse((await runCli(["check", isms, "--format", "sarif", "--today", FIXTURE_TODAY])).stdout) as Sarif.Log;
    const rules = log.runs[0].tool.driver.rules ?? [];
    assert.ok(rules.length > 40);
    for (const rule of rules) {
      assert.match(rule.name ?? "", /^[A-Z][A-Za-z0-9]+$/, rule.id);
      assert.ok(rule.shortDescription?.text, rule.id);
    }
    assert.equal(ruleName("soa/untraced-control"), "SoaUntracedControl");
  });

  it("--root chooses the base; a --root that does not hold the folder is exit 2", async () => {
    const [repo, isms] = repositoryWith(minimalIsms());
    const log = JSON.parse((await runCli(["check", isms, "--format", "sarif", "--root", path.join(repo, "isms"), "--today", FIXTURE_TODAY])).stdout) as Sarif.Log;
    assert.equal(log.runs[0].originalUriBaseIds?.SRCROOT.uri, pathToFileURL(path.join(repo, "isms")).href + "/");
    const other = writeFixture({ "x.txt": "" });
    const refused = await runCli(["check", isms, "--format", "sarif", "--root", other, "--today", FIXTURE_TODAY]);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /^isms: --root ".*" does not contain the checked folder/);
  });

  it("outside any git repository, paths are relative to the checked folder and stderr says so", async () => {
    const dir = writeFixture(minimalIsms());
    const run = await runCli(["check", dir, "--format", "junit", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /is not inside a git repository: paths in the report are relative to it/);
    assert.ok(parseXml(run.stdout));
  });

  it("JUnit: names files from the repository root; warnings pass unless --max-warnings is exceeded", async () => {
    const files = edit(ismsWithError(), "actions.yaml", "due: 2027-", "due: 2025-");
    const [, isms] = repositoryWith(files);
    const json = JSON.parse((await runCli(["check", isms, "--format", "json", "--today", FIXTURE_TODAY])).stdout) as { summary: { errors: number; warnings: number } };
    assert.ok(json.summary.errors >= 1 && json.summary.warnings >= 1, JSON.stringify(json.summary));

    const lenient = parseXml((await runCli(["check", isms, "--format", "junit", "--today", FIXTURE_TODAY])).stdout);
    const failures = descendants(lenient, "failure");
    assert.equal(failures.length, json.summary.errors);
    assert.ok(failures.every((f) => f.attributes.type === "error"));
    assert.ok(descendants(lenient, "testsuite").every((s) => s.attributes.name.startsWith("isms/acme/")));

    const strict = await runCli(["check", isms, "--format", "junit", "--max-warnings", "0", "--today", FIXTURE_TODAY]);
    const strictFailures = descendants(parseXml(strict.stdout), "failure");
    assert.equal(strictFailures.length, json.summary.errors + json.summary.warnings);
    assert.ok(strictFailures.some((f) => f.attributes.type === "warning"));

    const allowed = descendants(parseXml((await runCli(["check", isms, "--format", "junit", "--max-warnings", "99", "--today", FIXTURE_TODAY])).stdout), "failure");
    assert.equal(allowed.length, json.summary.errors);
  });

  it("--format github prints one escaped workflow annotation per finding", async () => {
    const files = edit(ismsWithError(), "risks.yaml", "    owner: opps", '    owner: "a,b:c%d"');
    const [, isms] = repositoryWith(files);
    const run = await runCli(["check", isms, "--format", "github", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split("\n");
    const annotation = lines.find((l) => l.includes("title=ref/unresolved"));
    assert.ok(annotation, run.stdout);
    assert.match(annotation, /^::error file=isms\/acme\/risks\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=ref\/unresolved::/);
    assert.match(annotation, /a,b:c%25d/);
    assert.match(lines[lines.length - 1], /^isms: \d+ errors?, \d+ warnings?, \d+ infos? in \d+ ISMS files$/);
    assert.equal(data("a%\r\nb"), "a%25%0D%0Ab");
    assert.equal(property("x:y,z"), "x%3Ay%2Cz");
  });

  it("--format gitlab writes a Code Quality report with stable fingerprints", async () => {
    const [, isms] = repositoryWith(ismsWithError());
    const run = await runCli(["check", isms, "--format", "gitlab", "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 1);
    const issues = JSON.parse(run.stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; positions: { begin: { line: number } } } }[];
    const unresolved = issues.find((i) => i.check_name === "ref/unresolved");
    assert.ok(unresolved);
    assert.equal(unresolved.severity, "major");
    assert.equal(unresolved.location.path, "isms/acme/risks.yaml");
    assert.ok(unresolved.location.positions.begin.line >= 1);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    // A line added above the finding keeps its fingerprint.
    const shifted = edit(ismsWithError(), "risks.yaml", "risks:", "# a comment line\nrisks:");
    const [, isms2] = repositoryWith(shifted);
    const again = JSON.parse((await runCli(["check", isms2, "--format", "gitlab", "--today", FIXTURE_TODAY])).stdout) as typeof issues;
    const moved = again.find((i) => i.check_name === "ref/unresolved");
    assert.equal(moved?.fingerprint, unresolved.fingerprint);
    assert.equal(moved?.location.positions.begin.line, unresolved.location.positions.begin.line + 1);
  });

  it("run in a subfolder of the ISMS: exit 2 and the command that checks it", async () => {
    const [repo] = repositoryWith(minimalIsms());
    const sub = path.join(repo, "isms", "acme", "notes");
    mkdirSync(sub);
    const run = await runCli(["check", "--today", FIXTURE_TODAY], { cwd: sub });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, `isms: no ISMS found under ".": no isms.yaml with kind: ISMS; "." is inside the ISMS of "..": run isms check ..\n`);
  });

  it("a read-only output folder: exit 2 with the reason, and no report", async function () {
    if (process.platform === "win32") this.skip();
    const [, isms] = repositoryWith(minimalIsms());
    const out = writeFixture({ "keep.txt": "" });
    chmodSync(out, 0o555);
    try {
      const target = path.join(out, "isms.sarif");
      const run = await runCli(["check", isms, "--format", "sarif", "--output", target, "--today", FIXTURE_TODAY]);
      // root ignores permissions: make the folder a file's child instead to fail for everyone
      if (run.status === 0) {
        writeFileSync(path.join(out, "file"), "");
        const again = await runCli(["check", isms, "--format", "sarif", "--output", path.join(out, "file", "isms.sarif"), "--today", FIXTURE_TODAY]);
        assert.equal(again.status, 2);
        assert.match(again.stderr, /^isms: cannot write ".*isms\.sarif": /);
        return;
      }
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^isms: cannot write ".*isms\.sarif": .*(EACCES|permission)/i);
      assert.throws(() => readFileSync(target));
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it("writes into an output folder that does not exist yet", async () => {
    const [repo, isms] = repositoryWith(minimalIsms());
    const target = path.join(repo, "reports", "nested", "isms.sarif");
    const run = await runCli(["check", isms, "--format", "sarif", "--output", target, "--today", FIXTURE_TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal((JSON.parse(readFileSync(target, "utf8")) as Sarif.Log).version, "2.1.0");
  });
});
