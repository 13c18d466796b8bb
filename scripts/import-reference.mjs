// Regenerates the built-in catalogs (server/src/core/catalog/*.json) from the reference TSV files.
// Usage: node scripts/import-reference.mjs <folder with iso27001-2022-annex-a.tsv and iso27001-2022-clauses.tsv>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const from = process.argv[2];
if (!from) {
  console.error("usage: node scripts/import-reference.mjs <reference folder>");
  process.exit(2);
}

function readTsv(file) {
  const [header, ...rows] = readFileSync(join(from, file), "utf8").trim().split(/\r?\n/);
  const keys = header.split("\t");
  return rows.map((row) => Object.fromEntries(row.split("\t").map((v, i) => [keys[i], v.trim()])));
}

const out = "server/src/core/catalog";
writeFileSync(join(out, "annex-a-2022.json"), JSON.stringify(readTsv("iso27001-2022-annex-a.tsv"), null, 1) + "\n");
writeFileSync(join(out, "clauses-2022.json"), JSON.stringify(readTsv("iso27001-2022-clauses.tsv"), null, 1) + "\n");
console.log("catalogs written to", out);
