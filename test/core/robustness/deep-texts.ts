/** Deeply nested YAML for the nesting tests of both tiers. */
import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../../server/src/core";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

function run(files: Files) {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
}

/** Texts nesting `depth` levels deep, in each way YAML nests. */
export function deepTexts(depth: number): [string, string][] {
  return [
    ["flow lists", "x-deep: " + "[".repeat(depth) + "]".repeat(depth)],
    ["flow mappings", "x-deep: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth)],
    ["block mappings", "x-deep:\n" + Array.from({ length: Math.min(depth, 1000) }, (_, i) => " ".repeat(i + 1) + "k:").join("\n") + " v"],
    ["compact lists", "x-deep: \n  " + "- ".repeat(depth) + "x"],
  ];
}

/** Checks that `text` in an ActionPlan gives one nesting finding, the same on a second run. */
export function expectOneDepthFinding(text: string): void {
  const files = { ...minimalIsms(), "deep.yaml": `apiVersion: isms/v1\nkind: ActionPlan\nactions: []\n${text}\n` };
  const first = run(files).findings.filter((f) => f.file === "deep.yaml");
  assert.deepEqual(
    first.map((f) => f.rule),
    ["yaml/syntax"],
  );
  assert.match(first[0].message, /^Nested more than/);
  assert.deepEqual(
    run(files).findings.filter((f) => f.file === "deep.yaml"),
    first,
  );
}
