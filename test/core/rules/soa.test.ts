import * as assert from "node:assert/strict";
import { CATALOG_2022 } from "../../../server/src/core";
import { checkFiles, edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

/**
 * Adds an expectation under `line` (a whole line of `file`, unique in it): carets under the first
 * occurrence of `target` in that line, then `rest` (rule id and message).
 */
function mark(files: Files, file: string, line: string, target: string, rest: string): Files {
  const col = line.indexOf(target, 1);
  assert.ok(col >= 1, `"${target}" not found after column 0 in "${line}"`);
  return edit(files, file, `${line}\n`, `${line}\n${" ".repeat(col - 1)}#${"^".repeat(target.length)} ${rest}\n`);
}

/** Start and end offsets of the SoA entry of `id` in `text` (from `- control:` to the next entry). */
function entryBounds(text: string, id: string): [number, number] {
  const start = text.indexOf(`  - control: ${id}\n`);
  assert.ok(start >= 0, `no SoA entry ${id}`);
  const next = text.indexOf("  - control:", start + 1);
  return [start, next < 0 ? text.length : next];
}

/** Replaces the SoA entry of control `id` in soa.yaml with `fn` of its text. */
function editEntry(files: Files, id: string, fn: (block: string) => string): Files {
  const text = files["soa.yaml"];
  const [start, end] = entryBounds(text, id);
  const block = text.slice(start, end);
  const changed = fn(block);
  assert.notEqual(changed, block, `editEntry(${id}) changed nothing`);
  return { ...files, "soa.yaml": text.slice(0, start) + changed + text.slice(end) };
}

/** The text of the entry of `id`. */
function entryText(files: Files, id: string): string {
  const [start, end] = entryBounds(files["soa.yaml"], id);
  return files["soa.yaml"].slice(start, end);
}

const SOA_HEADER = "apiVersion: isms/v1\nkind: StatementOfApplicability\napproved: { by: ceo, date: 2026-02-01 }\ncontrols:\n";

describe("soa/missing-control", () => {
  it("reports the omitted controls once, at the controls key, in catalog order", () => {
    const files = minimalIsms();
    const text = files["soa.yaml"];
    files["soa.yaml"] = text.slice(0, text.indexOf("  - control: A.8.32\n"));
    const findings = checkFiles(files).filter((f) => f.rule === "soa/missing-control");
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.file, "soa.yaml");
    assert.deepEqual(f.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } });
    assert.match(f.message, /^The Statement of Applicability omits 3 Annex A controls: A\.8\.32, A\.8\.33, A\.8\.34\./);
    assert.deepEqual(f.data, { missing: ["A.8.32", "A.8.33", "A.8.34"] });
    assert.equal(f.severity, "error");
  });
  it("lists the first ten ids of a long gap and counts the rest", () => {
    const files = minimalIsms();
    const text = files["soa.yaml"];
    files["soa.yaml"] = text.slice(0, text.indexOf("  - control: A.8.1\n"));
    const [f] = checkFiles(files).filter((x) => x.rule === "soa/missing-control");
    assert.match(f.message, /omits 34 Annex A controls: A\.8\.1, A\.8\.2, .*A\.8\.10 and 24 more\./);
    assert.equal((f.data?.missing as string[]).length, 34);
  });
  it("takes the union of an SoA split over several documents", () => {
    const files = minimalIsms();
    const text = files["soa.yaml"];
    const cut = text.indexOf("  - control: A.8.1\n");
    files["soa.yaml"] = text.slice(0, cut);
    files["soa/technological.yaml"] = SOA_HEADER + text.slice(cut);
    expectFindings(files, { rules: ["soa/missing-control", "soa/duplicate-control"] });
  });
  it("reports a missing SoA document at the kind of isms.yaml", () => {
    const files: Files = { ...minimalIsms() };
    delete files["soa.yaml"];
    const [f] = expectFindings(mark(files, "isms.yaml", "kind: ISMS", "ISMS", "soa/missing-control No Statement of Applicability"));
    assert.equal((f.data?.missing as string[]).length, CATALOG_2022.controls.length);
  });
  it("says where the SoA may be when its file cannot be read", () => {
    // Binary data: nothing of the file can be read (a merge conflict is read from our side).
    const files = { ...minimalIsms(), "soa.yaml": "\u0000" + minimalIsms()["soa.yaml"] };
    const [f] = expectFindings(
      mark(files, "isms.yaml", "kind: ISMS", "ISMS", "soa/missing-control No Statement of Applicability (entries may be in soa.yaml, which cannot be read until its syntax errors are fixed)"),
    );
    assert.equal((f.data?.missing as string[]).length, 93);
  });
  it("counts an entry written as a quoted short id", () => {
    const files = edit(minimalIsms(), "soa.yaml", "  - control: A.5.10\n", '  - control: "5.10"\n');
    expectFindings(files, { rules: ["soa/missing-control", "soa/unknown-control"] });
  });
  it("is silent when every control has an entry", () => {
    expectFindings(minimalIsms(), { rules: ["soa/missing-control"] });
  });
});

