// Writes docs/rules/**, the rules table of README.md and docs/format.md from rule metadata and schemas.
// Usage: npm run docs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { RULES } from "../server/src/core";
import { formatDocs } from "./format-docs";
import { ruleDocs } from "./rule-docs";

const pages = { ...ruleDocs(RULES, readFileSync("README.md", "utf8")), "docs/format.md": formatDocs() };
for (const [path, text] of Object.entries(pages)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`wrote ${Object.keys(pages).length} files for ${RULES.length} rules`);
