import * as assert from "node:assert/strict";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

/**
 * Adds an expectation under `line` (a whole line of `file`, unique in it): carets under the first
 * occurrence of `target` in that line (or the `nth`, 0-based), then `rest` (rule id and message).
 */
function mark(files: Files, file: string, line: string, target: string, rest: string, nth = 0): Files {
  let col = -1;
  for (let i = 0; i <= nth; i++) col = line.indexOf(target, col + 1);
  assert.ok(col >= 1, `"${target}" not found after column 0 in "${line}"`);
  return edit(files, file, `${line}\n`, `${line}\n${" ".repeat(col - 1)}#${"^".repeat(target.length)} ${rest}\n`);
}

/** Replaces the lines of risk `id` (from its `- id:` line to the next risk) with `fn` of them. */
function editRisk(files: Files, id: string, fn: (block: string) => string): Files {
  const text = files["risks.yaml"];
  const start = text.indexOf(`  - id: ${id}\n`);
  assert.ok(start >= 0, `no risk ${id}`);
  const next = text.indexOf("  - id:", start + 1);
  const end = next < 0 ? text.length : next;
  const block = text.slice(start, end);
  const changed = fn(block);
  assert.notEqual(changed, block, `editRisk(${id}) changed nothing`);
  return { ...files, "risks.yaml": text.slice(0, start) + changed + text.slice(end) };
}

const R1 = "  - id: R-001";
const R2 = "  - id: R-002";

describe("risk/unrated", () => {
  it("reports a risk without likelihood at its id", () => {
    let files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n", ""));
    files = mark(files, "risks.yaml", R2, "R-002", "risk/unrated Risk R-002 has no likelihood:");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.missing, ["likelihood"]);
  });
  it("names both ratings when both are missing", () => {
    let files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n    impact: 2\n", ""));
    files = mark(files, "risks.yaml", R2, "R-002", "risk/unrated has no likelihood and no impact");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.missing, ["likelihood", "impact"]);
  });
  it("leaves a rating of the wrong type to schema/invalid", () => {
    const files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n", "    likelihood: high\n"));
    expectFindings(files, { rules: ["risk/unrated", "risk/untreated", "risk/acceptance-missing"] });
    assert.ok(checkFiles(files).some((f) => f.rule === "schema/invalid"));
  });
  it("is silent when every risk is rated", () => {
    expectFindings(minimalIsms(), { rules: ["risk/unrated"] });
  });
});

describe("risk/rating-out-of-scale", () => {
  it("reports an inherent likelihood that is not a level, listing the levels", () => {
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("    likelihood: 3\n", "    likelihood: 6\n"));
    files = mark(
      files,
      "risks.yaml",
      "    likelihood: 6",
      "6",
      "risk/rating-out-of-scale Likelihood 6 of risk R-001 is not a level of the methodology's likelihood scale: 1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { field: "likelihood", value: 6, levels: [1, 2, 3, 4, 5] });
  });
  it("reports a residual impact off the scale", () => {
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 2, impact: 7 }"));
    files = mark(files, "risks.yaml", "    residual: { likelihood: 2, impact: 7 }", "7", "risk/rating-out-of-scale Residual impact 7 of risk R-001");
    expectFindings(files);
  });
  it("follows the methodology's scale: a 1-4 scale makes 5 out of scale", () => {
    const files = edit(minimalIsms(), "risk/methodology.yaml", "  - { level: 5, label: Severe }\n", "");
    const withFive = editRisk(files, "R-002", (b) => b.replace("    impact: 2\n", "    impact: 5\n"));
    expectFindings(mark(withFive, "risks.yaml", "    impact: 5", "5", "risk/rating-out-of-scale 1 Negligible, 2 Minor, 3 Moderate, 4 Major"));
  });
  it("reports once, at the first risk register, when no RiskMethodology exists", () => {
    const files: Files = { ...minimalIsms() };
    delete files["risk/methodology.yaml"];
    expectFindings(mark(files, "risks.yaml", "kind: RiskRegister", "RiskRegister", "risk/rating-out-of-scale No RiskMethodology defines the likelihood and impact scales"));
  });
  it("reports a methodology without an impact scale once, at its kind", () => {
    let files = edit(minimalIsms(), "risk/methodology.yaml", /impact:\n( {2}- .*\n)+/, "");
    files = mark(files, "risk/methodology.yaml", "kind: RiskMethodology", "RiskMethodology", "risk/rating-out-of-scale defines no impact scale");
    expectFindings(files);
  });
  it("leaves a level below 1 to schema/invalid", () => {
    const files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n", "    likelihood: 0\n"));
    expectFindings(files, { rules: ["risk/rating-out-of-scale"] });
  });
  it("is silent when every rating is a level of its scale", () => {
    expectFindings(minimalIsms(), { rules: ["risk/rating-out-of-scale"] });
  });
});