describe("soa/unknown-control", () => {
  it("recognises a 2013 control id", () => {
    const files = mark(
      edit(minimalIsms(), "soa.yaml", "  - control: A.5.1\n", "  - control: A.9.1.1\n"),
      "soa.yaml",
      "  - control: A.9.1.1",
      "A.9.1.1",
      "soa/unknown-control looks like an ISO/IEC 27001:2013 control id",
    );
    const [f] = expectFindings(files, { rules: ["soa/unknown-control", "schema/invalid", "ref/unresolved"] });
    assert.equal(f.data?.edition2013, true);
  });
  it("suggests the closest 2022 ids for a typo", () => {
    const files = mark(
      edit(minimalIsms(), "soa.yaml", "  - control: A.5.1\n", "  - control: A.5.38\n"),
      "soa.yaml",
      "  - control: A.5.38",
      "A.5.38",
      "soa/unknown-control Did you mean A.5.18, A.5.28, A.5.3?",
    );
    const [f] = expectFindings(files);
    assert.deepEqual(f.data?.candidates, ["A.5.18", "A.5.28", "A.5.3"]);
    assert.equal(f.data?.edition2013, false);
  });
  it("is silent when every entry is a 2022 control", () => {
    expectFindings(minimalIsms(), { rules: ["soa/unknown-control"] });
  });
});

describe("soa/duplicate-control", () => {
  it("reports the second entry of a control, pointing at the first, and a disagreement", () => {
    const files = minimalIsms();
    const firstLine = files["soa.yaml"].split("\n").indexOf("  - control: A.5.15");
    const marked = {
      ...files,
      "soa.yaml": `${files["soa.yaml"]}  - control: A.5.15\n  #          ^^^^^^ soa/duplicate-control The two entries disagree\n    applicable: false\n    justification: Covered elsewhere.\n`,
    };
    const [f] = expectFindings(marked);
    assert.equal(f.related?.[0].range.start.line, firstLine);
    assert.match(f.message, /A\.5\.15 already has an entry in the Statement of Applicability \(soa\.yaml line \d+\)/);
  });
  it("finds duplicates across SoA documents", () => {
    const files: Files = { ...minimalIsms(), "soa/extra.yaml": `${SOA_HEADER}${entryText(minimalIsms(), "A.8.5")}` };
    expectFindings(mark(files, "soa/extra.yaml", "  - control: A.8.5", "A.8.5", "soa/duplicate-control"));
  });
  it("is silent when each control has one entry", () => {
    expectFindings(minimalIsms(), { rules: ["soa/duplicate-control"] });
  });
});

