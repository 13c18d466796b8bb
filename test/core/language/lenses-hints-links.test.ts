import * as assert from "node:assert/strict";
import { codeLenses, documentLinks, inlayHints, linkTarget } from "../../../server/src/core/language";
import { parseFile } from "../../../server/src/core";
import { edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { positionOf, textAt, workspace } from "./helpers";

describe("language: code lenses", () => {
  it("shows on each SoA entry the risks listing the control and their actions", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    treatment: accept\n", "    treatment: accept\n    controls: [A.5.15, A.8.5]\n    actions: [ACT-3]\n");
    const ws = workspace(files);
    const soa = ws.parsed("soa.yaml");
    const lenses = codeLenses(ws.model, soa);
    assert.equal(lenses.length, 93);
    const lensOf = (id: string) => lenses.find((l) => textAt(soa, l.range) === id);
    assert.equal(lensOf("A.5.15")?.command?.title, "2 risks · 2 actions");
    assert.equal(lensOf("A.8.5")?.command?.title, "1 risk · 1 action");
    assert.equal(lensOf("A.5.1")?.command?.title, "0 risks · 0 actions");
    assert.equal(lensOf("A.5.15")?.command?.command, "");
  });

  it("passes the counted records to a command when one is given", () => {
    const ws = workspace();
    const soa = ws.parsed("soa.yaml");
    const lens = codeLenses(ws.model, soa, { command: "isms.showReferences" }).find((l) => textAt(soa, l.range) === "A.5.15");
    assert.equal(lens?.command?.command, "isms.showReferences");
    const [file, , locations] = lens?.command?.arguments ?? [];
    assert.equal(file, "soa.yaml");
    assert.deepEqual(
      (locations as { uri: string }[]).map((l) => l.uri),
      ["risks.yaml", "actions.yaml"],
    );
  });

  it("shows on each risk its score and level, and the residual", () => {
    const files = edit(minimalIsms(), "risks.yaml", "residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 2, impact: 4 }");
    const ws = workspace(files);
    const risks = ws.parsed("risks.yaml");
    const lenses = codeLenses(ws.model, risks);
    assert.deepEqual(
      lenses.map((l) => `${textAt(risks, l.range)}: ${l.command?.title}`),
      ["R-001: score 12 · High → residual 8 · Medium", "R-002: score 2 · Low"],
    );
  });

  it("says when a risk is not rated", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    likelihood: 1\n    impact: 2\n", "");
    const ws = workspace(files);
    const lenses = codeLenses(ws.model, ws.parsed("risks.yaml"));
    assert.equal(lenses[1].command?.title, "not rated");
    assert.deepEqual(codeLenses(undefined, ws.parsed("risks.yaml")), []);
  });
});

describe("language: inlay hints", () => {
  it("puts the score and level after a risk's rating pair and after its residual", () => {
    const ws = workspace();
    const risks = ws.parsed("risks.yaml");
    const hints = inlayHints(ws.model, risks, undefined, { today: "2026-11-30" });
    const shown = hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`);
    const impact = positionOf(risks, "impact: 4", 9);
    assert.ok(shown.includes(`${impact.line}:${impact.character} = 12 High`), shown.join("\n"));
    const residual = positionOf(risks, "impact: 3 }", 9);
    assert.ok(shown.includes(`${residual.line}:${residual.character} = 6 Medium`), shown.join("\n"));
    const r2 = positionOf(risks, "impact: 2", 9);
    assert.ok(shown.includes(`${r2.line}:${r2.character} = 2 Low`));
    assert.equal(hints.length, 3);
  });

  it("places the hint after whichever of likelihood and impact comes last", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    likelihood: 3\n    impact: 4\n", "    impact: 4\n    likelihood: 3\n");
    const ws = workspace(files);
    const risks = ws.parsed("risks.yaml");
    const hint = inlayHints(ws.model, risks)[0];
    assert.deepEqual(hint.position, positionOf(risks, "likelihood: 3", 13));
    assert.equal(hint.label, "= 12 High");
  });

  it("shows days overdue beside an open action's due date, relative to today", () => {
    const files = edit(minimalIsms(), "actions.yaml", "due: 2027-03-31", "due: 2026-10-15");
    const ws = workspace(files);
    const actions = ws.parsed("actions.yaml");
    const hints = inlayHints(ws.model, actions, undefined, { today: "2026-11-30" });
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, "46 days overdue");
    assert.deepEqual(hints[0].position, positionOf(actions, "2026-10-15", 10));
    assert.equal(inlayHints(ws.model, actions, undefined, { today: "2026-10-15" }).length, 0, "due today is not overdue");
    assert.equal(inlayHints(ws.model, actions, undefined, { today: "2026-10-16" })[0].label, "1 day overdue");
    assert.equal(inlayHints(ws.model, actions).length, 0, "no today, no overdue hints");
  });

  it("keeps to the requested range", () => {
    const ws = workspace();
    const risks = ws.parsed("risks.yaml");
    const line = positionOf(risks, "R-002").line;
    const hints = inlayHints(ws.model, risks, { start: { line, character: 0 }, end: { line: line + 10, character: 0 } });
    assert.deepEqual(
      hints.map((h) => h.label),
      ["= 2 Low"],
    );
  });
});

describe("language: document links", () => {
  it("links SoA evidence and policy paths, resolved against the file's folder", () => {
    const ws = workspace();
    const soa = ws.parsed("soa.yaml");
    const links = documentLinks(ws.model, soa);
    assert.equal(links.length, 93);
    assert.equal(links[0].target, "policies/is.md");
    assert.equal(textAt(soa, links[0].range), "policies/is.md");
    const policies = documentLinks(ws.model, ws.parsed("policies.yaml"));
    assert.deepEqual(
      policies.map((l) => l.target),
      ["policies/is.md"],
    );
  });

  it("resolves relative paths in subfolders and URI keys, keeps URLs, and skips plain words", () => {
    const files: Record<string, string> = {
      "file:///work/acme/isms.yaml": minimalIsms()["isms.yaml"],
      "file:///work/acme/soa/soa.yaml": `apiVersion: isms/v1
kind: StatementOfApplicability
controls:
  - control: A.5.1
    evidence: ["../docs/access policy.md", https://wiki.example.com/isms#a, Jira ticket, ./review.pdf, /root.md]
`,
    };
    const ws = workspace(files);
    const soa = ws.parsed("file:///work/acme/soa/soa.yaml");
    const links = documentLinks(ws.model, soa);
    assert.deepEqual(
      links.map((l) => l.target),
      ["file:///work/acme/docs/access%20policy.md", "https://wiki.example.com/isms#a", "file:///work/acme/soa/review.pdf", "file:///work/acme/root.md"],
    );
    assert.equal(textAt(soa, links[0].range), "../docs/access policy.md", "the link covers the text inside the quotes");
  });

  it("links files outside any ISMS too", () => {
    const parsed = parseFile("x/policies.yaml", "apiVersion: isms/v1\nkind: PolicyRegister\npolicies:\n  - { id: P-1, path: docs/p.md }\n");
    assert.deepEqual(
      documentLinks(undefined, parsed).map((l) => l.target),
      ["x/docs/p.md"],
    );
    assert.equal(linkTarget("a/b.yaml", "mailto:x@example.com"), undefined);
    assert.equal(linkTarget("a/b.yaml", "../../up.md"), "up.md");
  });
});
