import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { checkWorkspace, type IsmsModel } from "../../../server/src/core";
import { renderCsv, renderHtml, renderMarkdown, riskRegisterReport } from "../../../server/src/core/report/index";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

function modelOf(files: Files): IsmsModel {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  ).models[0];
}

/** The minimal ISMS with R-001's residual rating pinned to 2 × 4 (other work may retune the fixture). */
function pinned(): Files {
  return edit(minimalIsms(), "risks.yaml", /residual: \{[^}]*\}/, "residual: { likelihood: 2, impact: 4 }");
}

/** The minimal ISMS plus a critical risk, an unrated one and an accepted one with an expiry. */
function richer(): Files {
  const files = pinned();
  return {
    ...files,
    "risks.yaml":
      files["risks.yaml"] +
      `  - id: R-010
    title: Ransomware
    owner: ciso
    likelihood: 5
    impact: 5
    treatment: transfer
    controls: [A.8.13, "5.30"]
    reviewed: 2025-10-01
  - id: R-003
    title: Unrated risk
    owner: ops
  - id: R-004
    title: Supplier outage
    owner: ceo
    likelihood: 2
    impact: 3
    treatment: accept
    acceptance: { by: ceo, date: 2026-01-10, expires: 2026-11-29 }
    reviewed: 2026-06-01
`,
  };
}

describe("riskRegisterReport", () => {
  it("lists the risks of the minimal ISMS with owners, ratings, treatment and residual rating", () => {
    const report = riskRegisterReport(modelOf(pinned()), FIXTURE_TODAY);
    assert.equal(report.kind, "risks");
    assert.equal(report.reviewCadenceMonths, 12);
    const [r1, r2] = report.risks;
    assert.deepEqual(r1, {
      id: "R-001",
      title: "Unauthorised access to customer data",
      owner: { id: "ops", name: "Operations Lead" },
      likelihood: 3,
      impact: 4,
      score: 12,
      level: "High",
      treatment: "mitigate",
      controls: ["A.5.15"],
      actions: [{ id: "ACT-1", title: "Enforce SSO for the admin console", status: "open", due: "2027-03-31" }],
      residual: { likelihood: 2, impact: 4, score: 8, level: "Medium" },
      acceptance: undefined,
      reviewed: "2026-06-01",
      reviewDue: "2027-06-01",
      reviewOverdue: false,
      aboveAcceptance: true,
      file: "risks.yaml",
      line: 3,
    });
    assert.equal(r2.id, "R-002");
    assert.equal(r2.score, 2);
    assert.equal(r2.aboveAcceptance, false);
    assert.deepEqual(report.summary, {
      risks: 2,
      byLevel: [
        { level: "Low", count: 1 },
        { level: "Medium", count: 0 },
        { level: "High", count: 1 },
        { level: "Critical", count: 0 },
      ],
      acceptanceMaxScore: 6,
      aboveAcceptance: 1,
      untreated: 0,
      reviewOverdue: 0,
    });
  });

  it("sorts by score (highest first, unrated last, ties by id) and flags expired acceptance and overdue reviews", () => {
    const report = riskRegisterReport(modelOf(richer()), FIXTURE_TODAY);
    assert.deepEqual(
      report.risks.map((r) => [r.id, r.score]),
      [
        ["R-010", 25],
        ["R-001", 12],
        ["R-004", 6],
        ["R-002", 2],
        ["R-003", undefined],
      ],
    );
    const [r10, , r4, , r3] = report.risks;
    assert.deepEqual(r10.controls, ["A.8.13", "A.5.30"]);
    assert.equal(r10.reviewDue, "2026-10-01");
    assert.equal(r10.reviewOverdue, true);
    assert.deepEqual(r4.acceptance, { by: { id: "ceo", name: "Chief Executive" }, date: "2026-01-10", expires: "2026-11-29", expired: true });
    assert.equal(r3.level, undefined);
    assert.equal(r3.treatment, undefined);
    assert.deepEqual(report.summary.byLevel.at(-1), { level: "Unrated", count: 1 });
    assert.equal(report.summary.untreated, 1);
    assert.equal(report.summary.reviewOverdue, 1);
    assert.equal(report.summary.aboveAcceptance, 2);
  });

  it("is relative to today and to the risk review cadence", () => {
    assert.equal(riskRegisterReport(modelOf(richer()), "2026-11-28").risks.find((r) => r.id === "R-004")?.acceptance?.expired, false, "expires tomorrow");
    assert.equal(riskRegisterReport(modelOf(richer()), "2026-11-29").risks.find((r) => r.id === "R-004")?.acceptance?.expired, false, "expires today");
    const files = edit(richer(), "isms.yaml", "people:", "cadence:\n  risk_review: 24\npeople:");
    const report = riskRegisterReport(modelOf(files), FIXTURE_TODAY);
    assert.equal(report.reviewCadenceMonths, 24);
    assert.equal(report.risks[0].reviewDue, "2027-10-01");
    assert.equal(report.summary.reviewOverdue, 0);
  });

  it("never throws without a methodology or risks", () => {
    const files = minimalIsms();
    delete files["risk/methodology.yaml"];
    const unrated = riskRegisterReport(modelOf(files), FIXTURE_TODAY);
    assert.deepEqual(unrated.summary.byLevel, [{ level: "Unrated", count: 2 }]);
    assert.equal(unrated.summary.acceptanceMaxScore, undefined);
    delete files["risks.yaml"];
    const empty = riskRegisterReport(modelOf(files), FIXTURE_TODAY);
    assert.equal(empty.risks.length, 0);
    assert.ok(renderMarkdown(empty).includes("_No risks recorded._"));
    assert.ok(renderHtml(empty).includes("No risks recorded."));
    assert.equal(renderCsv(empty).split("\r\n").filter(Boolean).length, 1);
  });
});

