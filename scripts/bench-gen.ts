// Writes a generated ISMS for benchmarks and scale tests (see scripts/generate-isms.ts).
// Usage: npm run bench:gen -- --size S|M|L --out DIR     (DIR must not exist or be empty)
//        npm run bench:gen -- --scale 0.5 --out DIR      (size S times a factor)
//        npm run bench:gen -- --size L --bad-input --out DIR
//          the same ISMS made broken: an unclosed quote in the middle of the largest risk register,
//          and every risk's first asset an id no inventory holds (one ref/unresolved per risk)
// Check it with: node dist/cli.js check DIR --today 2026-11-30
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BENCH_TODAY, SIZES, generateIsms, scaledCounts, type IsmsCounts } from "./generate-isms";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function fail(message: string): never {
  console.error(`bench:gen: ${message}`);
  process.exit(2);
}

const size = option("--size");
const scale = option("--scale");
const out = option("--out") ?? fail("--out DIR is required");
let counts: IsmsCounts;
if (size !== undefined) counts = SIZES[size.toUpperCase() as keyof typeof SIZES] ?? fail(`unknown size ${size}: use S, M or L`);
else if (scale !== undefined && Number(scale) > 0) counts = scaledCounts(Number(scale));
else fail("give --size S|M|L or --scale FACTOR");

const dir = resolve(out);
if (existsSync(dir) && readdirSync(dir).length > 0) fail(`${dir} is not empty`);
const files = generateIsms(counts);
const bad = process.argv.includes("--bad-input");
if (bad) breakIsms(files);
let lines = 0;
for (const [path, text] of files) {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  lines += text.split("\n").length - 1;
}
console.log(
  `${dir}: ${files.size} files, ${lines.toLocaleString("en")} lines; ${Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
    .join(", ")}${bad ? "; bad input: an unclosed quote in the largest risk register, every risk's first asset missing" : ""}; check with --today ${BENCH_TODAY}`,
);

/** Makes the generated ISMS bad input: see the usage at the top. */
function breakIsms(files: Map<string, string>): void {
  const registers = [...files.keys()].filter((path) => /kind: RiskRegister/.test(files.get(path)!));
  for (const path of registers) files.set(path, files.get(path)!.replace(/^( {4}assets: \[)AS-/gm, "$1AX-"));
  const largest = registers.reduce((a, b) => (files.get(b)!.length > files.get(a)!.length ? b : a));
  const lines = files.get(largest)!.split("\n");
  const title = lines.findIndex((line, i) => i >= lines.length / 2 && line.startsWith("    title: "));
  lines[title] = '    title: "An unclosed quote breaks this register';
  files.set(largest, lines.join("\n"));
}
