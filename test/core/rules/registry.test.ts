import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { RULES } from "../../../server/src/core";
import { formatDocs } from "../../../scripts/format-docs";
import { ruleDocs } from "../../../scripts/rule-docs";

describe("the rule registry", () => {
  it("has unique ids of the form area/name", () => {
    const ids = RULES.map((r) => r.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
    for (const id of ids) assert.match(id, /^[a-z]+\/[a-z0-9-]+$/);
  });

  for (const rule of RULES) {
    it(`${rule.id} lives in rules/${rule.id}.ts with complete metadata`, async () => {
      const path = `server/src/core/rules/${rule.id}.ts`;
      assert.ok(existsSync(path), `${path} does not exist`);
      const mod = (await import(`../../../${path}`)) as { rule: unknown };
      assert.equal(mod.rule, rule, `${path} does not export this rule as \`rule\``);
      assert.ok(["error", "warning", "info"].includes(rule.severity));
      assert.match(rule.clause, /^(\d+(\.\d+)*( [a-z])?|A\.\d+(\.\d+)?)/, "clause cites ISO/IEC 27001");
      assert.ok(rule.description.length > 20 && rule.description.length < 200, "one-sentence description");
      assert.match(rule.docs, /\*\*Fix:\*\*/, "docs say how to fix");
      const fixPath = `server/src/core/rules/${rule.id}.fix.ts`;
      if (rule.fixes) {
        assert.ok(rule.data, "a rule with quick-fixes declares the shape of its findings' data");
        assert.ok(existsSync(fixPath), `its quick-fixes live beside it in ${fixPath}`);
        const fixMod = (await import(`../../../${fixPath}`)) as { fixes: unknown };
        assert.equal(fixMod.fixes, rule.fixes, `${fixPath} does not export this rule's \`fixes\``);
      } else {
        assert.ok(!existsSync(fixPath), `${fixPath} exists but the rule does not use it`);
      }
    });
  }

  it("reads every area through its index, which lists all of the area's rules", async () => {
    const root = "server/src/core/rules";
    const areas = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const area of areas) {
      const index = `${root}/${area}/index.ts`;
      assert.ok(existsSync(index), `${index} is missing`);
      const mod = (await import(`../../../${index}`)) as Record<string, unknown>;
      const listed = Object.values(mod).find(Array.isArray) as { id: string }[] | undefined;
      const files = readdirSync(`${root}/${area}`)
        .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".fix.ts"))
        .map((f) => `${area}/${f.slice(0, -3)}`);
      assert.deepEqual(listed?.map((r) => r.id).sort(), files.sort(), `${index} lists the rules of ${area}/`);
      for (const id of files)
        assert.ok(
          RULES.some((r) => r.id === id),
          `${id} is not in the registry`,
        );
    }
  });

  it("has generated docs and README table up to date (run npm run docs)", () => {
    const pages = { ...ruleDocs(RULES, readFileSync("README.md", "utf8")), "docs/format.md": formatDocs() };
    for (const [path, text] of Object.entries(pages)) {
      assert.ok(existsSync(path), `${path} is missing: run npm run docs`);
      assert.equal(readFileSync(path, "utf8"), text, `${path} is out of date: run npm run docs`);
    }
  });
});
