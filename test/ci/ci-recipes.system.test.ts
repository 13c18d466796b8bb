import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type * as Sarif from "sarif";
import { parse } from "yaml";
import { buildCli, CLI, REPO, removeFixtures, writeFixture } from "../cli/cli-helpers";
import { descendants, parseXml } from "../cli/xml";
import { edit } from "../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";

/** A git repository (a folder with `.git`) whose ISMS lies in `compliance/isms`. */
function repository(files: Files = minimalIsms()): string {
  const isms = Object.fromEntries(Object.entries(files).map(([file, text]) => [`compliance/isms/${file}`, text]));
  return writeFixture({ ...isms, ".git/HEAD": "ref: refs/heads/main\n", "README.md": "# repo\n" });
}

const BROKEN = () => edit(minimalIsms(), "risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ghost\n    likelihood: 3");

/** A folder of commands put first on PATH: `isms` as the installed package provides it, and `npx` as it runs it. */
function commands(): string {
  const bin = writeFixture({});
  const isms = path.join(bin, "isms");
  writeFileSync(isms, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  // `npx [--yes] --package isms-workbench isms ARGS`: runs the installed `isms` with ARGS.
  const npx = path.join(bin, "npx");
  writeFileSync(npx, `#!/bin/sh\nwhile [ "$#" -gt 0 ] && [ "$1" != isms ]; do shift; done\nshift\nexec "${isms}" "$@"\n`);
  chmodSync(isms, 0o755);
  chmodSync(npx, 0o755);
  return bin;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}

/**
 * Runs the composite action of action.yml as the GitHub runner does: each step's `run` in bash in
 * the workspace, `${{ inputs.X }}` replaced by the given input or its default, GITHUB_ACTION_PATH
 * the action's checkout (this repository), GITHUB_OUTPUT a file read back as the outputs.
 */
function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const action = parse(readFileSync(path.join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: ActionStep[] } };
  assert.equal(action.runs.using, "composite");
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `action.yml has no input ${name}`);
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? "";
  const expand = (text: string) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => value(name));
  const outputFile = path.join(writeFixture({}), "github-output");
  writeFileSync(outputFile, "");
  let stdout = "";
  let stderr = "";
  let status: number | null = 0;
  for (const step of action.runs.steps) {
    assert.equal(step.shell, "bash");
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: REPO, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile };
    delete env.ISMS_TODAY;
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v);
    const run = spawnSync("bash", ["-e", "-c", expand(step.run)], { cwd: workspace, env, encoding: "utf8" });
    stdout += run.stdout;
    stderr += run.stderr;
    status = run.status;
    if (status !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { status, stdout, stderr, outputs };
}

