import * as assert from "node:assert/strict";
import { parseFile, type ParsedFile } from "../../server/src/core";
import { checkGroup, groupFiles, needsCheck, totals, type GroupingContext } from "../../server/src/lsp/group-check";
import { FIXTURE_TODAY, minimalIsms } from "../helpers/minimal-isms";

/** Parses files given by key ("file:///w/a/isms.yaml" style keys, as the server uses). */
function parseAll(files: Record<string, string>): ParsedFile[] {
  return Object.entries(files).map(([key, text]) => parseFile(key, text));
}

/** A workspace with one folder, `file:///w`, and the given open files. */
function context(open: string[] = []): GroupingContext {
  return {
    isOpen: (key) => open.includes(key),
    folderOf: (key) => (key.startsWith("file:///w/") ? { key: "file:///w", uri: "file:///w" } : undefined),
    toUri: (key) => key,
  };
}

const under = (prefix: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}/${k}`, v]));
const settings = { today: FIXTURE_TODAY, severities: {} };

describe("lsp/group-check", () => {
  it("groups the files of each ISMS root, and the ISMS files under no root per folder; other YAML in none", () => {
    const parsed = parseAll({
      ...under("file:///w/a", minimalIsms()),
      ...under("file:///w/b", { "isms.yaml": minimalIsms()["isms.yaml"] }),
      "file:///w/loose/risks.yaml": "apiVersion: isms/v1\nkind: RiskRegister\nrisks: []\n",
      "file:///w/.github/workflow.yaml": "on: push\n",
    });
    const groups = groupFiles(parsed, context(["file:///w/b/isms.yaml"]));
    assert.deepEqual([...groups.keys()].sort(), ["file:///w/a", "file:///w/b", "orphans:file:///w"]);
    const a = groups.get("file:///w/a")!;
    assert.equal(a.isRoot, true);
    assert.equal(a.keys.size, Object.keys(minimalIsms()).length);
    assert.equal(a.hasOpen, false);
    assert.equal(groups.get("file:///w/b")!.hasOpen, true);
    const orphans = groups.get("orphans:file:///w")!;
    assert.equal(orphans.isRoot, false);
    assert.equal(orphans.root, "file:///w");
    assert.equal(orphans.scopeUri, "file:///w");
    assert.deepEqual([...orphans.keys], ["file:///w/loose/risks.yaml"]);
  });

  it("checks a group only when forced, new, changed in its files, or dirty", () => {
    const [group] = groupFiles(parseAll(under("file:///w", minimalIsms())), context()).values();
    const keys = new Set(group.keys);
    const none = new Set<string>();
    assert.equal(needsCheck(group, keys, none, none), false);
    assert.equal(needsCheck(group, undefined, none, none), true, "never checked");
    assert.equal(needsCheck(group, keys, new Set([group.id]), none), true, "forced");
    assert.equal(needsCheck(group, new Set([...keys].slice(1)), none, none), true, "a file came");
    assert.equal(needsCheck(group, keys, none, new Set(["file:///w/isms.yaml"])), true, "a file changed");
    assert.equal(needsCheck(group, keys, none, new Set(["file:///elsewhere.yaml"])), false, "another group's file changed");
  });

  it("shows the syntax findings of a file's latest text while the model keeps its last good parse", () => {
    const files = under("file:///w", minimalIsms());
    const good = parseAll(files);
    const [group] = groupFiles(good, context()).values();
    const broken = parseFile("file:///w/isms.yaml", files["file:///w/isms.yaml"] + "\n\tbad: [\n");
    assert.ok(broken.problems.length > 0);
    const check = checkGroup(group, settings, { current: (key) => (key === broken.file ? broken : good.find((f) => f.file === key)), version: () => 7, toUri: (key) => key });
    assert.ok(check.model?.isms, "the model is built from the last good parse");
    const shown = check.files.find((f) => f.key === broken.file)!;
    assert.ok(shown.lastGoodRange, "the file says its model uses the last good text");
    assert.ok(shown.findings.length > 0 && shown.findings.every((f) => f.rule === "yaml/syntax"), JSON.stringify(shown.findings.map((f) => f.rule)));
    assert.equal(shown.version, 7);
    assert.equal(check.summary.files, good.length);
    assert.equal(
      check.summary.errors + check.summary.warnings + check.summary.infos,
      check.files.reduce((n, f) => n + f.findings.length, 0),
    );
  });

  it("sums root summaries", () => {
    const root = { root: "r", isRoot: true, today: FIXTURE_TODAY };
    assert.deepEqual(totals([]), { errors: 0, warnings: 0, infos: 0, files: 0 });
    assert.deepEqual(
      totals([
        { ...root, errors: 1, warnings: 2, infos: 3, files: 4 },
        { ...root, errors: 10, warnings: 20, infos: 30, files: 40 },
      ]),
      { errors: 11, warnings: 22, infos: 33, files: 44 },
    );
  });
});