describe("soa/missing-justification", () => {
  it("reports an exclusion without justification, at the control", () => {
    let files = editEntry(minimalIsms(), "A.7.4", (b) => b.replace("    applicable: true\n", "    applicable: false\n").replace(/ {4}justification: .*\n/, ""));
    files = mark(
      files,
      "soa.yaml",
      "  - control: A.7.4",
      "A.7.4",
      "soa/missing-justification A.7.4 is excluded (applicable: false) without a justification: 6.1.3 d requires the justification for excluding it.",
    );
    const [f] = expectFindings(files);
    assert.deepEqual(f.data, { control: "A.7.4", applicable: false, missing: ["justification"] });
  });
  it("reports an inclusion without justification too", () => {
    let files = editEntry(minimalIsms(), "A.7.4", (b) => b.replace(/ {4}justification: .*\n/, "    justification: ''\n"));
    files = mark(files, "soa.yaml", "  - control: A.7.4", "A.7.4", "soa/missing-justification A.7.4 is included (applicable: true) without a justification");
    expectFindings(files);
  });
  it("reports an entry that does not say whether the control is applicable", () => {
    let files = editEntry(minimalIsms(), "A.7.4", (b) => b.replace("    applicable: true\n", ""));
    files = mark(files, "soa.yaml", "  - control: A.7.4", "A.7.4", "soa/missing-justification SoA entry A.7.4 does not say whether the control is applicable (applicable: true|false)");
    const [f] = expectFindings(files);
    assert.deepEqual(f.data?.missing, ["applicable"]);
  });
  it("reports a placeholder justification at the justification", () => {
    let files = editEntry(minimalIsms(), "A.7.4", (b) => b.replace("    applicable: true\n", "    applicable: false\n").replace(/ {4}justification: .*\n/, "    justification: N/A\n"));
    const line = entryText(files, "A.7.4").split("\n")[2];
    files = mark(files, "soa.yaml", line, "N/A", 'soa/missing-justification "N/A" does not justify why A.7.4 is excluded');
    expectFindings(files);
  });
  it("leaves applicable of the wrong type to schema/invalid", () => {
    const files = editEntry(minimalIsms(), "A.7.4", (b) => b.replace("    applicable: true\n", "    applicable: perhaps\n"));
    expectFindings(files, { rules: ["soa/missing-justification"] });
  });
  it("is silent when every entry is decided and justified", () => {
    expectFindings(minimalIsms(), { rules: ["soa/missing-justification"] });
  });
});

describe("soa/untraced-control", () => {
  it("reports an applicable control with no risk and no source, offering risks then requirements", () => {
    let files = editEntry(minimalIsms(), "A.5.1", (b) => b.replace("    sources: [REQ-ISO]\n", ""));
    files = mark(files, "soa.yaml", "  - control: A.5.1", "A.5.1", "soa/untraced-control A.5.1 is applicable but traced to nothing");
    const [f] = expectFindings(files);
    assert.equal(f.severity, "warning");
    assert.deepEqual(f.data, { control: "A.5.1", candidates: ["R-001", "R-002", "REQ-ISO", "REQ-PRIV", "REQ-MSA"] });
  });
  it("counts a risk that lists the control, and an interested party as source", () => {
    const byRisk = editEntry(minimalIsms(), "A.5.15", (b) => b.replace("    sources: [R-001]\n", "    sources: []\n"));
    expectFindings(byRisk, { rules: ["soa/untraced-control"] });
    const byParty = editEntry(minimalIsms(), "A.5.1", (b) => b.replace("    sources: [REQ-ISO]\n", "    sources: [IP-CUST]\n"));
    expectFindings(byParty, { rules: ["soa/untraced-control"] });
  });
  it("does not ask a source of an excluded control", () => {
    const files = editEntry(minimalIsms(), "A.5.1", (b) => b.replace("    applicable: true\n", "    applicable: false\n").replace("    sources: [REQ-ISO]\n", ""));
    expectFindings(files, { rules: ["soa/untraced-control"] });
  });
  it("leaves a source that names nothing to ref/unresolved", () => {
    const files = editEntry(minimalIsms(), "A.5.1", (b) => b.replace("    sources: [REQ-ISO]\n", "    sources: [REQ-GDPR]\n"));
    expectFindings(files, { rules: ["soa/untraced-control"] });
    assert.ok(checkFiles(files).some((f) => f.rule === "ref/unresolved"));
  });
  it("is silent when every applicable control is traced", () => {
    expectFindings(minimalIsms(), { rules: ["soa/untraced-control"] });
  });
});

