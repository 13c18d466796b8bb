import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, REPO_ROOT, SERVER_JS } from "../server/lsp-client";

interface NvimResult {
  version: { major: number; minor: number; patch: number };
  attached: boolean;
  diagnosed: boolean;
  diagnostics: { line: number; col: number; code: string; message: string }[];
  hover?: string;
  actions: { title: string; kind?: string; edit?: unknown }[];
  errors: string[];
}

const NVIM = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const VERSION = /NVIM v(\d+)\.(\d+)/.exec(NVIM.stdout ?? "");
const [MAJOR, MINOR] = VERSION ? [Number(VERSION[1]), Number(VERSION[2])] : [0, 0];

/** The configurations of docs/editors.md this Neovim can run: each needs the version in its name. */
const CONFIGS = [
  { file: "neovim-0.7.lua", since: 7 },
  { file: "neovim-0.8.lua", since: 8 },
  { file: "neovim-0.11.lua", since: 11 },
].filter((c) => MAJOR > 0 || MINOR >= c.since);

/**
 * A real headless Neovim (the Debian package; .ci/run installs it) with the configuration of
 * docs/editors.md, against the bundled server on a copy of examples/acme: diagnostics, a hover
 * and a quick-fix, as a user of another editor gets them. Each configuration is run only when the
 * installed Neovim has the API it uses (Debian 12 ships 0.7.2: `vim.lsp.start` needs 0.8 and
 * `vim.lsp.config` 0.11).
 */
describe("Neovim with the configurations of docs/editors.md", function () {
  this.timeout(180_000);
  let work: string;
  let acme: string;
  let bin: string;

  before(async function () {
    assert.ok(VERSION, `nvim is not installed (apt-get install neovim): ${NVIM.error?.message ?? NVIM.stderr}`);
    await buildServer();
    work = mkdtempSync(join(tmpdir(), "isms-nvim-"));
    acme = join(work, "acme");
    cpSync(join(REPO_ROOT, "examples", "acme"), acme, { recursive: true });
    // `isms-language-server` on PATH, as `npm install --global isms-workbench` puts it.
    bin = join(work, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "isms-language-server"), `#!/bin/sh\nexec "${process.execPath}" "${SERVER_JS}" "$@"\n`);
    chmodSync(join(bin, "isms-language-server"), 0o755);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const config of CONFIGS) {
    it(`${config.file}: diagnostics, hover and a quick-fix on examples/acme`, () => {
      const file = join(acme, "risks", "corporate.yaml");
      const lines = readFileSync(file, "utf8").split("\n");
      const numeric = lines.findIndex((l) => /controls:.*\b5\.10\b/.test(l));
      const control = lines.findIndex((l) => /\bA\.5\.\d+/.test(l));
      assert.ok(numeric >= 0 && control >= 0);
      const out = join(work, `${config.file}.json`);
      const run = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(REPO_ROOT, "test", "editors", "nvim-driver.lua")}`], {
        cwd: acme,
        encoding: "utf8",
        timeout: 170_000,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH ?? ""}`,
          XDG_STATE_HOME: join(work, "state"),
          XDG_DATA_HOME: join(work, "data"),
          ISMS_TODAY: "2026-11-30",
          ISMS_NVIM_CONFIG: join(REPO_ROOT, "docs", "editors", config.file),
          ISMS_NVIM_FILE: file,
          ISMS_NVIM_OUT: out,
          ISMS_NVIM_HOVER: `${control}:${lines[control].indexOf("A.5.") + 2}`,
          ISMS_NVIM_ACTION: `${numeric}:${lines[numeric].indexOf("5.10")}`,
        },
      });
      assert.equal(run.status, 0, `nvim exited ${run.status ?? run.signal}: ${run.stderr}`);
      const result = JSON.parse(readFileSync(out, "utf8")) as NvimResult;
      assert.deepEqual(result.errors, []);
      assert.ok(result.attached, "the server did not start");
      assert.deepEqual(result.diagnostics.map((d) => d.code).sort(), ["risk/unrated", "yaml/numeric-control-id"]);
      assert.equal(result.diagnostics.find((d) => d.code === "yaml/numeric-control-id")?.line, numeric);
      assert.match(result.hover ?? "", /A\.5\.\d+/);
      const fix = result.actions.find((a) => /A\.5\.10/.test(a.title));
      assert.ok(fix, `no quick-fix to A.5.10 among: ${result.actions.map((a) => a.title).join(" | ")}`);
      assert.equal(fix.kind, "quickfix");
      assert.ok(fix.edit);
    });
  }
});
