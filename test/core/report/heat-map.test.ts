import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import {
  bandColor,
  DEFAULT_BAND_PALETTE,
  heatMapReport,
  layoutDocument,
  renderCsv,
  renderDocumentHtml,
  renderHtml,
  renderMarkdown,
  reportTargets,
  textColorOn,
  type HeatMapCell,
  type HeatMapReport,
} from "../../../server/src/core";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";
import { ACME_TODAY, acmeFiles, checkFixture } from "./report-fixtures";

function heatMapOf(files: Files, rating: "inherent" | "residual" = "inherent"): HeatMapReport {
  return heatMapReport(checkFixture(files).model, FIXTURE_TODAY, rating);
}

function cell(report: HeatMapReport, likelihood: number, impact: number): HeatMapCell {
  const found = report.rows.find((r) => r.likelihood.level === likelihood)?.cells.find((c) => c.impact === impact);
  assert.ok(found, `cell ${likelihood}×${impact}`);
  return found;
}

const RATED_IN_MATRIX = `apiVersion: isms/v1
kind: RiskMethodology
likelihood: [{ level: 1, label: Low }, { level: 2, label: High }]
impact: [{ level: 1, label: Minor }, { level: 2, label: Major }, { level: 3, label: Severe }]
scoring: matrix
matrix:
  - [1, 2, 5]
  - [2, 6, 9]
levels:
  - { name: Acceptable, max: 2, color: "#abc" }
  - { name: Tolerable, max: 6, color: "red" }
  - { name: Intolerable, max: 9, color: "#fff; } body { display: none" }
acceptance: { max_score: 2 }
`;

