import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { checkWorkspace, type IsmsModel } from "../../../server/src/core";
import { neutralizeFormula, renderCsv, renderHtml, renderMarkdown, REPORT_CSP, soaReport } from "../../../server/src/core/report/index";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

function modelOf(files: Files): IsmsModel {
  const result = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
  assert.equal(result.models.length, 1);
  return result.models[0];
}

/** The SoA entry of `control` in the minimal fixture, as written. */
function entryText(control: string): RegExp {
  return new RegExp(`  - control: ${control.replace(/\./g, "\\.")}\\n(?:    .*\\n)*?    evidence: \\[policies/is\\.md\\]\\n`);
}

const A51_JUSTIFICATION = "justification: Needed to meet the certification requirement for policies for information security.";

describe("soaReport", () => {
  it("summarises a complete, approved SoA", () => {
    const report = soaReport(modelOf(minimalIsms()), FIXTURE_TODAY);
    assert.equal(report.kind, "soa");
    assert.equal(report.organization, "Fixture Ltd");
    assert.equal(report.today, FIXTURE_TODAY);
    assert.deepEqual(report.summary, {
      controls: 93,
      entries: 93,
      applicable: 93,
      excluded: 0,
      undecided: 0,
      missing: 0,
      implemented: 93,
      partiallyImplemented: 0,
      planned: 0,
      notImplemented: 0,
      noStatus: 0,
      untraced: 0,
    });
    assert.deepEqual(report.approval, { by: { id: "ceo", name: "Chief Executive" }, date: "2026-02-01" });
    assert.deepEqual(
      report.themes.map((t) => [t.theme, t.prefix, t.rows.length]),
      [
        ["Organizational", "A.5", 37],
        ["People", "A.6", 8],
        ["Physical", "A.7", 14],
        ["Technological", "A.8", 34],
      ],
    );
    assert.deepEqual(report.other, []);
    const a515 = report.themes[0].rows.find((r) => r.control === "A.5.15");
    assert.deepEqual(a515, {
      control: "A.5.15",
      title: "Access control",
      theme: "Organizational",
      missing: false,
      applicable: true,
      justification: "Needed to meet the certification requirement for access control.",
      status: "implemented",
      sources: [{ id: "R-001", title: "Unauthorised access to customer data" }],
      owner: { id: "ciso", name: "Security Lead" },
      evidence: ["policies/is.md"],
      traced: true,
      file: "soa.yaml",
      line: a515?.line,
    });
  });

  it("counts exclusions, statuses, untraced and missing controls, and keeps entries outside Annex A", () => {
    let files = minimalIsms();
    files = edit(files, "soa.yaml", entryText("A.7.1"), "");
    files = edit(files, "soa.yaml", /(- control: A\.7\.2\n {4}applicable: )true/, "$1false");
    files = edit(files, "soa.yaml", /(- control: A\.8\.1\n(?: {4}.*\n)*? {4}status: )implemented/, "$1planned");
    files = edit(files, "soa.yaml", /(- control: A\.8\.2\n(?: {4}.*\n)*? {4}status: )implemented/, "$1partially-implemented");
    files = edit(files, "soa.yaml", /(- control: A\.8\.3\n(?: {4}.*\n)*? {4}status: )implemented/, "$1not-implemented");
    files = edit(files, "soa.yaml", /(- control: A\.8\.4\n(?: {4}.*\n)*? {4}sources: )\[REQ-ISO\]/, "$1[]");
    files = edit(files, "soa.yaml", /(- control: A\.8\.5\n(?: {4}.*\n)*? {4}owner: )ciso/, "$1nobody");
    files = { ...files, "soa.yaml": files["soa.yaml"] + "  - control: A.9.1\n    applicable: true\n    status: implemented\n    sources: [REQ-ISO]\n" };
    const report = soaReport(modelOf(files), FIXTURE_TODAY);
    assert.deepEqual(report.summary, {
      controls: 93,
      entries: 93,
      applicable: 92,
      excluded: 1,
      undecided: 0,
      missing: 1,
      implemented: 89,
      partiallyImplemented: 1,
      planned: 1,
      notImplemented: 1,
      noStatus: 0,
      untraced: 1,
    });
    const physical = report.themes[2].rows;
    assert.equal(physical.length, 14);
    assert.deepEqual(physical[0], { control: "A.7.1", title: "Physical security perimeters", theme: "Physical", missing: true, sources: [], evidence: [] });
    assert.equal(physical[1].applicable, false);
    const a85 = report.themes[3].rows.find((r) => r.control === "A.8.5");
    assert.deepEqual(a85?.owner, { id: "nobody", name: undefined });
    assert.deepEqual(
      report.other.map((r) => [r.control, r.title, r.theme]),
      [["A.9.1", undefined, undefined]],
    );
  });

  it("reports an SoA without approval", () => {
    const files = edit(minimalIsms(), "soa.yaml", "approved: { by: ceo, date: 2026-02-01 }\n", "");
    assert.equal(soaReport(modelOf(files), FIXTURE_TODAY).approval, undefined);
  });

  it("never throws on an ISMS without an SoA", () => {
    const files = minimalIsms();
    delete files["soa.yaml"];
    const report = soaReport(modelOf(files), FIXTURE_TODAY);
    assert.equal(report.summary.missing, 93);
    assert.equal(report.summary.entries, 0);
    assert.ok(renderMarkdown(report).includes("Not in the SoA"));
    assert.ok(renderHtml(report).includes("Not in the SoA"));
  });
});

