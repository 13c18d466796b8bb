/**
 * Times every rule, the model build and the reports on a generated ISMS, for `npm run bench:rules`
 * (scripts/bench-rules.ts), which finds the steps that grow faster than linearly.
 */
import { CATALOG_2022, RULES, buildModel, checkModel, parseFile, readinessReport, riskRegisterReport, soaReport, type ParsedFile, type Rule } from "../server/src/core";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { BENCH_TODAY, generateIsms, type IsmsCounts } from "./generate-isms";

/**
 * CPU time counts every thread of the process, and V8's background GC threads sweep and mark a
 * large heap while the next step runs: at 8x the size, cheap linear rules then look 30-40x slower.
 * `npm run bench:rules` runs node with `--single-threaded-gc`, so a step's CPU time is its own work
 * and its own collections.
 */
if (!process.execArgv.includes("--single-threaded-gc")) {
  throw new Error("rule timing needs node --single-threaded-gc: run it with npm run bench:rules");
}
setFlagsFromString("--expose-gc");
/** A full garbage collection before each timed step, so no step pays for the garbage of another. */
const collect = runInNewContext("gc") as () => void;

/**
 * CPU time of this process in ms (user + system): unlike wall time, it does not grow while a loaded
 * machine runs other processes.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds per step: each rule by id, `model` (build from parsed files), `report/soa`,
 * `report/risks`, `report/readiness`, and `floor` (see {@link walkModel}).
 */
export type StepTimes = Map<string, number>;

/**
 * The floor: one pass over every list of the model (records, references) reading one field of each
 * item, the least a check of every record costs. Its growth between two sizes is how a linear step
 * grows on this machine, caches included: a model that fits in the CPU caches at 1x does not at 8x.
 * Returns the items seen.
 */
function walkModel(model: object): number {
  let seen = 0;
  for (const list of Object.values(model)) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) if (typeof item === "object" && item !== null && (item as { file?: unknown }).file !== undefined) seen++;
  }
  return seen;
}

/** The parsed files of a generated ISMS of `counts`. */
export function parsedIsms(counts: IsmsCounts): ParsedFile[] {
  return [...generateIsms(counts)].map(([path, text]) => parseFile(path, text));
}

/**
 * One timing of every step on `files` (a fresh model, so per-model indexes are built inside the
 * first rule that uses them, as in a real check). `rules` defaults to the registry.
 */
export function timeSteps(files: ParsedFile[], rules: readonly Rule[] = RULES): StepTimes {
  const times: StepTimes = new Map();
  collect();
  let t0 = cpuMs();
  const model = buildModel("", files, CATALOG_2022);
  times.set("model", cpuMs() - t0);
  collect();
  t0 = cpuMs();
  walkModel(model);
  times.set("floor", cpuMs() - t0);
  const options = { today: BENCH_TODAY };
  const ruleIds = new Set(rules.map((r) => r.id));
  for (const rule of rules) {
    collect();
    t0 = cpuMs();
    rule.check({ model, catalog: CATALOG_2022, today: BENCH_TODAY, ruleIds, report: () => {} });
    times.set(rule.id, cpuMs() - t0);
  }
  const findings = checkModel(model, { ...options, rules });
  collect();
  t0 = cpuMs();
  soaReport(model, BENCH_TODAY);
  times.set("report/soa", cpuMs() - t0);
  collect();
  t0 = cpuMs();
  riskRegisterReport(model, BENCH_TODAY);
  times.set("report/risks", cpuMs() - t0);
  collect();
  t0 = cpuMs();
  readinessReport(model, findings, BENCH_TODAY, { rules });
  times.set("report/readiness", cpuMs() - t0);
  return times;
}

/** The minimum of each step over `runs` timings of each file set, interleaved (so load spikes hit both sizes alike). */
export function minimumTimes(fileSets: ParsedFile[][], runs: number, rules?: readonly Rule[]): StepTimes[] {
  const best: StepTimes[] = fileSets.map(() => new Map());
  for (let run = 0; run < runs; run++) {
    fileSets.forEach((files, i) => {
      for (const [step, ms] of timeSteps(files, rules)) best[i].set(step, Math.min(best[i].get(step) ?? Infinity, ms));
    });
  }
  return best;
}
