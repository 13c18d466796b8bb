import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import {
  itemOfClause,
  layoutDocument,
  readinessReport,
  renderCsv,
  renderDocumentHtml,
  renderHtml,
  renderMarkdown,
  reportTargets,
  type Finding,
  type ReadinessItem,
  type ReadinessReport,
} from "../../../server/src/core";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";
import { ACME_TODAY, acmeExistingFiles, acmeFiles, checkFixture } from "./report-fixtures";

function readinessOf(files: Files, today = FIXTURE_TODAY): ReadinessReport {
  const { model, findings, muted } = checkFixture(files, today);
  return readinessReport(model, findings, today, { muted });
}

function item(report: ReadinessReport, id: string): ReadinessItem {
  const found = [...report.clauses.flatMap((g) => g.items), ...report.annexA].find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

const NOT_TRACKED = ["6.3", "7.1", "7.4"];

describe("readinessReport", () => {
  it("lists clauses 4 to 10 with their sub-clauses, and Annex A by theme", () => {
    const report = readinessOf(minimalIsms());
    assert.deepEqual(
      report.clauses.map((g) => [g.id, g.items.map((i) => i.id)]),
      [
        ["4", ["4.1", "4.2", "4.3", "4.4"]],
        ["5", ["5.1", "5.2", "5.3"]],
        ["6", ["6.1.1", "6.1.2", "6.1.3", "6.2", "6.3"]],
        ["7", ["7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3"]],
        ["8", ["8.1", "8.2", "8.3"]],
        ["9", ["9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"]],
        ["10", ["10.1", "10.2"]],
      ],
    );
    assert.deepEqual(
      report.annexA.map((i) => [i.id, i.title]),
      [
        ["A.5", "Organizational controls"],
        ["A.6", "People controls"],
        ["A.7", "Physical controls"],
        ["A.8", "Technological controls"],
      ],
    );
  });

  it("a clean ISMS has no gaps, but is not plainly Ready while clauses are not tracked, with the evidence the model holds", () => {
    const report = readinessOf(minimalIsms());
    assert.equal(report.overall, "not-tracked");
    assert.equal(report.verdict, "No gaps in the 27 clauses these files record; 3 clauses are not recorded here and need other evidence");
    assert.deepEqual(report.summary, { clausesTracked: 27, ready: 31, gaps: 0, missing: 0, notTracked: 3, errors: 0, warnings: 0, infos: 0 });
    assert.deepEqual(report.notCovered, { off: 0, lowered: 0, suppressed: 0, errors: 0, warnings: 0, findings: [], notTracked: NOT_TRACKED });
    for (const group of report.clauses) {
      for (const i of group.items) assert.equal(i.status, NOT_TRACKED.includes(i.id) ? "not-tracked" : "ready", `${i.id}: ${i.evidence.join(" ")}`);
    }
    assert.equal(report.clauses.find((g) => g.id === "7")?.status, "not-tracked", "a group with untracked items is not ready");
    assert.equal(report.clauses.find((g) => g.id === "5")?.status, "ready");
    assert.deepEqual(item(report, "4.3").evidence, ["Scope statement present.", "2 boundaries, 1 interface, 0 exclusions."]);
    assert.deepEqual(item(report, "6.1.2").evidence, ["Methodology: 5 likelihood levels × 5 impact levels, scoring multiply, 4 score bands, acceptance up to score 6.", "2 of 2 risks rated."]);
    assert.deepEqual(item(report, "6.1.3").evidence, [
      "SoA approved by Chief Executive on 2026-02-01.",
      "93 of 93 Annex A controls in the SoA, 93 applicable.",
      "2 of 2 risks have a treatment decision.",
      "1 of 1 treatment plan approved by the risk owner (100 %).",
    ]);
    assert.deepEqual(item(report, "5.3").evidence, ["Conformance of the ISMS (5.3 a): ciso; reporting on its performance (5.3 b): ciso.", "4 people, 4 with a role.", "2 of 2 risks have an owner."]);
    assert.deepEqual(item(report, "5.1").evidence, ["Top management: ceo.", "Top management (ceo) reviewed the ISMS at MR-1 on 2026-05-01 (2 attendees).", "1 policy approved by name and date."]);
    assert.deepEqual(item(report, "9.2.1").evidence, ["Last internal audit AUD-1 performed on 2026-04-02; next due 2027-04-02."]);
    assert.deepEqual(item(report, "9.3.1").evidence, ["Last management review MR-1 held on 2026-05-01; next due 2027-05-01.", "Top management attended: ceo."]);
    assert.deepEqual(item(report, "9.3.2").evidence, ["MR-1 records 10 of the 10 inputs of 9.3.2."]);
    assert.deepEqual(item(report, "10.2").evidence, ["1 nonconformity: 0 open, 1 closed.", "1 corrective action, 1 verified effective."]);
    assert.deepEqual(item(report, "A.5").evidence, [
      "37 of 37 controls in the SoA: 37 applicable, 0 excluded.",
      "Applicable: 37 implemented, 0 partially implemented, 0 planned, 0 not implemented.",
      "Evidence: 37 of 37 implemented controls cite evidence; 37 items cited, 0 not found under the ISMS root.",
      "0 applicable controls are traced to nothing.",
      "Suppliers (A.5.19-A.5.22): 1 supplier, 1 with an agreement, 1 reviewed.",
      "Incidents (A.5.24-A.5.28): 1 incident, 1 closed, 1 with lessons learned.",
    ]);
  });

  it("answers whether the PDCA loop is running from the last review, audit, nonconformities and actions", () => {
    const { pdca } = readinessOf(minimalIsms());
    assert.equal(pdca.running, true);
    assert.equal(pdca.since, "2025-11-30");
    assert.deepEqual(pdca.lastReview && { ...pdca.lastReview, line: 0 }, { id: "MR-1", date: "2026-05-01", due: "2027-05-01", file: "reviews.yaml", line: 0 });
    assert.deepEqual(pdca.lastAudit && [pdca.lastAudit.id, pdca.lastAudit.date, pdca.lastAudit.due], ["AUD-1", "2026-04-02", "2027-04-02"]);
    assert.equal(pdca.nonconformities, 1);
    assert.equal(pdca.correctiveActions, 1);
    assert.equal(pdca.improvementActions, 1);
    assert.deepEqual(
      pdca.checks.map((c) => [c.id, c.ok]),
      [
        ["management-review", true],
        ["internal-audit", true],
        ["nonconformities", true],
        ["corrective-actions", true],
      ],
    );

    const late = readinessOf(minimalIsms(), "2027-08-01").pdca;
    assert.equal(late.running, false);
    assert.deepEqual(
      late.checks.map((c) => [c.id, c.ok]),
      [
        ["management-review", false],
        ["internal-audit", false],
        ["nonconformities", false],
        ["corrective-actions", false],
      ],
    );
    assert.equal(late.checks[0].detail, "Last held: MR-1 on 2026-05-01; next due 2027-05-01.");
  });

  it("lists each open finding under the clause its rule cites, and marks the clause", () => {
    let files = edit(minimalIsms(), "risks.yaml", "    likelihood: 1\n", "");
    files = edit(files, "isms.yaml", /interfaces: \[Payment provider\]/, "interfaces: []");
    const report = readinessOf(files);
    const i612 = item(report, "6.1.2");
    assert.equal(i612.status, "gaps");
    assert.deepEqual(
      i612.findings.map((f) => [f.rule, f.severity, f.file]),
      [["risk/unrated", "error", "risks.yaml"]],
    );
    assert.ok(i612.evidence.includes("1 of 2 risks rated."));
    assert.deepEqual(
      item(report, "4.3").findings.map((f) => f.rule),
      ["scope/incomplete"],
    );
    assert.equal(item(report, "4.3").status, "gaps");
    assert.equal(report.clauses.find((g) => g.id === "6")?.status, "gaps");
    assert.equal(report.overall, "gaps");
    assert.equal(report.summary.errors, 1);
    assert.equal(report.summary.warnings, 1, "missing interfaces are a warning (4.3 c: consider)");
  });

  it("lists a finding inside an SoA entry under the entry's Annex A theme too", () => {
    const files = edit(minimalIsms(), "soa.yaml", /(- control: A\.8\.4\n(?: {4}.*\n)*? {4}sources: )\[REQ-ISO\]/, "$1[]");
    const report = readinessOf(files);
    assert.deepEqual(
      item(report, "6.1.3").findings.map((f) => f.rule),
      ["soa/untraced-control"],
    );
    assert.deepEqual(
      item(report, "A.8").findings.map((f) => f.rule),
      ["soa/untraced-control"],
    );
    assert.equal(item(report, "A.8").status, "gaps");
    assert.equal(item(report, "A.5").status, "ready");
    assert.equal(report.summary.warnings, 1, "a finding listed twice is counted once");
  });

  it("marks missing evidence: no scope statement, no SoA, no audits", () => {
    let files = edit(minimalIsms(), "isms.yaml", / {2}statement: .*\n/, "");
    delete files["soa.yaml"];
    delete files["audits.yaml"];
    files = edit(files, "reviews.yaml", /performance:\n(?: {8}.*\n)+/, "performance: {}\n");
    const report = readinessOf(files);
    assert.equal(report.overall, "missing");
    assert.equal(item(report, "4.3").status, "missing");
    assert.deepEqual(item(report, "4.3").evidence, ["No scope statement."]);
    assert.equal(item(report, "6.1.3").status, "missing");
    assert.equal(item(report, "9.2.1").status, "missing");
    assert.equal(item(report, "9.2.2").status, "missing");
    for (const theme of report.annexA) assert.equal(theme.status, "missing", theme.id);
    assert.equal(item(report, "9.1").status, "ready", "the monitoring plan's results, even with none presented at the review");
    assert.doesNotMatch(item(report, "9.1").evidence.join(" "), /management review/);
    assert.ok(report.summary.missing >= 8);
  });

  it("keeps findings of rules outside the catalog under other", () => {
    const { model, findings } = checkFixture(minimalIsms());
    const stray: Finding = {
      rule: "isms/rule-failure",
      severity: "warning",
      message: "The check x failed.",
      file: "isms.yaml",
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    const report = readinessReport(model, [...findings, stray], FIXTURE_TODAY);
    assert.deepEqual(
      report.other.map((f) => f.rule),
      ["isms/rule-failure"],
    );
    assert.equal(report.summary.warnings, 1);
  });

  it("examples/acme: gaps where the example leaves them on purpose, every finding listed", () => {
    const { model, findings } = checkFixture(acmeFiles(), ACME_TODAY, acmeExistingFiles());
    const report = readinessReport(model, findings, ACME_TODAY);
    assert.equal(report.organization, "Acme Cloud Ltd");
    assert.equal(report.overall, "gaps");
    assert.equal(report.pdca.running, true);
    assert.deepEqual([report.summary.errors, report.summary.warnings], [5, 3]);
    assert.deepEqual(
      item(report, "6.1.3")
        .findings.map((f) => f.rule)
        .sort(),
      ["soa/excluded-but-used", "soa/untraced-control", "yaml/numeric-control-id"],
    );
    assert.deepEqual(
      item(report, "6.1.2").findings.map((f) => f.rule),
      ["risk/unrated"],
    );
    assert.deepEqual(
      item(report, "10.2").findings.map((f) => f.rule),
      ["nc/no-root-cause"],
    );
    assert.deepEqual(
      item(report, "9.3.2").findings.map((f) => f.rule),
      ["review/missing-input"],
    );
    assert.deepEqual(
      item(report, "A.5").findings.map((f) => f.rule),
      ["soa/untraced-control"],
    );
    const listed = new Set([...report.clauses.flatMap((g) => g.items), ...report.annexA].flatMap((i) => i.findings.map((f) => `${f.file}:${f.range.start.line}:${f.rule}`)));
    for (const f of findings) assert.ok(listed.has(`${f.file}:${f.range.start.line}:${f.rule}`), `${f.rule} is listed`);
    assert.deepEqual(report.other, []);
  });
});

describe("itemOfClause", () => {
  const items = ["4.1", "4.3", "6.1.2", "6.1.3", "7.5.2", "9.2.1", "9.2.2", "10.1", "10.2"];
  it("maps a rule's clause to the catalog sub-clause it belongs to", () => {
    assert.equal(itemOfClause("6.1.3 d", items), "6.1.3");
    assert.equal(itemOfClause("7.5.2 c", items), "7.5.2");
    assert.equal(itemOfClause("10.2 b", items), "10.2");
    assert.equal(itemOfClause("9.2", items), "9.2.1");
    assert.equal(itemOfClause("4", items), "4.1");
    assert.equal(itemOfClause("6.1.2.9", items), "6.1.2");
  });
  it("maps controls, unknown clauses and nothing to no clause", () => {
    assert.equal(itemOfClause("A.5.31", items), undefined);
    assert.equal(itemOfClause("11", items), undefined);
    assert.equal(itemOfClause(undefined, items), undefined);
    assert.equal(itemOfClause("", items), undefined);
  });
});

describe("readiness renderers", () => {
  const hostile = edit(minimalIsms(), "risks.yaml", "  - id: R-002\n    title: Office power cut\n    owner: ops\n", "  - id: R-<b>2</b>\n    title: Office power cut\n");
  const { model, findings } = checkFixture(hostile);
  const report = readinessReport(model, findings, FIXTURE_TODAY);

  it("Markdown: summary, the PDCA loop and a table per clause", () => {
    const md = renderMarkdown(report);
    assert.ok(md.startsWith("# Certification readiness\n\nFixture Ltd · ISO/IEC 27001:2022 · as of 2026-11-30\n"));
    assert.match(md, /^- \*\*Overall:\*\* Gaps to close before the audit$/m);
    assert.match(md, /^- \*\*PDCA loop running:\*\* Yes$/m);
    assert.ok(md.includes("\n## Is the PDCA loop running? (12 months after 2025-11-30)\n"));
    for (const heading of ["Clause 4 Context of the organization: Ready", "Clause 5 Leadership: Ready", "Clause 6 Planning: Gaps", "Annex A controls: Ready"])
      assert.ok(md.includes(`\n## ${heading}\n`), heading);
    assert.match(md, /^\| 6\.1\.2 \| Information security risk assessment \| Gaps \| .* \| error risk\/no-owner: Risk R-&lt;b&gt;2&lt;\/b&gt; /m);
  });

  it("CSV: one row per PDCA check, clause and theme, parsing back", () => {
    const records = parse(renderCsv(report), { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 4 + 30 + 4);
    assert.deepEqual(Object.keys(records[0]), ["Section", "Id", "Title", "Status", "Evidence", "Open findings", "Findings"]);
    const r612 = records.find((r) => r.Id === "6.1.2");
    assert.equal(r612?.Status, "Gaps");
    assert.equal(r612?.["Open findings"], "1");
    assert.match(r612?.Findings ?? "", /^error risk\/no-owner: Risk R-<b>2<\/b> /);
  });

  it("HTML: standalone without scripts; interactive body links each finding to its place", () => {
    const html = renderHtml(report);
    assert.ok(!/<script/i.test(html));
    assert.ok(!/\s(?:src|href)=/i.test(html));
    assert.ok(html.includes("R-&lt;b&gt;2&lt;/b&gt;"));
    assert.ok(!html.includes("<b>2</b>"));

    const doc = layoutDocument(report);
    const body = renderDocumentHtml(doc, { interactive: true });
    const keys = [...body.matchAll(/<a href="#" data-open="(finding:\d+)">/g)].map((m) => m[1]);
    assert.ok(keys.length >= 1);
    const targets = reportTargets(doc, model);
    const noOwner = findings.find((f) => f.rule === "risk/no-owner");
    assert.ok(noOwner);
    assert.ok(
      keys.some((k) => targets[k]?.file === "risks.yaml" && targets[k].line === noOwner.range.start.line),
      "a link opens the risk without owner",
    );
    assert.ok(body.includes(`<tr tabindex="0" data-open="pdca:management-review">`));
    assert.deepEqual(targets["pdca:management-review"], { file: "reviews.yaml", line: model.reviews[0].range.start.line, character: 0 });
  });
});

describe("readinessReport and template placeholders", () => {
  it("files a placeholder under the clause of the text it sits in (scope → 4.3), which then has gaps", () => {
    const clean = readinessOf(minimalIsms());
    assert.equal(item(clean, "4.3").status, "ready");
    const files = edit(minimalIsms(), "isms.yaml", "  boundaries: [London office,", '  boundaries: ["<offices, data centres>",');
    const report = readinessOf(files);
    const scope = item(report, "4.3");
    assert.equal(scope.status, "gaps");
    assert.deepEqual(
      scope.findings.map((f) => f.rule),
      ["isms/placeholder-text"],
    );
    assert.deepEqual(item(report, "7.5.2").findings, []);
  });
});
