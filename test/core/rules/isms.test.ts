import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../../server/src/core";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

/** The fixture with its nonconformity and its corrective and improvement actions moved to more than 12 months ago. */
function quietYear(): Files {
  let files = edit(minimalIsms(), "nonconformities.yaml", "    raised: 2026-04-02", "    raised: 2025-11-30");
  files = edit(files, "actions.yaml", "    due: 2026-05-15", "    due: 2025-11-20");
  files = edit(files, "actions.yaml", "    completed: 2026-05-01", "    completed: 2025-11-15");
  files = edit(files, "actions.yaml", "    due: 2026-08-01", "    due: 2025-10-01");
  files = edit(files, "actions.yaml", "    completed: 2026-07-01", "    completed: 2025-09-01");
  return files;
}

describe("isms/no-improvement", () => {
  it("reports a year without nonconformities, corrective or improvement actions at the isms.yaml kind", () => {
    const files = edit(quietYear(), "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ isms/no-improvement between 2025-11-30 and 2026-11-30");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { since: "2025-11-30" });
  });
  it("counts a nonconformity raised the day after the start of the 12 months", () => {
    const files = edit(quietYear(), "nonconformities.yaml", "    raised: 2025-11-30", "    raised: 2025-12-01");
    expectFindings(files, { rules: ["isms/no-improvement"] });
  });
  it("counts an improvement action due today, but not a cancelled one or a treatment action", () => {
    const dueToday = edit(quietYear(), "actions.yaml", "    due: 2025-10-01\n    status: done\n    completed: 2025-09-01", "    due: 2026-11-30\n    status: open");
    expectFindings(dueToday, { rules: ["isms/no-improvement"] });
    let other = edit(dueToday, "actions.yaml", "    due: 2026-11-30\n    status: open", "    due: 2026-11-30\n    status: cancelled");
    other = edit(other, "actions.yaml", "    due: 2027-03-31", "    due: 2026-09-30"); // ACT-1, treatment
    expectFindings(edit(other, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ isms/no-improvement"));
  });
  it("counts a treatment action that answers a nonconformity", () => {
    let files = edit(quietYear(), "actions.yaml", "    due: 2027-03-31", "    due: 2026-09-30\n    source: NC-1");
    files = edit(files, "risks.yaml", "    actions: [ACT-1]\n", "");
    expectFindings(files, { rules: ["isms/no-improvement"] });
  });
});

describe("isms/superseded-standard", () => {
  it("reports the 2013 edition, tagged deprecated", () => {
    const files = edit(minimalIsms(), "isms.yaml", "standard: ISO/IEC 27001:2022", "standard: ISO/IEC 27001:2013\n#         ^^^^^^^^^^^^^^^^^^ isms/superseded-standard transition ended");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.tags, ["deprecated"]);
  });
  it("is silent for the 2022 edition", () => {
    expectFindings(minimalIsms(), { rules: ["isms/superseded-standard"] });
  });
});

describe("isms/duplicate-definition", () => {
  const other =
    "apiVersion: isms/v1\nkind: ISMS\n#     ^^^^ isms/duplicate-definition aaa.yaml also declares kind: ISMS in the root folder of isms.yaml\norganization: Other Ltd\ncadence: { risk_review: 1 }\n";
  it("reports another kind: ISMS file in the root folder, and keeps isms.yaml as the definition", () => {
    const files = { ...minimalIsms(), "aaa.yaml": other };
    const [finding] = expectFindings(files);
    assert.equal(finding.related?.[0].file, "isms.yaml");
    const { models } = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.equal(models[0].isms?.file, "isms.yaml");
    assert.equal(models[0].isms?.organization?.value, "Fixture Ltd");
    assert.equal(models[0].isms?.cadence.riskReview, 12);
    // The settings of aaa.yaml are ignored: a monthly risk review would make both risks overdue.
    expectFindings(files, { rules: ["isms/duplicate-definition", "risk/review-overdue"] });
  });
  it("prefers isms.yml too, and reports a second document of isms.yaml", () => {
    const { "isms.yaml": text, ...rest } = minimalIsms();
    const yml = { ...rest, "isms.yml": text, "aaa.yaml": other.replace("isms.yaml", "isms.yml") };
    expectFindings(yml);
    const second = `${text}---\n${other.replace("aaa.yaml also declares kind: ISMS in the root folder of isms.yaml", "This is a second kind: ISMS document in isms.yaml: only isms.yaml defines the ISMS")}`;
    const [finding] = expectFindings({ ...rest, "isms.yaml": second });
    assert.deepEqual(finding.related?.[0].range.start, { line: 1, character: 6 });
  });
  it("is silent with one definition", () => {
    expectFindings(minimalIsms(), { rules: ["isms/duplicate-definition"] });
  });
});

