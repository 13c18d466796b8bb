import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const REPO = typeof __dirname !== "undefined" ? resolve(__dirname, "..", "..") : resolve(".");
const doc = readFileSync(join(REPO, "docs", "editors.md"), "utf8");

describe("docs/editors.md", () => {
  it("quotes every editor configuration of docs/editors/ as it is (the files the tests run)", () => {
    for (const file of ["neovim-0.7.lua", "neovim-0.8.lua", "neovim-0.11.lua", "eglot.el"]) {
      assert.ok(doc.includes(readFileSync(join(REPO, "docs", "editors", file), "utf8").trimEnd()), `${file} is not in docs/editors.md as it is`);
    }
  });

  it("documents every isms/* message of the protocol", () => {
    const protocol = readFileSync(join(REPO, "server", "src", "protocol.ts"), "utf8");
    const methods = [...protocol.matchAll(/method: "(isms\/\w+)"/g)].map((m) => m[1]);
    assert.ok(methods.length >= 6);
    const documented = new Set([...doc.matchAll(/^\| `(isms\/\w+)` \|/gm)].map((m) => m[1]));
    assert.deepEqual(
      methods.filter((m) => !documented.has(m)),
      [],
    );
    assert.deepEqual(
      [...documented].filter((m) => !methods.includes(m)),
      [],
    );
  });
});