describe("risk/no-owner", () => {
  it("reports a risk without owner at its id, offering the people", () => {
    let files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    owner: ops\n", ""));
    files = mark(files, "risks.yaml", R2, "R-002", "risk/no-owner Risk R-002 has no owner");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.candidates, ["ceo", "ciso", "ops", "auditor"]);
  });
  it("leaves an owner that names nobody to ref/unresolved", () => {
    const files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    owner: ops\n", "    owner: nobody\n"));
    expectFindings(files, { rules: ["risk/no-owner"] });
  });
  it("is silent when every risk has an owner", () => {
    expectFindings(minimalIsms(), { rules: ["risk/no-owner"] });
  });
});

describe("risk/untreated", () => {
  it("reports a risk above the threshold with no treatment, with score and threshold", () => {
    let files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n    impact: 2\n    treatment: accept\n", "    likelihood: 3\n    impact: 3\n"));
    files = mark(files, "risks.yaml", R2, "R-002", "risk/untreated Risk R-002 scores 9 (Medium), above the acceptance threshold 6, and has no treatment");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { score: 9, threshold: 6, missing: ["treatment"] });
  });
  it("accepts an untreated risk exactly at the threshold", () => {
    const files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n    impact: 2\n    treatment: accept\n", "    likelihood: 2\n    impact: 3\n"));
    expectFindings(files, { rules: ["risk/untreated"] });
  });
  it("uses the threshold of the methodology", () => {
    const files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n    impact: 2\n    treatment: accept\n", "    likelihood: 3\n    impact: 3\n"));
    expectFindings(edit(files, "risk/methodology.yaml", "max_score: 6", "max_score: 9"), { rules: ["risk/untreated"] });
  });
  it("does not report an unrated risk (risk/unrated does) nor a methodology without threshold", () => {
    const unrated = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n    impact: 2\n    treatment: accept\n", "    likelihood: 5\n"));
    expectFindings(unrated, { rules: ["risk/untreated"] });
    const high = editRisk(minimalIsms(), "R-002", (b) => b.replace("    likelihood: 1\n    impact: 2\n    treatment: accept\n", "    likelihood: 5\n    impact: 5\n"));
    expectFindings(edit(high, "risk/methodology.yaml", "acceptance: { max_score: 6 }\n", ""), { rules: ["risk/untreated"] });
  });
  it("is silent when risks above the threshold are treated", () => {
    expectFindings(minimalIsms(), { rules: ["risk/untreated"] });
  });
});

describe("risk/mitigate-without-controls", () => {
  it("reports a mitigated risk with no controls at its id", () => {
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("    controls: [A.5.15]\n", ""));
    files = mark(files, "risks.yaml", R1, "R-001", "risk/mitigate-without-controls Risk R-001 is to be mitigated (treatment: mitigate) but lists no controls");
    expectFindings(files);
  });
  it("treats the 27005 word modify and an empty list alike", () => {
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("    treatment: mitigate\n    controls: [A.5.15]\n", "    treatment: modify\n    controls: []\n"));
    files = mark(files, "risks.yaml", R1, "R-001", "risk/mitigate-without-controls (treatment: modify)");
    expectFindings(files);
  });
  it("does not ask controls of other treatments", () => {
    const files = editRisk(minimalIsms(), "R-001", (b) => b.replace("    treatment: mitigate\n    controls: [A.5.15]\n", "    treatment: transfer\n"));
    expectFindings(files, { rules: ["risk/mitigate-without-controls"] });
  });
  it("is silent when mitigated risks list controls", () => {
    expectFindings(minimalIsms(), { rules: ["risk/mitigate-without-controls"] });
  });
});