describe("CI recipes: the GitHub Action, the pre-commit hook and the GitLab job", function () {
  this.timeout(180_000);
  before(() => buildCli());
  after(() => removeFixtures());

  describe("action.yml", () => {
    it("writes SARIF relative to the repository root and annotates the findings", () => {
      const repo = repository(BROKEN());
      const run = runAction(repo, { path: "compliance/isms", today: FIXTURE_TODAY });
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.outputs.sarif, "isms.sarif");
      assert.equal(run.outputs["exit-code"], "1");
      const log = JSON.parse(readFileSync(path.join(repo, "isms.sarif"), "utf8")) as Sarif.Log;
      const uri = log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri;
      assert.equal(uri, "compliance/isms/risks.yaml");
      assert.match(run.stdout, /^::error file=compliance\/isms\/risks\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=ref\/unresolved::/m);
    });

    it("passes on a clean ISMS, and only reports findings with fail-on-findings: false", () => {
      const clean = runAction(repository(), { path: "compliance/isms", today: FIXTURE_TODAY });
      assert.equal(clean.status, 0, clean.stderr);
      const lenient = runAction(repository(BROKEN()), { path: "compliance/isms", today: FIXTURE_TODAY, "fail-on-findings": "false" });
      assert.equal(lenient.status, 0, lenient.stderr);
      assert.equal(lenient.outputs["exit-code"], "1");
    });

    it("on a repository with no ISMS: exit 2, an error annotation saying why, and no SARIF", () => {
      const repo = writeFixture({ ".git/HEAD": "ref: refs/heads/main\n", "config.yaml": "a: 1\n" });
      const run = runAction(repo, { today: FIXTURE_TODAY });
      assert.equal(run.status, 2);
      assert.match(run.stdout, /^::error title=isms check::no ISMS found under "\.": no isms\.yaml with kind: ISMS$/m);
      assert.equal(existsSync(path.join(repo, "isms.sarif")), false);
      assert.equal(run.outputs.sarif, undefined);
    });
  });

  describe(".pre-commit-hooks.yaml", () => {
    interface Hook {
      id: string;
      name: string;
      entry: string;
      language: string;
      files?: string;
      pass_filenames?: boolean;
    }
    const hooks = parse(readFileSync(path.join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];

    it("declares a node hook whose command the package provides", () => {
      assert.equal(hooks.length, 1);
      const [hook] = hooks;
      assert.equal(hook.id, "isms-check");
      assert.equal(hook.language, "node");
      assert.equal(hook.pass_filenames, false);
      const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string> };
      assert.ok(manifest.bin[hook.entry.split(" ")[0]], "the hook's command is a bin of the package");
      assert.ok(manifest.scripts.prepare, "pre-commit installs the repository with npm: prepare builds it");
      const files = new RegExp(hook.files ?? "");
      assert.ok(files.test("compliance/isms/risks.yaml") && files.test("isms.yml") && !files.test("README.md"));
    });

    it("runs as pre-commit runs it (entry, no file names, at the repository root): 0 clean, 1 on a gap, 2 without an ISMS", () => {
      const [hook] = hooks;
      const env = { ...process.env, PATH: `${commands()}:${process.env.PATH ?? ""}`, ISMS_TODAY: FIXTURE_TODAY };
      const run = (cwd: string) => spawnSync("bash", ["-c", hook.entry], { cwd, env, encoding: "utf8" });
      assert.equal(run(repository()).status, 0);
      const broken = run(repository(BROKEN()));
      assert.equal(broken.status, 1);
      assert.match(broken.stdout, /ref\/unresolved/);
      const none = run(writeFixture({ "config.yaml": "a: 1\n" }));
      assert.equal(none.status, 2);
      assert.match(none.stderr, /^isms: no ISMS found/);
    });
  });

  describe("docs/ci/gitlab-ci.yml", () => {
    const job = (
      parse(readFileSync(path.join(REPO, "docs", "ci", "gitlab-ci.yml"), "utf8")) as Record<string, { script: string[]; artifacts: { when: string; reports: { junit: string; codequality: string } } }>
    ).isms;

    /** Runs the job's script lines in one bash, as the GitLab runner does. */
    function runJob(repo: string) {
      const env = { ...process.env, PATH: `${commands()}:${process.env.PATH ?? ""}`, ISMS_TODAY: FIXTURE_TODAY };
      return spawnSync("bash", ["-e", "-c", job.script.join("\n")], { cwd: repo, env, encoding: "utf8" });
    }

    it("fails on errors and leaves the JUnit and Code Quality reports it declares", () => {
      assert.equal(job.artifacts.when, "always");
      const repo = repository(BROKEN());
      const run = runJob(repo);
      assert.equal(run.status, 1, run.stderr);
      const junit = parseXml(readFileSync(path.join(repo, job.artifacts.reports.junit), "utf8"));
      assert.ok(descendants(junit, "failure").length >= 1);
      const quality = JSON.parse(readFileSync(path.join(repo, job.artifacts.reports.codequality), "utf8")) as { location: { path: string } }[];
      assert.ok(quality.some((q) => q.location.path === "compliance/isms/risks.yaml"));
    });

    it("passes on a clean ISMS (its warnings are not JUnit failures), and exits 2 without an ISMS", () => {
      const repo = repository(edit(minimalIsms(), "actions.yaml", "due: 2027-", "due: 2025-"));
      const run = runJob(repo);
      assert.equal(run.status, 0, run.stderr);
      const junit = parseXml(readFileSync(path.join(repo, job.artifacts.reports.junit), "utf8"));
      assert.equal(descendants(junit, "failure").length, 0);
      assert.match(readFileSync(path.join(repo, job.artifacts.reports.junit), "utf8"), /warning/);
      const none = writeFixture({ "x.yaml": "a: 1\n" });
      mkdirSync(path.join(none, ".git"));
      assert.equal(runJob(none).status, 2);
    });
  });
});
