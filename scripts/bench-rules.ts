/**
 * `npm run bench:rules [-- --runs N]`: does every rule, the model build and the reports stay linear
 * in the size of the ISMS? Each step is timed (CPU time of this process, minimum of N runs, default
 * 5, single-threaded GC, a full collection before each step) on a generated ISMS at two sizes, 1x
 * (500 risks) and 8x (4,000 risks), in the same run, and compared with the growth of a linear step:
 * the size ratio, or the growth of the floor (one pass over every list of the model) when caches
 * make that larger. A step that grows more than 3x that, and weighs at least 2% of the large run, is
 * listed as superlinear. A rule that scans one list inside a loop over another grows by the size
 * ratio squared or more (about 300x here): the run times such a rule (`test/quadratic`) beside the
 * real ones to show that the comparison catches it.
 *
 * Prints one line per step (ms at 1x, ms at 8x, growth) and exits 1 when a real step is superlinear
 * or the quadratic rule is not caught. A benchmark, not a test: timings on a busy machine vary, so
 * it is run by hand and its results are recorded in BENCHMARKS.md.
 */
import { RULES } from "../server/src/core";
import { scaledCounts } from "./generate-isms";
import { minimumTimes, parsedIsms, type StepTimes } from "./rule-timing";
import { QUADRATIC_RULE as QUADRATIC } from "./quadratic-rule";

const SMALL = 0.5; // 500 risks, 250 actions, 50 nonconformities, 5 audits
const SIZE_RATIO = 8;
const runsAt = process.argv.indexOf("--runs");
const RUNS = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 5) : 5;
/** Allowed growth: 3x the growth of a linear step (quadratic is about the size ratio squared). */
const ALLOWANCE = 3;

/**
 * The steps that grow faster than allowed. Noise is kept out by ratios only: a step's small time
 * counts as at least 0.5% of all small steps, and a step must take at least 2% of all steps at the
 * large size to count (a rule too cheap to matter at 8x cannot make a check slow). The quadratic
 * rule is left out of these totals, so that it does not hide the real steps.
 */
function superlinear(small: StepTimes, large: StepTimes): { step: string; ratio: number; small: number; large: number }[] {
  const total = (t: StepTimes) => [...t].reduce((sum, [step, ms]) => (step === QUADRATIC.id ? sum : sum + ms), 0);
  const smallFloor = total(small) * 0.005;
  const largeFloor = total(large) * 0.02;
  const linear = Math.max(SIZE_RATIO, large.get("floor")! / small.get("floor")!);
  return [...large].flatMap(([step, ms]) => {
    const ratio = ms / Math.max(small.get(step) ?? 0, smallFloor);
    return ratio > ALLOWANCE * linear && ms >= largeFloor ? [{ step, ratio: Math.round(ratio), small: small.get(step)!, large: ms }] : [];
  });
}

const sets = [parsedIsms(scaledCounts(SMALL)), parsedIsms(scaledCounts(SMALL * SIZE_RATIO))];
const [small, large] = minimumTimes(sets, RUNS, [...RULES, QUADRATIC]);
const flagged = new Set(superlinear(small, large).map((f) => f.step));
const growth = (step: string) => large.get(step)! / small.get(step)!;
console.log(`${"step".padEnd(40)} ${"1x ms".padStart(8)} ${"8x ms".padStart(8)} growth`);
for (const [step, ms] of [...large].sort((a, b) => b[1] - a[1])) {
  const mark = flagged.has(step) ? "  superlinear" : "";
  console.log(`${step.padEnd(40)} ${small.get(step)!.toFixed(2).padStart(8)} ${ms.toFixed(2).padStart(8)} ${growth(step).toFixed(1).padStart(6)}x${mark}`);
}
const linear = Math.max(SIZE_RATIO, growth("floor"));
const real = [...flagged].filter((step) => step !== QUADRATIC.id);
console.log(`\nlinear growth ${linear.toFixed(1)}x (size ratio ${SIZE_RATIO}, floor ${growth("floor").toFixed(1)}x); allowed ${ALLOWANCE}x that`);
console.log(`superlinear: ${real.length ? real.join(", ") : "none"}; ${QUADRATIC.id} ${flagged.has(QUADRATIC.id) ? "caught" : "NOT caught"}`);
process.exitCode = real.length > 0 || !flagged.has(QUADRATIC.id) ? 1 : 0;
