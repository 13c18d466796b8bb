/**
 * Fuzz cases that once failed, replayed exactly (seed and case number of `npm run fuzz`), next to
 * the minimal tests written from them elsewhere.
 */
import * as assert from "node:assert/strict";
import { makeCase, runCase } from "./engine-fuzz";

const FAILED_ONCE: { seed: number; index: number; what: string }[] = [
  // A lone CR was reported one character past the end of its line (test/core/large-input.test.ts).
  { seed: 1, index: 0, what: "lone CR range past the end of the line" },
  { seed: 1, index: 90, what: "lone CR range past the end of the line, in a register" },
];

describe("fuzz regressions", () => {
  for (const { seed, index, what } of FAILED_ONCE) {
    it(`seed ${seed} case ${index}: ${what}`, () => {
      assert.deepEqual(runCase(makeCase(seed, index), seed), []);
    });
  }
});