describe("risk/acceptance-missing", () => {
  /** R-002 retained at 3 x 3 = 9, above the threshold 6. */
  const retained = (acceptance = "") =>
    editRisk(minimalIsms(), "R-002", (b) =>
      b.replace("    likelihood: 1\n    impact: 2\n", "    likelihood: 3\n    impact: 3\n").replace("    treatment: accept\n", `    treatment: accept\n${acceptance}`),
    );

  it("reports a retained risk above the threshold without acceptance", () => {
    const files = mark(
      retained(),
      "risks.yaml",
      R2,
      "R-002",
      "risk/acceptance-missing Risk R-002 is retained (treatment: accept) with a score of 9 (Medium), above the acceptance threshold 6, and it has no acceptance",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { risk: "R-002", score: 9, threshold: 6, residual: false, owner: "ops", missing: ["acceptance"] });
  });
  it("accepts the owner's dated acceptance, and one that expires today", () => {
    expectFindings(retained("    acceptance: { by: ops, date: 2026-06-01 }\n"), { rules: ["risk/acceptance-missing"] });
    expectFindings(retained("    acceptance: { by: ops, date: 2025-11-30, expires: 2026-11-30 }\n"), { rules: ["risk/acceptance-missing"] });
  });
  it("reports an acceptance without date", () => {
    const files = mark(retained("    acceptance: { by: ops }\n"), "risks.yaml", "    acceptance: { by: ops }", "{ by: ops }", "risk/acceptance-missing does not say when (date)");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data?.missing, ["date"]);
  });
  it("reports an acceptance by someone other than the risk owner, related to the owner", () => {
    const files = mark(
      retained("    acceptance: { by: ciso, date: 2026-06-01 }\n"),
      "risks.yaml",
      "    acceptance: { by: ciso, date: 2026-06-01 }",
      "ciso",
      "risk/acceptance-missing Risk R-002 was accepted by ciso, who is neither its risk owner (ops) nor a member of top management",
    );
    const [finding] = expectFindings(files);
    assert.equal(finding.related?.[0].range.start.line, 16);
    assert.equal(finding.data?.replacement, "ops");
  });
  it("accepts an acceptance by a member of top management (people[].top_management: true)", () => {
    // The fixture's ceo is marked top_management: true.
    const accepted = retained("    acceptance: { by: ceo, date: 2026-06-01 }\n");
    expectFindings(accepted, { rules: ["risk/acceptance-missing"] });
    const notMarked = edit(accepted, "isms.yaml", "  - { id: ceo, name: Chief Executive, role: Top management, top_management: true }", "  - { id: ceo, name: Chief Executive, role: Top management }");
    const notTop = mark(notMarked, "risks.yaml", "    acceptance: { by: ceo, date: 2026-06-01 }", "ceo", "risk/acceptance-missing accepted by ceo, who is neither its risk owner");
    expectFindings(notTop, { rules: ["risk/acceptance-missing"] });
  });
  it("reports an expired acceptance with the days since expiry", () => {
    const line = "    acceptance: { by: ops, date: 2025-10-01, expires: 2026-10-01 }";
    const files = mark(retained(`${line}\n`), "risks.yaml", line, "2026-10-01", "risk/acceptance-missing expired on 2026-10-01, 60 days ago");
    const [finding] = expectFindings(files);
    assert.equal(finding.data?.daysExpired, 60);
  });
  it("reports a residual score above the threshold of a mitigated risk", () => {
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 3, impact: 3 }"));
    files = mark(
      files,
      "risks.yaml",
      R1,
      "R-001",
      "risk/acceptance-missing Risk R-001's residual score 9 (Medium) is above the acceptance threshold 6, and it has no acceptance: the risk owner must accept the residual risk",
    );
    expectFindings(files);
    const accepted = editRisk(files, "R-001", (b) => b.replace("    reviewed:", "    acceptance: { by: ops, date: 2026-06-01 }\n    reviewed:"));
    expectFindings({ ...accepted, "risks.yaml": accepted["risks.yaml"].replace(/\n *#.*risk\/acceptance-missing.*/, "") });
  });
  it("needs no acceptance at or below the threshold (residual exactly 6, retained score 2)", () => {
    expectFindings(minimalIsms(), { rules: ["risk/acceptance-missing"] });
  });
});

describe("risk/residual-above-inherent", () => {
  it("reports a residual likelihood above the inherent one, at the residual value", () => {
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 4, impact: 3 }"));
    files = mark(files, "risks.yaml", "    residual: { likelihood: 4, impact: 3 }", "4", "risk/residual-above-inherent Residual likelihood 4 of risk R-001 is above its inherent likelihood 3");
    expectFindings(files);
  });
  it("reports each residual value that exceeds its inherent one", () => {
    const line = "    residual: { likelihood: 4, impact: 5 }";
    let files = editRisk(minimalIsms(), "R-001", (b) => b.replace("    residual: { likelihood: 2, impact: 3 }", line));
    files = mark(files, "risks.yaml", line, "4", "risk/residual-above-inherent Residual likelihood 4");
    files = mark(files, "risks.yaml", line, "5", "risk/residual-above-inherent Residual impact 5 of risk R-001 is above its inherent impact 4");
    expectFindings(files);
  });
  it("reports a residual score above the inherent score under a matrix, at the residual", () => {
    const matrix = "scoring: matrix\nmatrix:\n  - [1, 2, 3, 4, 5]\n  - [2, 4, 20, 8, 10]\n  - [3, 6, 9, 12, 15]\n  - [4, 8, 12, 16, 20]\n  - [5, 10, 15, 20, 25]\n";
    const files = edit(minimalIsms(), "risk/methodology.yaml", "scoring: multiply\n", matrix);
    const line = "    residual: { likelihood: 2, impact: 3 }";
    expectFindings(mark(files, "risks.yaml", line, "{ likelihood: 2, impact: 3 }", "risk/residual-above-inherent residual score 20 of risk R-001 is above its inherent score 12"));
  });
  it("accepts a residual equal to the inherent rating", () => {
    const files = editRisk(minimalIsms(), "R-001", (b) => b.replace("residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 3, impact: 4 }"));
    expectFindings(files, { rules: ["risk/residual-above-inherent"] });
  });
  it("is silent when residual ratings are lower", () => {
    expectFindings(minimalIsms(), { rules: ["risk/residual-above-inherent"] });
  });
});

