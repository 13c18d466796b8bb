/**
 * The engine fuzzer: mutates the example ISMSs and checks the invariants of {@link ./invariants}
 * on the check, the reports and the editor features (hover, completion, symbols) of every case.
 * Pure and in-process; the language-server mode is {@link ./server-fuzz}.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import {
  checkParsed,
  heatMapReport,
  type CheckResult,
  parseFile,
  readinessReport,
  renderCsv,
  renderHtml,
  renderMarkdown,
  riskRegisterReport,
  soaReport,
  type ParsedFile,
  type SourceFile,
} from "../../server/src/core";
import { codeLenses, completion, documentSymbols, hover, inlayHints } from "../../server/src/core/language";
import { determinismViolations, findingViolations } from "./invariants";
import { mutate } from "./mutations";
import { Random } from "./random";

export const FUZZ_TODAY = "2026-11-30";
const REPO = join(__dirname, "..", "..");

/** The YAML files of an example ISMS (key relative to it, text). */
export function exampleFiles(name: "acme" | "starter"): SourceFile[] {
  const root = join(REPO, "examples", name);
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry)) files.push({ file: relative(root, full).split("\\").join("/"), text: readFileSync(full, "utf8") });
    }
  };
  walk(root);
  return files;
}

/** One fuzz case: the files checked and the mutations applied (to replay or report it). */
export interface FuzzCase {
  index: number;
  /** The example the case mutates. */
  example: "acme" | "starter";
  files: SourceFile[];
  mutations: string[];
}

const EXAMPLES = { acme: exampleFiles("acme"), starter: exampleFiles("starter") };

/**
 * The parses of the example files as shipped, made once: a case's files that no mutation changed
 * reuse them, as the language server reuses the parse of a file that did not change, so each case
 * spends its time on what it mutated. Every mutated file is parsed afresh for each check.
 */
const PRISTINE = new Map<string, ParsedFile>([...EXAMPLES.acme, ...EXAMPLES.starter].map((f) => [`${f.file}\n${f.text}`, parseFile(f.file, f.text)]));

/** The parses of `files`: shipped files from {@link PRISTINE}, the others parsed now. */
function parse(files: SourceFile[]): ParsedFile[] {
  return files.map((f) => PRISTINE.get(`${f.file}\n${f.text}`) ?? parseFile(f.file, f.text));
}

/**
 * The check of each example as shipped, made once: each case is also checked incrementally from
 * it (as the language server checks an edit), which must give what the full check gives.
 */
const SHIPPED = new Map<string, CheckResult>();

function shippedCheck(name: keyof typeof EXAMPLES): CheckResult {
  let result = SHIPPED.get(name);
  if (!result) SHIPPED.set(name, (result = checkParsed(parse(EXAMPLES[name]), { today: FUZZ_TODAY })));
  return result;
}

/** Case `index` of the run with `seed`: an example with 1 to 3 of its files mutated 1 to 4 times. */
export function makeCase(seed: number, index: number): FuzzCase {
  const random = Random.forCase(seed, index);
  const example = random.chance(0.75) ? "acme" : "starter";
  const files = [...EXAMPLES[example]].map((f) => ({ ...f }));
  const mutations: string[] = [];
  for (let n = random.between(1, 3); n > 0; n--) {
    const target = random.chance(0.25) ? files.find((f) => f.file === "isms.yaml")! : random.pick(files);
    const { text, applied } = mutate(target.text, random, random.between(1, 4));
    target.text = text;
    mutations.push(...applied.map((m) => `${target.file}:${m}`));
  }
  return { index, example, files, mutations };
}

/** The violations of one case (empty when every invariant holds). Never throws. */
export function runCase(c: FuzzCase, seed: number): string[] {
  try {
    const result = checkParsed(parse(c.files), { today: FUZZ_TODAY });
    const out = findingViolations(c.files, result.findings);
    const again = checkParsed(parse(c.files.map((f) => ({ ...f }))), { today: FUZZ_TODAY });
    const shuffled = checkParsed(parse(Random.forCase(seed ^ 0x5eed, c.index).shuffle(c.files)), { today: FUZZ_TODAY });
    out.push(...determinismViolations(result, again, shuffled));
    const incremental = checkParsed(parse(c.files), { today: FUZZ_TODAY, previous: shippedCheck(c.example).memo });
    if (JSON.stringify({ f: incremental.findings, m: incremental.muted }) !== JSON.stringify({ f: result.findings, m: result.muted }))
      out.push("the incremental check from the shipped example gave other findings than a full check");
    const random = Random.forCase(seed ^ 0xfea7, c.index);
    for (const model of result.models) {
      for (const report of [soaReport(model, FUZZ_TODAY), riskRegisterReport(model, FUZZ_TODAY), readinessReport(model, result.findings, FUZZ_TODAY)]) {
        renderMarkdown(report);
        renderHtml(report);
        renderCsv(report);
      }
      heatMapReport(model, FUZZ_TODAY, random.chance(0.5) ? "inherent" : "residual");
    }
    // Editor features at random places of the mutated files.
    for (const parsed of result.files) {
      if (!c.mutations.some((m) => m.startsWith(parsed.file + ":"))) continue;
      const model = result.models.find((m) => m.files.includes(parsed));
      documentSymbols(model, parsed);
      codeLenses(model, parsed);
      inlayHints(model, parsed, { start: { line: 0, character: 0 }, end: { line: parsed.lines.lineCount, character: 0 } }, { today: FUZZ_TODAY });
      for (let n = 0; n < 5; n++) {
        const line = random.int(parsed.lines.lineCount);
        const position = { line, character: random.int(parsed.lines.lineText(line).length + 1) };
        hover(model, parsed, position, { today: FUZZ_TODAY });
        completion(model, parsed, position, { today: FUZZ_TODAY });
      }
    }
    return out;
  } catch (error) {
    return [`exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
}

/** A failing case, to print and to turn into a regression test. */
export interface FuzzFailure {
  index: number;
  mutations: string[];
  violations: string[];
  files: SourceFile[];
}

/**
 * Runs cases `from` to `from + cases - 1` of the run with `seed`; calls `onProgress` every 100
 * cases. Returns the failures.
 */
export function fuzzEngine(options: { cases: number; seed: number; from?: number; onProgress?: (done: number) => void; onFailure?: (f: FuzzFailure) => void }): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  const from = options.from ?? 0;
  for (let i = from; i < from + options.cases; i++) {
    const c = makeCase(options.seed, i);
    const violations = runCase(c, options.seed);
    if (violations.length > 0) {
      const failure = { index: i, mutations: c.mutations, violations, files: c.files };
      failures.push(failure);
      options.onFailure?.(failure);
    }
    if ((i - from + 1) % 100 === 0) options.onProgress?.(i - from + 1);
  }
  return failures;
}