describe("risk register renderers", () => {
  const report = riskRegisterReport(modelOf(richer()), FIXTURE_TODAY);

  it("Markdown: one row per risk, by score", () => {
    const md = renderMarkdown(report);
    assert.ok(md.startsWith("# Risk register\n"));
    const rows = md.split("\n").filter((l) => /^\| R-\d+ \|/.test(l));
    assert.deepEqual(
      rows.map((r) => r.split(" | ")[0].slice(2)),
      ["R-010", "R-001", "R-004", "R-002", "R-003"],
    );
    assert.ok(
      rows[1] === "| R-001 | Unauthorised access to customer data | Operations Lead | 3 | 4 | 12 | High | Mitigate | A.5.15 | ACT-1 (open, due 2027-03-31) | 8 | Medium | — | 2026-06-01 |",
      rows[1],
    );
    assert.ok(rows[0].includes("| 2025-10-01 (review was due 2026-10-01) |"), rows[0]);
    assert.ok(rows[2].includes("| Accepted by Chief Executive on 2026-01-10 (expired 2026-11-29) |"), rows[2]);
    assert.match(md, /^- \*\*Above the acceptance threshold:\*\* 2 \(score above 6\)$/m);
  });

  it("CSV: a header and one row per risk", () => {
    const records = parse(renderCsv(report), { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 5);
    assert.deepEqual(records[1], {
      Risk: "R-001",
      Title: "Unauthorised access to customer data",
      Owner: "Operations Lead",
      Likelihood: "3",
      Impact: "4",
      Score: "12",
      Level: "High",
      Treatment: "mitigate",
      Controls: "A.5.15",
      Actions: "ACT-1",
      "Residual likelihood": "2",
      "Residual impact": "4",
      "Residual score": "8",
      "Residual level": "Medium",
      "Accepted by": "",
      "Accepted on": "",
      "Acceptance expires": "",
      Reviewed: "2026-06-01",
      "Review due": "2027-06-01",
    });
  });

  it("HTML: accessible table with numeric columns, no scripts", () => {
    const html = renderHtml(report);
    assert.ok(!/<script/i.test(html));
    assert.equal((html.match(/<caption/g) ?? []).length, 1);
    assert.equal((html.match(/<th scope="row"/g) ?? []).length, 5);
    assert.ok(html.includes(`<th scope="col" class="num">Score</th>`));
    assert.ok(html.includes(`<td class="num tone-warn">25</td>`));
  });
});
