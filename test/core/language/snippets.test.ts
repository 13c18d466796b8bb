import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkspace } from "../../../server/src/core";
import { FIXTURE_TODAY, minimalIsms } from "../../helpers/minimal-isms";

interface Snippet {
  scope: string;
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, "../../../snippets/isms.code-snippets"), "utf8")) as Record<string, Snippet>;

/** Where each snippet is inserted: the file whose (last) list it extends. */
const TARGET: Record<string, string> = {
  "ISMS: risk": "risks.yaml",
  "ISMS: SoA entry": "soa.yaml",
  "ISMS: action": "actions.yaml",
  "ISMS: internal audit": "audits.yaml",
  "ISMS: management review": "reviews.yaml",
  "ISMS: nonconformity": "nonconformities.yaml",
  "ISMS: competence role": "competence-roles.yaml",
  "ISMS: measure": "monitoring.yaml",
  "ISMS: supplier": "suppliers.yaml",
  "ISMS: incident": "incidents.yaml",
  "ISMS: catalog control": "catalog.yaml",
};

/** The file a snippet is inserted into when the minimal ISMS has none: a header ending with the list's key. */
const NEW_FILE: Record<string, string> = {
  "competence-roles.yaml": "apiVersion: isms/v1\nkind: CompetenceRegister\nroles:\n",
  "catalog.yaml": "apiVersion: isms/v1\nkind: ControlCatalog\nid: CAT\ncontrols:\n",
};

/** Snippets of records that have no enum field, hence no choice list. */
const NO_CHOICE = new Set(["ISMS: management review", "ISMS: competence role", "ISMS: catalog control"]);

/** The records of the kind each target file holds. */
function recordsIn(m: ReturnType<typeof checkWorkspace>["models"][number], file: string): unknown[] {
  return (
    {
      "risks.yaml": m.risks,
      "actions.yaml": m.actions,
      "audits.yaml": m.audits,
      "reviews.yaml": m.reviews,
      "nonconformities.yaml": m.nonconformities,
      "soa.yaml": m.soaEntries,
      "competence-roles.yaml": m.roles,
      "monitoring.yaml": m.measures,
      "suppliers.yaml": m.suppliers,
      "incidents.yaml": m.incidents,
      "catalog.yaml": m.catalogControls,
    } as Record<string, unknown[]>
  )[file];
}

/** The snippet's text with every tab stop at its default (first choice, placeholder, or empty). */
function expand(body: string[]): string {
  const [y, m, d] = FIXTURE_TODAY.split("-");
  let text = body
    .join("\n")
    .replace(/\$CURRENT_YEAR/g, y)
    .replace(/\$CURRENT_MONTH/g, m)
    .replace(/\$CURRENT_DATE/g, d);
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, "$1")
      .replace(/\$\{\d+:([^{}]*)\}/g, "$1")
      .replace(/\$\{\d+\}/g, "")
      .replace(/\$\d+/g, "");
  }
  return text;
}

describe("language: snippets", () => {
  it("has the record snippets, for YAML, with tab stops and choice lists", () => {
    assert.deepEqual(Object.keys(SNIPPETS).sort(), Object.keys(TARGET).sort());
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.equal(s.scope, "yaml", name);
      assert.ok(s.description.length > 20, name);
      if (!NO_CHOICE.has(name))
        assert.ok(
          s.body.some((l) => /\$\{\d+\|/.test(l)),
          `${name} offers a choice list for its enums`,
        );
      assert.ok(
        s.body.some((l) => /\$\{1[:|}]/.test(l)),
        `${name} starts at tab stop 1`,
      );
    }
  });

  it("lists every 9.3.2 input and resources in the management review snippet", () => {
    const body = expand(SNIPPETS["ISMS: management review"].body);
    for (const key of [
      "previous_actions",
      "context_changes",
      "interested_party_needs",
      "nonconformities",
      "monitoring",
      "audit_results",
      "objectives",
      "interested_party_feedback",
      "risk_assessment",
      "improvement_opportunities",
      "resources",
    ]) {
      assert.match(body, new RegExp(`\\b${key}:`), key);
    }
  });

  for (const [name, file] of Object.entries(TARGET)) {
    it(`${name}: expands to valid YAML that the schema accepts`, () => {
      const files = minimalIsms();
      const inserted = expand(SNIPPETS[name].body)
        .split("\n")
        .map((l) => (l.trim() ? `  ${l}` : l))
        .join("\n");
      files[file] = `${(files[file] ?? NEW_FILE[file]).replace(/\n*$/, "\n")}${inserted}\n`;
      const result = checkWorkspace(
        Object.entries(files).map(([f, text]) => ({ file: f, text })),
        { today: FIXTURE_TODAY },
      );
      const problems = result.findings.filter((f) => f.file === file && (f.rule === "yaml/syntax" || f.rule === "schema/invalid" || f.rule === "yaml/numeric-control-id"));
      assert.deepEqual(
        problems.map((p) => `${p.range.start.line + 1}: ${p.message}`),
        [],
      );
      assert.equal(recordsIn(result.models[0], file).length, workspaceCount(file) + 1, "the snippet adds one record");
    });
  }
});

function workspaceCount(file: string): number {
  const result = checkWorkspace(
    Object.entries(minimalIsms()).map(([f, text]) => ({ file: f, text })),
    { today: FIXTURE_TODAY },
  );
  return recordsIn(result.models[0], file).length;
}