describe("heatMapReport", () => {
  it("lays the methodology's scales out as a grid, highest likelihood first, with scores and bands", () => {
    const report = heatMapOf(minimalIsms());
    assert.equal(report.kind, "heatmap");
    assert.equal(report.rating, "inherent");
    assert.deepEqual(
      report.rows.map((r) => r.likelihood.level),
      [5, 4, 3, 2, 1],
    );
    assert.deepEqual(
      report.impact.map((i) => [i.level, i.label]),
      [
        [1, "Negligible"],
        [2, "Minor"],
        [3, "Moderate"],
        [4, "Major"],
        [5, "Severe"],
      ],
    );
    assert.deepEqual(
      report.rows.map((r) => r.cells.map((c) => c.score)),
      [
        [5, 10, 15, 20, 25],
        [4, 8, 12, 16, 20],
        [3, 6, 9, 12, 15],
        [2, 4, 6, 8, 10],
        [1, 2, 3, 4, 5],
      ],
    );
    assert.deepEqual([cell(report, 5, 5).level, cell(report, 5, 5).band], ["Critical", 3]);
    assert.deepEqual([cell(report, 1, 1).level, cell(report, 1, 1).band], ["Low", 0]);
    assert.deepEqual(
      report.bands.map((b) => [b.name, b.min, b.max, b.color]),
      [
        ["Low", 0, 4, "#2e7d32"],
        ["Medium", 5, 9, "#9e9d24"],
        ["High", 10, 16, "#ef6c00"],
        ["Critical", 17, 25, "#c62828"],
      ],
    );
    assert.equal(report.acceptanceMaxScore, 6);
  });

  it("places each risk in the cell of its inherent rating", () => {
    const report = heatMapOf(minimalIsms());
    assert.equal(report.placed, 2);
    assert.deepEqual(report.unplaced, []);
    assert.deepEqual(
      cell(report, 3, 4).risks.map((r) => [r.id, r.title, r.file]),
      [["R-001", "Unauthorised access to customer data", "risks.yaml"]],
    );
    assert.equal(cell(report, 3, 4).risks[0].line, 3);
    assert.deepEqual(
      cell(report, 1, 2).risks.map((r) => r.id),
      ["R-002"],
    );
    const total = report.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.risks.length, 0);
    assert.equal(total, 2);
  });

  it("places risks by their residual rating, and lists those without one", () => {
    const report = heatMapOf(minimalIsms(), "residual");
    assert.equal(report.rating, "residual");
    assert.deepEqual(
      cell(report, 2, 3).risks.map((r) => r.id),
      ["R-001"],
    );
    assert.deepEqual(
      report.unplaced.map((r) => [r.id, r.reason]),
      [["R-002", "no residual rating"]],
    );
  });

  it("lists unrated and off-scale risks with the reason", () => {
    let files = edit(minimalIsms(), "risks.yaml", "    likelihood: 3\n    impact: 4\n", "    likelihood: 6\n    impact: 4\n");
    files = edit(files, "risks.yaml", "    likelihood: 1\n    impact: 2\n", "    likelihood: 1\n");
    const report = heatMapOf(files);
    assert.equal(report.placed, 0);
    assert.deepEqual(
      report.unplaced.map((r) => [r.id, r.reason]),
      [
        ["R-001", "likelihood 6 is not a level of the scale"],
        ["R-002", "no impact"],
      ],
    );
  });

  it("without a methodology there is no grid and no risk is placed", () => {
    const files = minimalIsms();
    delete files["risk/methodology.yaml"];
    const report = heatMapOf(files);
    assert.deepEqual(report.rows, []);
    assert.deepEqual(report.bands, []);
    assert.deepEqual(
      report.unplaced.map((r) => r.reason),
      ["no RiskMethodology defines the likelihood and impact scales", "no RiskMethodology defines the likelihood and impact scales"],
    );
    assert.ok(renderMarkdown(report).includes("_No RiskMethodology defines the likelihood and impact scales._"));
  });

  it("uses the matrix's scores and each band's valid colour, else the palette", () => {
    let files: Files = { ...minimalIsms(), "risk/methodology.yaml": RATED_IN_MATRIX };
    files = edit(files, "risks.yaml", "    likelihood: 3\n    impact: 4\n", "    likelihood: 2\n    impact: 3\n");
    const report = heatMapOf(files);
    assert.deepEqual(
      report.rows.map((r) => r.cells.map((c) => [c.score, c.level])),
      [
        [
          [2, "Acceptable"],
          [6, "Tolerable"],
          [9, "Intolerable"],
        ],
        [
          [1, "Acceptable"],
          [2, "Acceptable"],
          [5, "Tolerable"],
        ],
      ],
    );
    assert.deepEqual(
      report.bands.map((b) => b.color),
      ["#aabbcc", DEFAULT_BAND_PALETTE[2], DEFAULT_BAND_PALETTE[4]],
    );
    assert.deepEqual(
      cell(report, 2, 3).risks.map((r) => r.id),
      ["R-001"],
    );
  });

  it("examples/acme: 32 risks on the map, R-033 off it, bands in the methodology's colours", () => {
    const { model } = checkFixture(acmeFiles(), ACME_TODAY);
    const report = heatMapReport(model, ACME_TODAY);
    assert.equal(report.organization, "Acme Cloud Ltd");
    assert.equal(report.placed, 32);
    assert.deepEqual(
      report.unplaced.map((r) => [r.id, r.reason]),
      [["R-033", "no impact"]],
    );
    assert.deepEqual(
      report.bands.map((b) => [b.name, b.color, b.textColor]),
      [
        ["Low", "#2e7d32", "#ffffff"],
        ["Medium", "#f9a825", "#000000"],
        ["High", "#ef6c00", "#000000"],
        ["Critical", "#c62828", "#ffffff"],
      ],
    );
    assert.equal(cell(report, 3, 4).risks.length, 7);
    assert.deepEqual(
      cell(report, 4, 4).risks.map((r) => r.id),
      ["R-005"],
    );
    const residual = heatMapReport(model, ACME_TODAY, "residual");
    assert.equal(residual.placed + residual.unplaced.length, model.risks.length);
  });
});