describe("soa/excluded-but-used", () => {
  it("reports a risk control that the SoA excludes, related to the exclusion", () => {
    let files = editEntry(minimalIsms(), "A.5.15", (b) => b.replace("    applicable: true\n", "    applicable: false\n"));
    files = mark(
      files,
      "risks.yaml",
      "    controls: [A.5.15]",
      "A.5.15",
      "soa/excluded-but-used Risk R-001 is treated with A.5.15, but the Statement of Applicability excludes it (applicable: false)",
    );
    const [f] = expectFindings(files);
    const excludedLine = files["soa.yaml"].split("\n").indexOf("  - control: A.5.15") + 1;
    assert.deepEqual(f.related?.[0].range.start, { line: excludedLine, character: 16 });
    assert.equal(f.related?.[0].file, "soa.yaml");
  });
  it("is silent when the risk's controls are applicable", () => {
    expectFindings(minimalIsms(), { rules: ["soa/excluded-but-used"] });
  });
});

describe("soa/not-approved", () => {
  it("reports an SoA without approval at its kind", () => {
    let files = edit(minimalIsms(), "soa.yaml", "approved: { by: ceo, date: 2026-02-01 }\n", "");
    files = mark(files, "soa.yaml", "kind: StatementOfApplicability", "StatementOfApplicability", "soa/not-approved This Statement of Applicability is not approved");
    const [f] = expectFindings(files);
    assert.equal(f.severity, "error", "no approval at all: 7.5.2 c");
  });
  it("reports an approval without date at the approval", () => {
    const files = mark(
      edit(minimalIsms(), "soa.yaml", "approved: { by: ceo, date: 2026-02-01 }", "approved: { by: ceo }"),
      "soa.yaml",
      "approved: { by: ceo }",
      "{ by: ceo }",
      "soa/not-approved does not say when (date)",
    );
    const [f] = expectFindings(files);
    assert.equal(f.severity, "warning");
  });
  it("reports an approval dated in the future, and accepts one dated today", () => {
    const future = mark(
      edit(minimalIsms(), "soa.yaml", "date: 2026-02-01 }", "date: 2026-12-01 }"),
      "soa.yaml",
      "approved: { by: ceo, date: 2026-12-01 }",
      "2026-12-01",
      "soa/not-approved approved on 2026-12-01, 1 day from today",
    );
    expectFindings(future);
    expectFindings(edit(minimalIsms(), "soa.yaml", "date: 2026-02-01 }", "date: 2026-11-30 }"), { rules: ["soa/not-approved"] });
  });
  it("checks each document of a split SoA", () => {
    const files = minimalIsms();
    const text = files["soa.yaml"];
    const cut = text.indexOf("  - control: A.8.1\n");
    files["soa.yaml"] = text.slice(0, cut);
    files["soa/technological.yaml"] = SOA_HEADER.replace("approved: { by: ceo, date: 2026-02-01 }\n", "") + text.slice(cut);
    expectFindings(mark(files, "soa/technological.yaml", "kind: StatementOfApplicability", "StatementOfApplicability", "soa/not-approved"));
  });
  it("is silent when the SoA is approved", () => {
    expectFindings(minimalIsms(), { rules: ["soa/not-approved"] });
  });
});

describe("soa/unknown-control and ControlCatalog", () => {
  const catalog = `apiVersion: isms/v1
kind: ControlCatalog
id: ISO27017
title: ISO/IEC 27017:2015 cloud services
controls:
  - { id: CLD.6.3.1, title: Shared roles and responsibilities within a cloud computing environment, maps_to: [A.5.23] }
`;
  const withEntry = (files: Files): Files => ({
    ...files,
    "soa.yaml": files["soa.yaml"] + "  - control: CLD.6.3.1\n    applicable: true\n    justification: Cloud customer duties.\n    status: implemented\n    sources: [R-001]\n    owner: ciso\n",
  });
  it("accepts a control of a ControlCatalog of the ISMS (6.1.3 b, Note 1), in the SoA and in a risk", () => {
    let files = withEntry({ ...minimalIsms(), "catalog.yaml": catalog });
    files = edit(files, "risks.yaml", "    controls: [A.5.15]", "    controls: [A.5.15, CLD.6.3.1]");
    expectFindings(files, { rules: ["soa/unknown-control", "ref/unresolved", "schema/invalid"] });
  });
  it("still reports an id that is neither Annex A nor in a catalog", () => {
    const files = withEntry(minimalIsms());
    const found = checkFiles(files).filter((f) => f.rule === "soa/unknown-control");
    assert.equal(found.length, 1);
    assert.match(found[0].message, /nor a control of a ControlCatalog of this ISMS/);
  });
});