describe("risk/review-overdue", () => {
  it("reports a review older than the cadence with the days overdue", () => {
    let files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    reviewed: 2026-06-01\n", "    reviewed: 2025-06-01\n"));
    files = mark(files, "risks.yaml", "    reviewed: 2025-06-01", "2025-06-01", "risk/review-overdue every 12 months (cadence.risk_review), so it was due on 2026-06-01 and is 182 days overdue");
    const [finding] = expectFindings(files);
    assert.equal(finding.data?.daysOverdue, 182);
    assert.equal(finding.severity, "warning");
  });
  it("is not overdue on the due date, and 1 day overdue the day after", () => {
    const onTime = editRisk(minimalIsms(), "R-002", (b) => b.replace("    reviewed: 2026-06-01\n", "    reviewed: 2025-11-30\n"));
    expectFindings(onTime, { rules: ["risk/review-overdue"] });
    let late = editRisk(minimalIsms(), "R-002", (b) => b.replace("    reviewed: 2026-06-01\n", "    reviewed: 2025-11-29\n"));
    late = mark(late, "risks.yaml", "    reviewed: 2025-11-29", "2025-11-29", "risk/review-overdue is 1 day overdue");
    expectFindings(late);
  });
  it("uses cadence.risk_review of isms.yaml", () => {
    let files = edit(minimalIsms(), "isms.yaml", "people:\n", "cadence:\n  risk_review: 3\npeople:\n");
    const line = "    reviewed: 2026-06-01";
    const note = `${" ".repeat(13)}#${"^".repeat(10)} risk/review-overdue every 3 months (cadence.risk_review), so it was due on 2026-09-01 and is 90 days overdue`;
    files = { ...files, "risks.yaml": files["risks.yaml"].split(`${line}\n`).join(`${line}\n${note}\n`) };
    expectFindings(files);
  });
  it("reports a risk with no reviewed date at its id", () => {
    let files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    reviewed: 2026-06-01\n", ""));
    files = mark(files, "risks.yaml", R2, "R-002", "risk/review-overdue Risk R-002 has no reviewed date");
    expectFindings(files);
  });
  it("leaves an impossible date to schema/invalid", () => {
    const files = editRisk(minimalIsms(), "R-002", (b) => b.replace("    reviewed: 2026-06-01\n", "    reviewed: 2026-02-30\n"));
    expectFindings(files, { rules: ["risk/review-overdue"] });
  });
  it("is silent when every risk was reviewed within the cadence", () => {
    expectFindings(minimalIsms(), { rules: ["risk/review-overdue"] });
  });
});

const METHODOLOGY = "risk/methodology.yaml";
const MATRIX = "scoring: matrix\nmatrix:\n  - [1, 2, 3, 4, 5]\n  - [2, 4, 6, 8, 10]\n  - [3, 6, 9, 12, 15]\n  - [4, 8, 12, 16, 20]\n  - [5, 10, 15, 20, 25]\n";

