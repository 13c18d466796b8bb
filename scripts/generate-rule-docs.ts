// Writes docs/rules/** and the rules table of README.md from the rules' metadata.
// Usage: npm run docs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { RULES } from "../server/src/core";
import { ruleDocs } from "./rule-docs";

const pages = ruleDocs(RULES, readFileSync("README.md", "utf8"));
for (const [path, text] of Object.entries(pages)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`wrote ${Object.keys(pages).length} files for ${RULES.length} rules`);
