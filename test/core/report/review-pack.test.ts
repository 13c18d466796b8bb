import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../../server/src/core";
import { addReviewDraft, applyTextEdits } from "../../../server/src/core/edits";
import {
  layoutReviewPack,
  renderDocumentHtml,
  renderMarkdown,
  reviewDraftInputs,
  reviewPackReport,
  ReviewPackError,
  type PackSection,
  type ReviewPackReport,
} from "../../../server/src/core/report/index";
import { recordLabel } from "../../../server/src/core/report/review-pack/layout";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";
import { ACME_TODAY, acmeFiles, checkFixture } from "./report-fixtures";

function acmePack(since?: string): ReviewPackReport {
  const { model, findings } = checkFixture(acmeFiles(), ACME_TODAY);
  return reviewPackReport(model, findings, ACME_TODAY, { since });
}

function section(pack: ReviewPackReport, input: PackSection["input"]): PackSection {
  return pack.sections.find((s) => s.input === input) ?? assert.fail(`no section ${input}`);
}

/** The first cell (the id) of every row of a table of a section. */
function ids(pack: ReviewPackReport, input: PackSection["input"], table = 0): string[] {
  return section(pack, input).tables[table].rows.map((r) => r.cells[0].text);
}

describe("report: management review pack (9.3.2)", () => {
  describe("examples/acme since MR-2026-1 (2026-06-18 to 2026-11-30)", () => {
    const pack = acmePack("MR-2026-1");

    it("covers the period after MR-2026-1, the last review held", () => {
      assert.equal(pack.period.review?.id, "MR-2026-1");
      assert.equal(pack.period.since, "2026-06-18");
      assert.equal(pack.period.inclusive, false);
      assert.deepEqual({ ...acmePack().period, description: "" }, { ...pack.period, description: "" }, "without --since the pack starts at the last review held");
      assert.equal(acmePack().period.description, "Since the last management review held, MR-2026-1 of 2026-06-18, to 2026-11-30.");
    });

    it("a) lists the review actions still open or closed since, with their state", () => {
      assert.deepEqual(ids(pack, "previous_actions"), ["ACT-002", "ACT-010", "ACT-004", "ACT-017", "ACT-018", "ACT-020", "ACT-023"]);
      const act004 = section(pack, "previous_actions").tables[0].rows[2];
      assert.match(act004.cells[4].text, /46 days overdue/);
      assert.deepEqual(act004.at, { file: "actions.yaml", line: 29, character: 8 });
      assert.match(section(pack, "previous_actions").summary, /7 actions .* 1 done, 5 open or in progress, 1 cancelled, 1 overdue \(ACT-004\)/);
    });

    it("b/c) lists the context as recorded now and says what only history can tell", () => {
      const b = section(pack, "context_changes");
      assert.equal(b.tables[0].rows.length, 13, "6 internal, 6 external issues and the climate change determination");
      assert.match(b.tables[0].notes?.join(" ") ?? "", /cannot be known from the files as they are now/);
      assert.deepEqual(ids(pack, "context_changes", 1), ["Statement of Applicability", "POL-ISP: Information Security Policy", "POL-IM: Incident Management Policy"]);
      assert.equal(section(pack, "interested_party_needs").tables[0].rows.length, 8);
      assert.equal(section(pack, "interested_party_needs").tables[1].rows.length, 11);
    });

    it("d) nonconformities raised, closed and open; corrective actions verified or open", () => {
      assert.deepEqual(ids(pack, "performance.nonconformities"), ["NC-002", "NC-003", "NC-004"]);
      assert.match(
        section(pack, "performance.nonconformities").summary,
        /^1 nonconformity raised and 1 closed since MR-2026-1; 2 open \(NC-003, NC-004\)\. Corrective actions: 1 verified in the period, 2 open\.$/,
      );
      assert.deepEqual(ids(pack, "performance.nonconformities", 1), ["ACT-012", "ACT-013", "ACT-014"]);
    });

    it("d) monitoring results against targets, no audit completed since, objectives by status", () => {
      assert.equal(section(pack, "performance.monitoring").summary, "5 measures: 5 met the target at the latest result since MR-2026-1, 0 did not, 0 have no result in the period.");
      assert.deepEqual(ids(pack, "performance.monitoring"), ["M-VULN-SLA", "M-PHISH", "M-AVAIL", "M-LEAVERS", "M-SOC2"]);
      const audits = section(pack, "performance.audit_results");
      assert.match(audits.summary, /^No internal audit completed since MR-2026-1 \(last: AUD-2026-2 on 2026-05-13\); 1 audit planned\.$/);
      assert.deepEqual(ids(pack, "performance.audit_results"), ["AUD-2027-1"]);
      assert.equal(audits.tables[1].rows.length, 0);
      assert.equal(section(pack, "performance.objectives").summary, "5 objectives: 3 on-track, 2 achieved.");
    });

    it("e) says feedback is not recorded in the files", () => {
      assert.match(section(pack, "interested_party_feedback").summary, /No feedback is recorded in the ISMS files/);
    });

    it("f) risks by level, reviewed, accepted, overdue for review, the treatment plan", () => {
      const f = section(pack, "risk_assessment");
      assert.deepEqual(
        f.tables[0].rows.map((r) => `${r.cells[0].text} ${r.cells[1].text}`),
        ["Unrated 1", "High 19", "Medium 12", "Low 1"],
      );
      assert.equal(f.tables[1].rows.length, 8, "risks reviewed since 2026-06-18");
      assert.deepEqual(ids(pack, "risk_assessment", 2), ["R-016"]);
      assert.equal(f.tables[3].rows.length, 0, "no risk overdue for review");
      assert.equal(f.tables[4].rows[0].cells[0].text, "ACT-004", "overdue treatment actions first");
      assert.match(f.summary, /Treatment plan: 16 actions, 6 done, 10 open or in progress, 1 overdue \(ACT-004\)\./);
    });

    it("g) improvement actions and open observations; resources by owner; findings by clause", () => {
      assert.deepEqual(ids(pack, "improvement_opportunities"), ["ACT-016", "ACT-023"]);
      assert.deepEqual(ids(pack, "improvement_opportunities", 1), ["F-2026-2-2", "F-2026-2-3", "F-2026-2-4"]);
      assert.equal(ids(pack, "resources")[0], "sre-lead");
      assert.equal(pack.findings.rows.length, 7, "the seven deliberate gaps");
      assert.deepEqual(
        pack.findings.rows.map((r) => r.cells[0].text),
        ["4.1", "6.1.2 d", "6.1.3 d", "6.1.3 d", "6.1.3 d", "8.3", "9.3.2", "10.2 b"].filter((c) => c !== "4.1"),
      );
    });

    it("labels records relative to the ISMS root, also when file keys are URIs (the language server's)", () => {
      assert.equal(recordLabel({ file: "file:///w/my%20isms/risks/a.yaml", line: 4, character: 0 }, "file:///w/my%20isms"), "risks/a.yaml:5");
      assert.equal(recordLabel({ file: "sub/risks.yaml", line: 0, character: 0 }, "sub"), "risks.yaml:1");
    });

    it("links every fact to its record (file:line in Markdown, data-open in the webview)", () => {
      const md = renderMarkdown(pack);
      assert.match(md, /\| actions\.yaml:30 \| ACT-004 \|/);
      const doc = layoutReviewPack(pack);
      const html = renderDocumentHtml(doc, { interactive: true });
      const keys = [...html.matchAll(/data-open="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(keys.length > 100);
      for (const key of keys) assert.ok(doc.targets && Object.hasOwn(doc.targets, key), key);
    });
  });

  describe("bad input", () => {
    const { model, findings } = checkFixture(acmeFiles(), ACME_TODAY);
    it("--since an id that is not a review, an unknown id, a future date or review, an impossible date: a clear error", () => {
      assert.throws(
        () => reviewPackReport(model, findings, ACME_TODAY, { since: "R-001" }),
        (e: Error) => e instanceof ReviewPackError && /R-001 is a risk, not a management review \(reviews: MR-2025-2, MR-2026-1\)/.test(e.message),
      );
      assert.throws(() => reviewPackReport(model, findings, ACME_TODAY, { since: "MR-1999" }), /neither a management review of this ISMS nor a date/);
      assert.throws(() => reviewPackReport(model, findings, ACME_TODAY, { since: "2026-12-01" }), /after today/);
      assert.throws(() => reviewPackReport(model, findings, ACME_TODAY, { since: "2026-02-30" }), /not a calendar date/);
    });

    it("--since a date: from that day, inclusive", () => {
      const pack = reviewPackReport(model, findings, ACME_TODAY, { since: "2026-10-22" });
      assert.deepEqual(ids(pack, "performance.nonconformities"), ["NC-003", "NC-004"]);
      assert.match(section(pack, "performance.nonconformities").summary, /^1 nonconformity raised and 0 closed since 2026-10-22/);
      assert.equal(pack.period.review, undefined, "the period does not start at a review");
      assert.equal(pack.period.previous?.id, "MR-2026-1", "the last review held before the date is named");
      assert.equal(reviewPackReport(model, findings, ACME_TODAY, { since: "2026-01-01" }).period.previous?.id, "MR-2025-2");
    });

    it("no earlier review, no actions, no audits: every section says so", () => {
      const files: Files = minimalIsms();
      for (const key of Object.keys(files)) if (/reviews|actions|audits/.test(key)) delete files[key];
      const { model: m, findings: f } = checkFixture(files);
      const pack = reviewPackReport(m, f, "2026-11-30");
      assert.equal(pack.period.since, undefined);
      assert.match(pack.period.description, /No management review has been held yet/);
      assert.equal(section(pack, "previous_actions").tables[0].rows.length, 0);
      assert.match(section(pack, "previous_actions").tables[0].empty, /No earlier management review/);
      assert.equal(section(pack, "performance.audit_results").summary, "The ISMS records no internal audit.");
      assert.match(section(pack, "risk_assessment").tables[4].empty, /no risk treatment action/);
      assert.match(renderMarkdown(pack), /_No earlier management review: no actions were decided by one\._/);
    });

    it("escapes what the files contain", () => {
      const files = minimalIsms();
      files["actions.yaml"] = files["actions.yaml"].replace(/title: [^\n]*/, 'title: "<img src=x onerror=alert(1)>"');
      const { model: m, findings: f } = checkFixture(files);
      const html = renderDocumentHtml(layoutReviewPack(reviewPackReport(m, f, "2026-11-30", { since: "2026-01-01" })), { interactive: true });
      assert.doesNotMatch(html, /<img/);
    });
  });

  describe("review draft", () => {
    it("appends a review whose inputs are the pack's summaries, and it passes review/missing-input", () => {
      const files = acmeFiles();
      const before = checkWorkspace(
        Object.entries(files).map(([file, text]) => ({ file, text })),
        { today: ACME_TODAY },
      );
      const model = before.models[0];
      const pack = reviewPackReport(model, before.findings, ACME_TODAY);
      const added = addReviewDraft({ model, files: (k) => before.files.find((f) => f.file === k), today: ACME_TODAY }, reviewDraftInputs(pack));
      assert.equal(added.id, "MR-2026-2");
      assert.equal(added.file, "reviews/management-reviews.yaml");
      const file = added.file;
      const text = applyTextEdits(files[file], added.edit.changes[file]);
      assert.ok(text.startsWith(files[file].replace(/\n+$/, "")), "the edit only appends: every byte (and comment) before stays");
      assert.match(text, /\n {2}- id: MR-2026-2\n {4}date: 2026-11-30\n {4}attendees: \[ceo\]\n {4}inputs:\n {6}previous_actions: /);
      assert.match(text, /\n {6}performance:\n {8}nonconformities: /);
      const after = checkWorkspace(
        Object.entries({ ...files, [file]: text }).map(([f, t]) => ({ file: f, text: t })),
        { today: ACME_TODAY },
      );
      const mine = after.findings.filter((f) => f.file === file && f.range.start.line >= added.range.start.line);
      assert.deepEqual(
        mine.map((f) => f.rule),
        ["review/no-decisions"],
        "only the decisions, taken at the meeting, are missing",
      );
      assert.equal(after.findings.filter((f) => f.rule === "schema/invalid" || f.rule === "yaml/syntax").length, 0);
    });

    it("writes a flow-style draft in a file of flow-style reviews", () => {
      const files = minimalIsms();
      files["reviews.yaml"] = "apiVersion: isms/v1\nkind: ManagementReview\nreviews: [{ id: MR-1, date: 2026-05-01 }]  # keep me\n";
      const before = checkWorkspace(
        Object.entries(files).map(([file, text]) => ({ file, text })),
        { today: "2026-11-30" },
      );
      const model = before.models[0];
      const added = addReviewDraft(
        { model, files: (k) => before.files.find((f) => f.file === k), today: "2026-11-30" },
        reviewDraftInputs(reviewPackReport(model, before.findings, "2026-11-30")),
        "2026-12-10",
      );
      const text = applyTextEdits(files["reviews.yaml"], added.edit.changes["reviews.yaml"]);
      assert.match(text, /\{ id: MR-2, date: 2026-12-10, attendees: \[ceo\], inputs: \{ previous_actions: .*performance: \{ nonconformities: .*\} \}\] {2}# keep me\n$/);
      const after = checkWorkspace(
        Object.entries({ ...files, "reviews.yaml": text }).map(([f, t]) => ({ file: f, text: t })),
        { today: "2026-12-10" },
      );
      assert.deepEqual(
        after.findings.filter((f) => f.file === "reviews.yaml" && f.message.includes("MR-2")).map((f) => f.rule),
        ["review/no-decisions"],
      );
    });
  });
});