/** The fixture scored with a 5 × 5 matrix equal to likelihood × impact. */
function matrixIsms(matrix = MATRIX): Files {
  return edit(minimalIsms(), METHODOLOGY, "scoring: multiply\n", matrix);
}

describe("risk/methodology-invalid", () => {
  it("reports a likelihood level defined twice, at the second one", () => {
    const line = "  - { level: 5, label: Certain }";
    let files = edit(minimalIsms(), METHODOLOGY, "  - { level: 5, label: Almost certain }\n", `  - { level: 5, label: Almost certain }\n${line}\n`);
    files = mark(files, METHODOLOGY, line, "5", "risk/methodology-invalid Likelihood level 5 is defined more than once");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { dimension: "likelihood", level: 5, duplicate: true });
  });
  it("reports a gap in the impact scale at the level after it, and a scale that does not start at 1", () => {
    let files = edit(minimalIsms(), METHODOLOGY, "  - { level: 3, label: Moderate }\n", "");
    files = mark(files, METHODOLOGY, "  - { level: 4, label: Major }", "4", "risk/methodology-invalid The impact scale jumps from level 2 to 4: level 3 is missing");
    files = edit(files, METHODOLOGY, "  - { level: 1, label: Rare }\n  - { level: 2, label: Unlikely }\n", "");
    files = mark(files, METHODOLOGY, "  - { level: 3, label: Possible }", "3", "risk/methodology-invalid The likelihood scale starts at level 3: levels 1 and 2 are missing");
    const findings = expectFindings(files);
    assert.deepEqual(findings.find((f) => f.message.includes("impact"))?.data, { dimension: "impact", level: 4, missing: [3] });
  });
  it("leaves a missing scale that risks are rated on to risk/rating-out-of-scale", () => {
    const files = edit(minimalIsms(), METHODOLOGY, /likelihood:\n( {2}- .*\n)+/, "");
    expectFindings(files, { rules: ["risk/methodology-invalid"] });
  });
  it("reports missing acceptance criteria at the kind", () => {
    let files = edit(minimalIsms(), METHODOLOGY, "acceptance: { max_score: 6 }\n", "");
    files = mark(files, METHODOLOGY, "kind: RiskMethodology", "RiskMethodology", "risk/methodology-invalid no risk acceptance criteria (acceptance.max_score)");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { missing: ["acceptance.max_score"] });
  });
  it("leaves an acceptance threshold of the wrong type to schema/invalid", () => {
    const files = edit(minimalIsms(), METHODOLOGY, "acceptance: { max_score: 6 }", "acceptance: { max_score: six }");
    expectFindings(files, { rules: ["risk/methodology-invalid"] });
    assert.ok(checkFiles(files).some((f) => f.rule === "schema/invalid"));
  });
  it("accepts a complete matrix", () => {
    expectFindings(matrixIsms(), { rules: ["risk/methodology-invalid"] });
  });
  it("reports scoring: matrix without a matrix at the scoring value", () => {
    let files = edit(minimalIsms(), METHODOLOGY, "scoring: multiply", "scoring: matrix");
    files = mark(files, METHODOLOGY, "scoring: matrix", "matrix", "risk/methodology-invalid scoring: matrix needs a matrix");
    expectFindings(files);
  });
  it("reports a matrix with a row missing at the matrix, and a short row at the row", () => {
    let files = matrixIsms(MATRIX.replace("  - [5, 10, 15, 20, 25]\n", ""));
    files = mark(files, METHODOLOGY, "  - [1, 2, 3, 4, 5]", "- [1, 2, 3, 4, 5]", "risk/methodology-invalid The matrix has 4 rows but the likelihood scale has 5 levels");
    // The finding runs to the end of the last row: columns 2 to 22 ("  - [4, 8, 12, 16, 20]" is 22 long).
    files = { ...files, [METHODOLOGY]: files[METHODOLOGY].replace("#^^^^^^^^^^^^^^^^^", "#^^^^^^^^^^^^^^^^^^^^") };
    expectFindings(files);

    let short = matrixIsms(MATRIX.replace("  - [2, 4, 6, 8, 10]", "  - [2, 4, 6, 8]"));
    short = mark(short, METHODOLOGY, "  - [2, 4, 6, 8]", "[2, 4, 6, 8]", "risk/methodology-invalid Row 2 of the matrix (likelihood 2) has 4 scores but the impact scale has 5 levels");
    const [finding] = expectFindings(short);
    assert.deepEqual(finding.data, { row: 2, columns: 4, expected: 5 });
  });
  it("reports a matrix score above the highest band at the cell", () => {
    let files = matrixIsms(MATRIX.replace("  - [5, 10, 15, 20, 25]", "  - [5, 10, 15, 20, 30]"));
    files = mark(files, METHODOLOGY, "  - [5, 10, 15, 20, 30]", "30", "risk/methodology-invalid Matrix score 30 (likelihood 5, impact 5) is above the highest risk level, Critical (max 25)");
    expectFindings(files);
  });
  it("reports bands out of order and a duplicate max at the max", () => {
    let files = edit(minimalIsms(), METHODOLOGY, "  - { name: Medium, max: 9 }\n  - { name: High, max: 16 }\n", "  - { name: High, max: 16 }\n  - { name: Medium, max: 9 }\n");
    files = mark(files, METHODOLOGY, "  - { name: Medium, max: 9 }", "9", "risk/methodology-invalid Risk level Medium (max 9) is listed after High (max 16)");
    expectFindings(files);

    let same = edit(minimalIsms(), METHODOLOGY, "  - { name: High, max: 16 }", "  - { name: High, max: 9 }");
    same = mark(same, METHODOLOGY, "  - { name: High, max: 9 }", "9", "risk/methodology-invalid Risk level High has max 9, like Medium");
    expectFindings(same);
  });
  it("reports a highest band below the highest possible score, and accepts one exactly at it", () => {
    let files = edit(minimalIsms(), METHODOLOGY, "  - { name: Critical, max: 25 }", "  - { name: Critical, max: 20 }");
    files = mark(
      files,
      METHODOLOGY,
      "  - { name: Critical, max: 20 }",
      "20",
      "risk/methodology-invalid ends below the highest possible score 25 (likelihood 5 × impact 5): scores 21 to 25 have no risk level",
    );
    const [finding] = expectFindings(files);
    assert.equal(finding.data?.replacement, 25);
    expectFindings(minimalIsms(), { rules: ["risk/methodology-invalid"] }); // max 25 on a 5 × 5 scale
  });
  it("reports a methodology without score bands at the kind", () => {
    let files = edit(minimalIsms(), METHODOLOGY, /levels:\n( {2}- .*\n)+/, "");
    files = mark(files, METHODOLOGY, "kind: RiskMethodology", "RiskMethodology", "risk/methodology-invalid defines no risk levels");
    expectFindings(files);
  });
  it("reports a second RiskMethodology, in another file or document, at its kind", () => {
    const second = minimalIsms()[METHODOLOGY].replace(
      "kind: RiskMethodology\n",
      "kind: RiskMethodology\n#     ^^^^^^^^^^^^^^^ risk/methodology-invalid only the first one (in risk/methodology.yaml) is used\n",
    );
    const files = { ...minimalIsms(), "risk/zz-methodology.yaml": second };
    const [finding] = expectFindings(files);
    assert.equal(finding.related?.[0].file, METHODOLOGY);
    expectFindings({ ...minimalIsms(), [METHODOLOGY]: `${minimalIsms()[METHODOLOGY]}---\n${second}` });
  });
  it("is silent on the fixture's methodology", () => {
    expectFindings(minimalIsms(), { rules: ["risk/methodology-invalid"] });
  });
});

describe("risk/no-assessment", () => {
  it("reports a risk register with no risk at its kind", () => {
    const files = { ...minimalIsms(), "risks.yaml": "apiVersion: isms/v1\nkind: RiskRegister\n#     ^^^^^^^^^^^^ risk/no-assessment The risk register holds no risk\nrisks: []\n" };
    const [finding] = expectFindings(files);
    assert.equal(finding.severity, "error");
  });
  it("reports an ISMS without a RiskRegister at the kind of isms.yaml", () => {
    const rest = minimalIsms();
    delete rest["risks.yaml"];
    const files = edit(rest, "isms.yaml", "kind: ISMS\n", "kind: ISMS\n#     ^^^^ risk/no-assessment The ISMS has no RiskRegister\n");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { missing: ["RiskRegister"] });
  });
  it("leaves risk entries that are not records to schema/invalid", () => {
    const files = { ...minimalIsms(), "risks.yaml": "apiVersion: isms/v1\nkind: RiskRegister\nrisks: [R-001]\n" };
    expectFindings(files, { rules: ["risk/no-assessment"] });
  });
  it("is silent when a register holds a risk", () => {
    expectFindings(minimalIsms(), { rules: ["risk/no-assessment"] });
  });
});