describe("isms/unknown-rule", () => {
  it("reports an unknown id in rules: at the key, with the closest ids", () => {
    const files = edit(
      minimalIsms(),
      "isms.yaml",
      "people:\n",
      "rules:\n  risk/untreatd: warning\n# ^^^^^^^^^^^^^ isms/unknown-rule No check has the id risk/untreatd, so this setting in rules: does nothing. Did you mean risk/untreated, risk/unrated?\n  soa/untraced-control: info\npeople:\n",
    );
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { id: "risk/untreatd", candidates: ["risk/untreated", "risk/unrated"] });
    assert.equal(finding.severity, "warning");
  });
  it("leaves ids that are not of the form area/name to schema/invalid", () => {
    const files = edit(minimalIsms(), "isms.yaml", "people:\n", "rules:\n  Risk/Untreated: warning\npeople:\n");
    expectFindings(files, { rules: ["isms/unknown-rule"] });
    assert.ok(checkFiles(files).some((f) => f.rule === "schema/invalid"));
  });
  it("reports an unknown id in a suppression at the comment, and accepts known ids and all", () => {
    const comment = "# isms-disable-next-line risk/no-ownr, risk/untreated -- accepted by the board";
    let files = edit(
      minimalIsms(),
      "risks.yaml",
      "    owner: ops\n    likelihood: 1\n",
      `    ${comment}\n   #${"^".repeat(comment.length)} isms/unknown-rule No check has the id risk/no-ownr, so this suppression silences nothing for it. Did you mean risk/no-owner?\n    owner: ops\n    likelihood: 1\n`,
    );
    files = edit(files, "risks.yaml", "    owner: ops\n", "    # isms-disable-next-line all -- fixture\n    owner: ops\n");
    files = edit(files, "soa.yaml", "approved:", "# isms-disable-next-line soa/not-approved, isms/rule-failure -- fixture\napproved:");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { id: "risk/no-ownr", candidates: ["risk/no-owner"] });
  });
  it("is silent when every rule id is known", () => {
    const files = edit(minimalIsms(), "isms.yaml", "people:\n", "rules:\n  soa/untraced-control: info\n  isms/unknown-rule: error\npeople:\n");
    expectFindings(files, { rules: ["isms/unknown-rule"] });
  });
});

describe("cadence and review_months above 36 months", () => {
  it("reports the value through the schema and falls back to 12 months, with no NaN in messages", () => {
    let files = edit(minimalIsms(), "isms.yaml", "people:\n", "cadence:\n  management_review: 99999\n#                    ^^^^^ schema/invalid\npeople:\n");
    files = edit(
      files,
      "policies.yaml",
      "    approved: { by: ceo, date: 2026-02-01 }\n    review_months: 12\n",
      "    approved: { by: ceo, date: 2025-06-01 }\n#                              ^^^^^^^^^^ policy/review-overdue (every 12 months), 182 days ago\n    review_months: 37\n#                  ^^ schema/invalid\n",
    );
    const findings = expectFindings(files, { rules: ["schema/invalid", "policy/review-overdue", "review/overdue"] });
    assert.ok(findings.every((f) => !f.message.includes("NaN")));
    const { models } = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.equal(models[0].isms?.cadence.managementReview, 12);
  });
  it("accepts 36 months", () => {
    let files = edit(minimalIsms(), "isms.yaml", "people:\n", "cadence:\n  internal_audit: 36\npeople:\n");
    files = edit(files, "policies.yaml", "    review_months: 12", "    review_months: 36");
    expectFindings(files, { rules: ["schema/invalid", "policy/review-overdue"] });
    const { models } = checkWorkspace(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    assert.equal(models[0].isms?.cadence.internalAudit, 36);
  });
});

describe("isms/placeholder-text", () => {
  it("reports a <placeholder> left from the template, at its text", () => {
    const files = edit(
      minimalIsms(),
      "isms.yaml",
      "  boundaries: [London office, AWS eu-west-2 production account]",
      '  boundaries: [London office, "Sites: <offices, data centres>"]\n  #                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ isms/placeholder-text <offices, data centres>',
    );
    expectFindings(files);
  });
  it("reports a placeholder that cites a standard with slashes", () => {
    const files = edit(
      minimalIsms(),
      "isms.yaml",
      "  boundaries: [London office, AWS eu-west-2 production account]",
      '  boundaries: [London office, "<Say whether it applies (ISO/IEC 27001:2022/Amd 1:2024, 4.1)>"]\n  #                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ isms/placeholder-text',
    );
    expectFindings(files);
  });
  it("leaves e-mail addresses, URLs, markup and comparisons alone", () => {
    const files = edit(
      minimalIsms(),
      "isms.yaml",
      "  interfaces: [Payment provider]",
      '  interfaces: ["Payment provider <ops@pay.example>", "<https://pay.example/>", "a < b and c > d", "line<br/>break", "<b>bold</b>"]',
    );
    expectFindings(files, { rules: ["isms/placeholder-text"] });
  });
  it("is silent on a text without placeholders", () => {
    expectFindings(minimalIsms(), { rules: ["isms/placeholder-text"] });
  });
});

describe("isms/document-without-kind", () => {
  it("reports a stray --- that cuts the records after it off a register, at the separator", () => {
    const files = edit(minimalIsms(), "risks.yaml", "  - id: R-002", "---\n  - id: R-002");
    const findings = checkFiles(files).filter((f) => f.rule === "isms/document-without-kind");
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, "risks.yaml");
    assert.equal(files["risks.yaml"].split("\n")[findings[0].range.start.line], "---");
    assert.match(findings[0].message, /document \(number 2 in the file\) has no apiVersion: isms\/v1/);
    // A reference to a record cut off says where the record is written.
    const cited = edit(files, "actions.yaml", "    owner: ops", "    owner: ops\n    source: R-002");
    const unresolved = checkFiles(cited).filter((f) => f.rule === "ref/unresolved");
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0].message, /"R-002" \(it is written in risks\.yaml, line \d+, in a YAML document without apiVersion and kind, which is not read/);
  });
  it("leaves a document of only comments, and files without any ISMS document, alone", () => {
    const files: Files = { ...minimalIsms(), "other.yaml": "name: not an isms file\n---\nmore: yaml\n" };
    files["risks.yaml"] += "---\n# notes only\n";
    assert.deepEqual(
      checkFiles(files).filter((f) => f.rule === "isms/document-without-kind"),
      [],
    );
  });
});
