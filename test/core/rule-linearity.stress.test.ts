/**
 * Every rule and report stays linear in the size of the ISMS, by count, not by clock: each step
 * runs on a generated ISMS at two sizes, 1x (250 risks) and 8x (2,000 risks), with every list of
 * the model (risks, actions, SoA entries, references …) wrapped so that each read of an element is
 * counted. A linear step reads each element a bounded number of times, so its reads grow about 8x;
 * a rule that scans one list inside a loop over another grows by the size ratio squared (64x).
 * A step fails when its reads at 8x exceed 3x the size ratio times its reads at 1x (or the model's
 * element count at 1x, when that is larger, so a step that reads nothing at 1x is judged against
 * the size of the model). The counts are exact: the test cannot depend on the machine's speed.
 * Speed itself is measured by `npm run bench:rules` (BENCHMARKS.md).
 */
import assert from "node:assert/strict";
import { CATALOG_2022, RULES, buildModel, checkModel, parseFile, readinessReport, riskRegisterReport, soaReport, type IsmsModel, type ParsedFile, type Rule } from "../../server/src/core";
import { BENCH_TODAY, generateIsms, scaledCounts } from "../../scripts/generate-isms";
import { QUADRATIC_RULE as QUADRATIC } from "../../scripts/quadratic-rule";

const SMALL = 0.25;
const SIZE_RATIO = 8;
const ALLOWANCE = 3;

/** Element reads per step (rule id, `report/soa`, `report/risks`, `report/readiness`), and the model's element count. */
interface Reads {
  steps: Map<string, number>;
  elements: number;
}

/** Wraps every top-level list of `model` so that reads of its elements add to the returned counter. */
function countReads(model: IsmsModel): { reads: () => number; elements: number } {
  let reads = 0;
  let elements = 0;
  const lists = model as unknown as Record<string, unknown>;
  for (const key of Object.keys(lists)) {
    const list = lists[key];
    if (!Array.isArray(list)) continue;
    elements += list.length;
    lists[key] = new Proxy(list, {
      get(target, property, receiver) {
        if (typeof property === "string") {
          const c = property.charCodeAt(0);
          if (c >= 48 && c <= 57) reads++;
        }
        return Reflect.get(target, property, receiver);
      },
    });
  }
  return { reads: () => reads, elements };
}

function measure(files: ParsedFile[], rules: readonly Rule[]): Reads {
  const model = buildModel("", files, CATALOG_2022);
  const counter = countReads(model);
  const steps = new Map<string, number>();
  const step = (name: string, run: () => void) => {
    const before = counter.reads();
    run();
    steps.set(name, counter.reads() - before);
  };
  const ruleIds = new Set(rules.map((r) => r.id));
  for (const rule of rules) step(rule.id, () => rule.check({ model, catalog: CATALOG_2022, today: BENCH_TODAY, ruleIds, report: () => {} }));
  const findings = checkModel(model, { today: BENCH_TODAY, rules });
  step("report/soa", () => soaReport(model, BENCH_TODAY));
  step("report/risks", () => riskRegisterReport(model, BENCH_TODAY));
  step("report/readiness", () => readinessReport(model, findings, BENCH_TODAY, { rules }));
  return { steps, elements: counter.elements };
}

/** The steps whose reads grow faster than allowed, with their reads at both sizes. */
function superlinear(small: Reads, large: Reads): { step: string; small: number; large: number }[] {
  return [...large.steps].flatMap(([step, reads]) => {
    const base = Math.max(small.steps.get(step) ?? 0, small.elements);
    return reads > ALLOWANCE * SIZE_RATIO * base ? [{ step, small: small.steps.get(step) ?? 0, large: reads }] : [];
  });
}

const parsed = (scale: number) => [...generateIsms(scaledCounts(scale))].map(([path, text]) => parseFile(path, text));

describe("rule work grows linearly with the ISMS (stress)", function () {
  const small = parsed(SMALL);
  const large = parsed(SMALL * SIZE_RATIO);

  it(`every rule and report: element reads at ${SIZE_RATIO}x the size at most ${ALLOWANCE * SIZE_RATIO}x`, function () {
    const failures = superlinear(measure(small, RULES), measure(large, RULES));
    assert.deepEqual(failures, [], `superlinear steps (element reads at 1x and ${SIZE_RATIO}x): ${JSON.stringify(failures)}`);
  });

  it("catches a rule that scans a list per record", function () {
    const failures = superlinear(measure(small, [...RULES, QUADRATIC]), measure(large, [...RULES, QUADRATIC]));
    assert.deepEqual(
      failures.map((f) => f.step),
      [QUADRATIC.id],
    );
  });
});
