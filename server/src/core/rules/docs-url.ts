/** Where the documentation page of every rule lives: `docs/rules/<area>/<name>.md` under this URL. */
export const RULE_DOCS_BASE_URL = "https://github.com/isms-workbench/isms-workbench/blob/main/docs/rules/";

/** The documentation page of rule `id` (`soa/untraced-control` → `…/docs/rules/soa/untraced-control.md`). */
export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}${id}.md`;
}
