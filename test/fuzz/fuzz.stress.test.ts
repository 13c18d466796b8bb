/**
 * The stress tier's fuzzing (`npm run test:stress`): 2,000 fixed-seed cases of the engine fuzzer,
 * every case of the YAML test suite, and random edits and requests against the bundled language
 * server. Slow by design; the fast tier (`npm test`) runs none of it.
 */
import * as assert from "node:assert/strict";
import { fuzzEngine } from "./engine-fuzz";
import { fuzzServer } from "./server-fuzz";
import { runYamlTestSuite } from "./yaml-test-suite";

/** The seed of the tier's fixed cases: a failure here replays with `npm run fuzz -- --seed 20261202 --from <case> --cases 1`. */
const SEED = 20261202;
const CASES = 2000;
const BATCH = 100;

describe("fuzz (stress)", () => {
  for (let from = 0; from < CASES; from += BATCH) {
    it(`engine cases ${from} to ${from + BATCH - 1} of seed ${SEED} hold every invariant`, () => {
      const failures = fuzzEngine({ cases: BATCH, seed: SEED, from });
      assert.deepEqual(
        failures.map((f) => `case ${f.index} [${f.mutations.join(", ")}]: ${f.violations.slice(0, 3).join("; ")}`),
        [],
      );
    });
  }

  it("every case of the YAML test suite goes through the engine holding every invariant", async () => {
    const { cases, failures } = await runYamlTestSuite();
    assert.ok(cases > 300, `only ${cases} cases found`);
    assert.deepEqual(failures, []);
  });

  it("the language server answers 300 random requests between random edits, with ranges valid for each version", async () => {
    assert.deepEqual(await fuzzServer({ steps: 300, seed: SEED }), []);
  });
});
