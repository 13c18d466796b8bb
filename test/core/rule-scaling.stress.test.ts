/**
 * Every rule, the model build and the reports stay linear in the size of the ISMS: each is timed
 * (CPU time, minimum of several runs) on a generated ISMS at two sizes, 1x and 8x, in the same run,
 * and fails when its time grows by more than 3x the size ratio. A rule that scans one list inside a
 * loop over another grows by about 64x and fails by ratio, not by wall clock, on any machine.
 */
import assert from "node:assert/strict";
import type { Rule } from "../../server/src/core";
import { RULES } from "../../server/src/core";
import { scaledCounts } from "../../scripts/generate-isms";
import { minimumTimes, parsedIsms, type StepTimes } from "../helpers/rule-timing";

const SMALL = 0.5; // 500 risks, 250 actions, 50 nonconformities, 5 audits
const SIZE_RATIO = 8;
const RUNS = 5;
/** Allowed growth: 3x the size ratio (linear is 1x; quadratic is about the size ratio squared). */
const ALLOWED = 3 * SIZE_RATIO;

/**
 * The steps that grow faster than allowed. Noise is kept out by ratios only: a step's small time
 * counts as at least 0.5% of all small steps, and a step must take at least 2% of all steps at the
 * large size to fail (a rule too cheap to matter at 8x cannot make a check slow).
 */
function superlinear(small: StepTimes, large: StepTimes): { step: string; ratio: number; small: number; large: number }[] {
  const total = (t: StepTimes) => [...t.values()].reduce((a, b) => a + b, 0);
  const smallFloor = total(small) * 0.005;
  const largeFloor = total(large) * 0.02;
  return [...large].flatMap(([step, ms]) => {
    const ratio = ms / Math.max(small.get(step) ?? 0, smallFloor);
    return ratio > ALLOWED && ms >= largeFloor ? [{ step, ratio: Math.round(ratio), small: small.get(step)!, large: ms }] : [];
  });
}

/** A rule that scans every action for each risk: the shape this test exists to catch. */
const QUADRATIC: Rule = {
  id: "test/quadratic",
  severity: "info",
  clause: "8.3",
  description: "Scans every action per risk.",
  docs: "",
  check({ model, report }) {
    for (const risk of model.risks) {
      if (model.actions.some((a) => a.source?.resolved === risk && a.status?.value === "never")) report({ file: risk.file, range: risk.range, message: "" });
    }
  },
};

describe("rule time grows linearly with the ISMS (stress)", function () {
  const sets = [parsedIsms(scaledCounts(SMALL)), parsedIsms(scaledCounts(SMALL * SIZE_RATIO))];

  it(`every rule, the model build and the reports: time at ${SIZE_RATIO}x the size at most ${ALLOWED}x`, function () {
    const [small, large] = minimumTimes(sets, RUNS);
    const failures = superlinear(small, large);
    assert.deepEqual(failures, [], `superlinear steps (CPU ms at 1x and ${SIZE_RATIO}x): ${JSON.stringify(failures)}`);
  });

  it("the budget catches a rule that scans a list per record", function () {
    const [small, large] = minimumTimes(sets, RUNS, [...RULES, QUADRATIC]);
    assert.deepEqual(
      superlinear(small, large).map((f) => f.step),
      ["test/quadratic"],
    );
  });
});