describe("band colours", () => {
  it("spreads the default palette over the bands by position", () => {
    assert.deepEqual(
      [0, 1, 2].map((i) => bandColor(undefined, i, 3)),
      ["#2e7d32", "#f9a825", "#c62828"],
    );
    assert.equal(bandColor(undefined, 0, 1), "#2e7d32");
    assert.equal(bandColor("#ABCDEF", 0, 4), "#abcdef");
    assert.equal(bandColor("url(x)", 3, 4), "#c62828");
  });
  it("picks black or white text, whichever contrasts more", () => {
    assert.equal(textColorOn("#ffffff"), "#000000");
    assert.equal(textColorOn("#000"), "#ffffff");
    assert.equal(textColorOn("#c62828"), "#ffffff");
    assert.equal(textColorOn("#f9a825"), "#000000");
  });
});

describe("heat map renderers", () => {
  const { model } = checkFixture(minimalIsms());
  const report = heatMapReport(model, FIXTURE_TODAY);

  it("Markdown: the grid of counts with the scales' labels", () => {
    const md = renderMarkdown(report);
    assert.ok(md.startsWith("# Risk heat map (inherent)\n\nFixture Ltd · as of 2026-11-30\n"));
    assert.match(md, /^- \*\*High \(score 10–16\):\*\* 1$/m);
    assert.match(md, /^- \*\*Low \(score 0–4\):\*\* 1$/m);
    assert.ok(md.includes("| Likelihood ↓ / impact → | 1 Negligible | 2 Minor | 3 Moderate | 4 Major | 5 Severe |"));
    assert.ok(md.includes("\n| 3 Possible | 0 | 0 | 0 | 1 | 0 |\n"));
    assert.ok(md.includes("| Likelihood 3 × impact 4 | 12 | High | R-001 (Unauthorised access to customer data) |"));
  });

  it("CSV: one row per cell", () => {
    const records = parse(renderCsv(report), { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 25);
    assert.deepEqual(
      records.find((r) => r.Likelihood === "3" && r.Impact === "4"),
      { Likelihood: "3", "Likelihood label": "Possible", Impact: "4", "Impact label": "Major", Score: "12", Level: "High", Risks: "1", "Risk ids": "R-001" },
    );
  });

  it("HTML: cells coloured by band through validated style rules, with a text for screen readers", () => {
    const html = renderHtml(report);
    assert.ok(html.includes(".swatch-0 { background-color: #2e7d32; color: #ffffff; }"));
    assert.ok(html.includes(`<table class="grid">`));
    assert.match(html, /<td class="num swatch-2"><span aria-hidden="true">1<\/span><span class="visually-hidden">Likelihood 3, impact 4: 1 risk, score 12, High<\/span><\/td>/);
    assert.ok(!/<script|\s(?:src|href)=|style="/i.test(html));

    const hostile = { ...minimalIsms(), "risk/methodology.yaml": RATED_IN_MATRIX };
    const css = layoutDocument(heatMapReport(checkFixture(hostile).model, FIXTURE_TODAY)).css ?? "";
    assert.ok(!css.includes("display"), css);
    assert.equal(css.split("\n").length, 3);
  });

  it("interactive body: selectable cells, rows per cell, risk links that resolve", () => {
    const doc = layoutDocument(report);
    const body = renderDocumentHtml(doc, { interactive: true });
    assert.ok(body.includes(`<td class="num swatch-2" tabindex="0" data-cell="cell:3-4">`));
    assert.ok(!body.includes(`data-cell="cell:5-5"`), "empty cells are not selectable");
    assert.ok(body.includes(`<tr data-cell="cell:3-4">`));
    const link = /<a href="#" data-open="(risk:\d+)">R-001 \(Unauthorised access to customer data\)<\/a>/.exec(body);
    assert.ok(link, "R-001 is a link");
    assert.deepEqual(reportTargets(doc, model)[link[1]], { file: "risks.yaml", line: 3, character: 0 });
  });
});
