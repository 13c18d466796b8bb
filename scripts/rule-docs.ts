import type { Rule } from "../server/src/core";

/**
 * Builds the rule reference from rule metadata: one Markdown page per rule
 * (`docs/rules/<area>/<name>.md`), an index page, and the table inserted in README.md between
 * `<!-- rules:start -->` and `<!-- rules:end -->`. Pure: returns file contents by path.
 */
export function ruleDocs(rules: readonly Rule[], readme: string): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const rule of rules) {
    pages[`docs/rules/${rule.id}.md`] = `# \`${rule.id}\`

${rule.description}

| Default severity | ISO/IEC 27001:2022 |
| --- | --- |
| ${rule.severity} | ${rule.clause} |

${rule.docs.trim()}

Change the severity in \`isms.yaml\` (\`rules: { ${rule.id}: warning }\`, or \`off\`), or silence one
occurrence with a comment on the line above: \`# isms-disable-next-line ${rule.id} -- <reason>\`.

<!-- generated from server/src/core/rules/${rule.id}.ts by npm run docs; do not edit -->
`;
  }
  const table = [
    "| Rule | Severity | Clause | What it finds |",
    "| --- | --- | --- | --- |",
    ...rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.clause} | ${r.description.replace(/\|/g, "\\|")} |`),
  ].join("\n");
  pages["docs/rules/README.md"] = `# Rules

Every check of ISMS Workbench, generated from the rules' metadata (\`npm run docs\`).

${table.replace(/\(docs\/rules\//g, "(")}
`;
  pages["README.md"] = readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`);
  return pages;
}
