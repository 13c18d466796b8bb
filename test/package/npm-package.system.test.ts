import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "../cli/cli-helpers";

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";

/**
 * The npm package as a user gets it: `npm pack` (which builds through `prepare`), then the
 * tarball run with `npx --package` from an empty folder, offline, with an empty npm cache, so
 * nothing can come from the registry or from this clone.
 */
describe("the npm package", function () {
  this.timeout(300_000);
  let work: string;
  let tarball: string;
  let packed: PackResult;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), "isms-pack-"));
    const run = spawnSync(NPM, ["pack", "--json", "--pack-destination", work], { cwd: REPO, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
    assert.equal(run.status, 0, run.stderr);
    // npm prints the prepare script's output before the JSON.
    packed = (JSON.parse(run.stdout.slice(run.stdout.indexOf("[\n"))) as PackResult[])[0];
    tarball = path.join(work, packed.filename);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("holds only what runs: the bundles, schemas, snippets, docs and the starter", () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const needed of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/cli.js",
      "dist/server.js",
      "schemas/isms.schema.json",
      "snippets/isms.code-snippets",
      "docs/editors.md",
      "examples/starter/isms.yaml",
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const stray = files.filter((f) => /\.(ts|map|png|vsix)$/.test(f) || /^(test|server|client|scripts|node_modules|examples\/acme)\//.test(f));
    assert.deepEqual(stray, []);
    assert.ok(files.length < 120, `${files.length} files`);
  });

  it("needs no runtime dependency: everything it runs is bundled", () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.bin, { isms: "dist/cli.js", "isms-language-server": "dist/server.js" });
    for (const bundle of ["dist/cli.js", "dist/server.js"]) assert.match(readFileSync(path.join(REPO, bundle), "utf8"), /^#!\/usr\/bin\/env node\n/);
  });

  it("runs `npx --package ./isms-workbench-X.tgz isms check DIR` in an empty folder, offline", () => {
    const empty = path.join(work, "empty");
    mkdirSync(empty);
    const acme = path.join(work, "acme");
    cpSync(path.join(REPO, "examples", "acme"), acme, { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: path.join(work, "npm-cache"), npm_config_offline: "true", npm_config_yes: "true", npm_config_update_notifier: "false" };
    delete env.ISMS_TODAY;
    const run = spawnSync(NPX, ["--package", tarball, "isms", "check", acme, "--today", "2026-11-30", "--no-color"], { cwd: empty, encoding: "utf8", env });
    assert.equal(run.status, 1, `exit ${run.status}: ${run.stderr}`);
    assert.match(run.stdout, /5 errors, 3 warnings/);
    const version = spawnSync(NPX, ["--package", tarball, "isms-language-server", "--version"], { cwd: empty, encoding: "utf8", env });
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version, version.stderr);
  });
});
