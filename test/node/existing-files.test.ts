import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listExistingFiles } from "../../server/src/node/existing-files";

describe("node: the files that exist under an ISMS root (evidence check)", () => {
  let top: string;
  beforeEach(() => {
    top = mkdtempSync(join(tmpdir(), "isms-existing-"));
  });
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  it("lists files and folders relative to the root, in NFC, skipping .git and node_modules", async () => {
    const root = join(top, "isms");
    mkdirSync(join(root, "docs", "sub"), { recursive: true });
    mkdirSync(join(root, ".git"));
    mkdirSync(join(root, "node_modules", "x"), { recursive: true });
    writeFileSync(join(root, "docs", "sub", "a.md"), "");
    writeFileSync(join(root, "docs", "cafe\u0301.md"), ""); // NFD on disk
    writeFileSync(join(root, ".git", "HEAD"), "");
    writeFileSync(join(root, "node_modules", "x", "y.js"), "");
    const listed = await listExistingFiles(root);
    assert.deepEqual([...listed.paths].sort(), ["docs", "docs/caf\u00e9.md", "docs/sub", "docs/sub/a.md"]);
    assert.equal(listed.truncated, false);
  });

  it("counts a symbolic link only when it leads inside the root, and never descends into linked folders", async () => {
    const root = join(top, "isms");
    const outside = join(top, "outside");
    mkdirSync(join(root, "docs"), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, "secret.md"), "");
    writeFileSync(join(root, "docs", "real.md"), "");
    symlinkSync(join(outside, "secret.md"), join(root, "docs", "out.md"));
    symlinkSync(outside, join(root, "out-folder"));
    symlinkSync(join(root, "docs", "real.md"), join(root, "in.md"));
    symlinkSync(root, join(root, "loop"));
    symlinkSync(join(root, "gone.md"), join(root, "dangling.md"));
    const listed = await listExistingFiles(root);
    assert.deepEqual([...listed.paths].sort(), ["docs", "docs/real.md", "in.md", "loop"]);
  });

  it("stops at the limit and says so; a missing folder gives an empty list", async () => {
    const root = join(top, "isms");
    mkdirSync(root);
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `f${i}.md`), "");
    const listed = await listExistingFiles(root, 3);
    assert.equal(listed.truncated, true);
    assert.equal(listed.paths.size, 3);
    assert.deepEqual(await listExistingFiles(join(top, "nope")), { paths: new Set(), truncated: false });
  });
});