describe("SoA renderers", () => {
  const hostile = `'<script>alert(1)</script> and "quotes" | pipes & <b>bold</b>'`;
  const files = edit(minimalIsms(), "soa.yaml", A51_JUSTIFICATION, `justification: ${hostile}`);
  const report = soaReport(modelOf(files), FIXTURE_TODAY);

  it("Markdown: a summary and one table row per control, by theme", () => {
    const md = renderMarkdown(report);
    assert.ok(md.startsWith("# Statement of Applicability\n"));
    assert.match(md, /^Fixture Ltd · ISO\/IEC 27001:2022 · as of 2026-11-30$/m);
    assert.match(md, /^- \*\*Annex A controls:\*\* 93$/m);
    assert.match(md, /^- \*\*Untraced \(applicable, no risk or source calls for it\):\*\* 0$/m);
    assert.match(md, /^- \*\*Approval:\*\* Approved by Chief Executive on 2026-02-01$/m);
    assert.match(md, /^- \*\*Version:\*\* Not given$/m);
    assert.match(md, /^- \*\*Date of this report:\*\* 2026-11-30$/m);
    for (const heading of ["Organizational controls (A.5)", "People controls (A.6)", "Physical controls (A.7)", "Technological controls (A.8)"]) {
      assert.ok(md.includes(`\n## ${heading}\n`), heading);
    }
    const rows = md.split("\n").filter((l) => /^\| A\.\d\.\d+ \|/.test(l));
    assert.equal(rows.length, 93);
    assert.ok(md.includes("| Control | Title | Applicable | Justification | Status | Implementation | Treatment plan | Sources | Owner | Evidence |"));
    assert.ok(
      md.includes(
        "| A.5.15 | Access control | Yes | Needed to meet the certification requirement for access control. | Implemented | — | — | R-001 (Unauthorised access to customer data) | Security Lead | policies/is.md |",
      ),
    );
    const a51 = rows.find((r) => r.startsWith("| A.5.1 |")) ?? "";
    assert.ok(a51.includes('&lt;script&gt;alert(1)&lt;/script&gt; and "quotes" \\| pipes & &lt;b&gt;bold&lt;/b&gt;'), a51);
    assert.equal(a51.split(/(?<!\\)\|/).length, 12, "the pipe in the text does not add a column");
  });

  it("CSV: a header and 93 rows that parse back", () => {
    const csv = renderCsv(report);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 93);
    assert.deepEqual(Object.keys(records[0]), ["Theme", "Control", "Title", "Applicable", "Justification", "Status", "Implementation", "Treatment plan", "Sources", "Owner", "Evidence"]);
    assert.deepEqual(records[0], {
      Theme: "Organizational",
      Control: "A.5.1",
      Title: "Policies for information security",
      Applicable: "Yes",
      Justification: `<script>alert(1)</script> and "quotes" | pipes & <b>bold</b>`,
      Status: "implemented",
      Implementation: "",
      "Treatment plan": "",
      Sources: "REQ-ISO (Certification to ISO/IEC 27001:2022)",
      Owner: "Security Lead",
      Evidence: "policies/is.md",
    });
    assert.deepEqual(
      records.map((r) => r.Control),
      report.themes.flatMap((t) => t.rows.map((r) => r.control)),
    );
  });

  it("shows the implementation text, the risks and actions behind a planned control, and the document control", () => {
    let files = edit(minimalIsms(), "soa.yaml", "approved: { by: ceo, date: 2026-02-01 }", 'version: "1.2"\napproved: { by: ceo, date: 2026-02-01 }');
    files = edit(files, "soa.yaml", /(- control: A\.5\.15\n(?: {4}.*\n)*?) {4}status: implemented\n/, "$1    status: planned\n    implementation: SSO for every admin console\n");
    files = edit(files, "soa.yaml", /(- control: A\.5\.16\n(?: {4}.*\n)*?) {4}status: implemented\n/, "$1    status: partially-implemented\n    actions: [ACT-3]\n");
    const planned = soaReport(modelOf(files), FIXTURE_TODAY);
    const rows = planned.themes[0].rows;
    const a515 = rows.find((r) => r.control === "A.5.15");
    assert.equal(a515?.implementation, "SSO for every admin console");
    assert.deepEqual(a515?.plan, { risks: [{ id: "R-001", title: "Unauthorised access to customer data" }], actions: [{ id: "ACT-1", title: "Enforce SSO for the admin console" }] });
    assert.deepEqual(rows.find((r) => r.control === "A.5.16")?.plan, { risks: [], actions: [{ id: "ACT-3", title: "Automate access reviews" }] });
    assert.equal(rows.find((r) => r.control === "A.5.1")?.plan, undefined, "implemented controls have no plan");
    assert.deepEqual(planned.documentControl, { version: "1.2", approval: { by: { id: "ceo", name: "Chief Executive" }, date: "2026-02-01" }, date: FIXTURE_TODAY });
    const records = parse(renderCsv(planned), { columns: true }) as Record<string, string>[];
    const row = records.find((r) => r.Control === "A.5.15");
    assert.equal(row?.["Treatment plan"], "Risks: R-001 (Unauthorised access to customer data). Actions: ACT-1 (Enforce SSO for the admin console)");
    assert.equal(row?.Implementation, "SSO for every admin console");
    assert.match(renderMarkdown(planned), /^- \*\*Version:\*\* 1\.2$/m);
  });

  it("CSV: cells that a spreadsheet would run as formulas are neutralised", () => {
    let risky = edit(minimalIsms(), "soa.yaml", A51_JUSTIFICATION, `justification: '=HYPERLINK("http://evil","click")'`);
    risky = edit(risky, "soa.yaml", /(- control: A\.5\.2\n(?: {4}.*\n)*? {4}justification: ).*/, "$1'+1, multi-line\n      is fine'");
    risky = edit(risky, "soa.yaml", /(- control: A\.5\.3\n(?: {4}.*\n)*? {4}justification: ).*/, "$1'@SUM(A1)'");
    risky = edit(risky, "soa.yaml", /(- control: A\.5\.4\n(?: {4}.*\n)*? {4}justification: ).*/, "$1'-2'");
    const records = parse(renderCsv(soaReport(modelOf(risky), FIXTURE_TODAY)), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      records.slice(0, 4).map((r) => r.Justification),
      [`'=HYPERLINK("http://evil","click")`, "'+1, multi-line is fine", "'@SUM(A1)", "'-2"],
    );
    assert.equal(neutralizeFormula("\tcmd"), "'\tcmd");
    assert.equal(neutralizeFormula("plain - text"), "plain - text");
  });

  it("CSV: can start with a byte order mark for spreadsheets", () => {
    assert.ok(renderCsv(report, { bom: true }).startsWith("\ufeffTheme,"));
    assert.ok(renderCsv(report).startsWith("Theme,"));
  });

  it("HTML: a standalone, escaped, accessible document without scripts", () => {
    const html = renderHtml(report);
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`));
    assert.equal(REPORT_CSP, "default-src 'none'; style-src 'unsafe-inline'");
    assert.ok(!/<script/i.test(html), "no script element");
    assert.ok(!/\s(?:src|href)=/i.test(html), "no remote resources");
    assert.ok(!/@import|url\(/i.test(html), "no remote style resources");
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; and &quot;quotes&quot; | pipes &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assert.ok(html.includes("prefers-color-scheme: dark"));
    assert.equal((html.match(/<caption/g) ?? []).length, 4);
    assert.equal((html.match(/<th scope="row"/g) ?? []).length, 93);
    assert.equal((html.match(/<th scope="col"/g) ?? []).length, 4 * 10);
    assert.ok(html.includes("<title>Statement of Applicability — Fixture Ltd</title>"));
    assert.ok(html.includes('<dt>Approval</dt><dd class="tone-good">Approved by Chief Executive on 2026-02-01</dd>'));
  });

  it("HTML: escapes the organization name in the title", () => {
    const evil = edit(minimalIsms(), "isms.yaml", "organization: Fixture Ltd", `organization: '</title><script>x</script>'`);
    const html = renderHtml(soaReport(modelOf(evil), FIXTURE_TODAY));
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes("<title>Statement of Applicability — &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"));
  });
});
