/**
 * The incremental check (a model built from the previous one, rules re-run only when what they
 * read changed, `perRecord` rules only on the changed files) gives what a full check gives, and
 * every rule's declared `reads` covers what it reads.
 */
import assert from "node:assert/strict";
import { reparseFile } from "../../server/src/core/parse/incremental-parse";
import { CATALOG_2022, RULES, buildModel, checkParsed, parseAll, parseFile, type CheckOptions, type CheckResult, type IsmsModel, type ParsedFile } from "../../server/src/core";
import type { FindingInput } from "../../server/src/core/findings";
import { observeReads } from "../helpers/read-tracker";
import { readSamples } from "../helpers/read-samples";
import { exampleFiles } from "../fuzz/engine-fuzz";
import { mutate } from "../fuzz/mutations";
import { Random } from "../fuzz/random";
import { generateIsms, scaledCounts } from "../../scripts/generate-isms";
import { FIXTURE_TODAY, minimalIsms } from "../helpers/minimal-isms";

const TODAY = FIXTURE_TODAY;

/** What a check shows, comparable across runs. */
function shown(result: CheckResult): string {
  return JSON.stringify({ findings: result.findings, muted: result.muted });
}

/** What a model resolved and rated, comparable across builds. */
function resolutions(model: IsmsModel): string {
  return JSON.stringify({
    refs: model.references.map((r) => [r.file, r.range.start.line, r.id, r.resolved ? `${r.resolved.recordKind}:${r.resolved.file}:${r.resolved.range.start.line}` : null]),
    risks: model.risks.map((r) => [r.id?.value, r.score, r.level, r.residual?.score, r.residual?.level]),
    lists: Object.entries(model).flatMap(([key, value]) => (Array.isArray(value) ? [[key, value.length]] : [])),
    isms: model.isms?.file,
    methodology: model.methodology?.file,
  });
}

/** Checks `files` after `before` both incrementally and in full; asserts they agree; returns the incremental result. */
function checkBoth(before: CheckResult, files: ParsedFile[], options: Omit<CheckOptions, "previous">, label: string): CheckResult {
  const incremental = checkParsed(files, { ...options, previous: before.memo });
  const incrementalShown = shown(incremental);
  const incrementalModels = incremental.models.map(resolutions);
  const full = checkParsed(
    files.map((f) => parseFile(f.file, f.text)),
    options,
  );
  assert.equal(incrementalShown, shown(full), `${label}: the incremental check differs from a full check`);
  assert.deepEqual(incrementalModels, full.models.map(resolutions), `${label}: the incremental model differs from a full build`);
  return incremental;
}

describe("incremental check", function () {
  this.timeout(120_000);

  for (const name of ["acme", "starter"] as const) {
    it(`equals a full check after each of 40 random edits of ${name}, one after another`, () => {
      const random = new Random(20261203);
      let files = parseAll(exampleFiles(name));
      let result = checkParsed(files, { today: TODAY });
      for (let step = 0; step < 40; step++) {
        const i = random.int(files.length);
        const { text, applied } = mutate(files[i].text, random, random.between(1, 2));
        files = files.slice();
        files[i] = reparseFile(files[i], text); // item by item where it can: records and groupings of untouched items are kept
        result = checkBoth(result, files, { today: TODAY }, `step ${step}: ${files[i].file} ${applied.join(", ")}`);
      }
    });
  }

  it("re-reads only the edited record of a register, and still equals a full check (owner, rating, a line added, a risk appended, an action renamed)", () => {
    let files = [...generateIsms(scaledCounts(0.05))].map(([file, text]) => parseFile(file, text));
    let result = checkParsed(files, { today: TODAY });
    const at = files.findIndex((f) => /kind: RiskRegister/.test(f.text) && (f.text.match(/^ {2}- id: /gm) ?? []).length > 10);
    const plan = files.findIndex((f) => /kind: ActionPlan/.test(f.text));
    assert.ok(at >= 0 && plan >= 0, "the generated ISMS has a register of more than 10 risks and an action plan");
    const edit = (label: string, i: number, change: (text: string) => string, kept: boolean) => {
      const before = result.models[0].risks.filter((r) => r.file === files[i].file);
      const text = change(files[i].text);
      assert.notEqual(text, files[i].text, `${label}: the edit changed nothing`);
      files = files.slice();
      files[i] = reparseFile(files[i], text);
      result = checkBoth(result, files, { today: TODAY }, label);
      const after = new Set(result.models[0].risks);
      const same = before.filter((r) => after.has(r)).length;
      if (kept) assert.ok(same >= before.length - 1, `${label}: ${same} of ${before.length} risks were kept`);
    };
    const second = (pattern: RegExp, replace: (match: string) => string) => (text: string) => {
      let n = 0;
      return text.replace(pattern, (m) => (++n === 2 ? replace(m) : m));
    };
    edit(
      "an owner changed",
      at,
      second(/owner: \S+/g, () => "owner: p-0002"),
      true,
    );
    edit(
      "a likelihood changed",
      at,
      second(/likelihood: \d/g, (m) => (m.endsWith("1") ? "likelihood: 4" : "likelihood: 1")),
      true,
    );
    edit(
      "a line added inside a risk",
      at,
      second(/^( {4})owner: (\S+)$/gm, (m) => `${m}\n    notes: discussed at the risk workshop`),
      false,
    );
    edit(
      "an owner changed after the added line",
      at,
      second(/owner: \S+/g, () => "owner: p-0003"),
      true,
    );
    edit("a risk appended", at, (text) => `${text.replace(/\n*$/, "\n")}  - id: R-APPENDED\n    title: Appended\n    owner: p-0001\n    likelihood: 2\n    impact: 2\n    treatment: accept\n`, false);
    edit(
      "an action renamed",
      plan,
      second(/^( {2}- id: )(\S+)$/gm, (m) => `${m}-renamed`),
      false,
    );
  });

  it("runs a perRecord rule again only on the records an edit changed, keeping the others' reports", () => {
    const ran: number[] = [];
    const rules = RULES.map((rule) =>
      rule.id === "risk/unrated"
        ? {
            ...rule,
            check: (context: Parameters<typeof rule.check>[0]) => {
              ran.push(context.model.risks.length);
              rule.check(context);
            },
          }
        : rule,
    );
    let files = [...generateIsms(scaledCounts(0.05))].map(([file, text]) => parseFile(file, text));
    const first = checkParsed(files, { today: TODAY, rules });
    const at = files.findIndex((f) => /kind: RiskRegister/.test(f.text) && (f.text.match(/^ {2}- id: /gm) ?? []).length > 10);
    // The second risk's likelihood is renamed away (no line moves): one more finding of risk/unrated, in that risk.
    let n = 0;
    const text = files[at].text.replace(/^ {4}likelihood: (\d+)$/gm, (m, value: string) => (++n === 2 ? `    x-likelihood: ${value}` : m));
    files = files.slice();
    files[at] = reparseFile(files[at], text);
    ran.length = 0;
    const second = checkBoth(first, files, { today: TODAY, rules }, "a likelihood removed");
    assert.equal(ran[0], 1, "after the edit, risk/unrated ran on the edited risk alone (then the full check ran it on every risk)");
    const unrated = (result: CheckResult) => result.findings.filter((f) => f.rule === "risk/unrated" && f.file === files[at].file);
    assert.equal(unrated(second).length, unrated(first).length + 1);
    const kept = new Set(unrated(first));
    assert.equal(unrated(second).filter((f) => kept.has(f)).length, unrated(first).length, "the other risks' findings are the same objects");
  });

  it("reads a record again when an item of a list inside it is edited (a control of a risk, a finding of an audit)", () => {
    let files = parseAll(exampleFiles("acme"));
    let result = checkParsed(files, { today: TODAY });
    const edit = (file: string, from: string, to: string) => {
      const i = files.findIndex((f) => f.file.endsWith(file));
      assert.ok(files[i].text.includes(from), `${file} holds ${from}`);
      files = files.slice();
      files[i] = reparseFile(files[i], files[i].text.replace(from, to));
      result = checkBoth(result, files, { today: TODAY }, `${file}: ${to}`);
    };
    edit("risks/corporate.yaml", "    controls: [A.8.7, A.8.1, A.8.8, A.8.13, A.6.3]\n", "    controls:\n      - A.8.7\n      - A.8.1\n");
    edit("risks/corporate.yaml", "      - A.8.1\n", "      - A.5.99\n");
    assert.ok(
      result.findings.some((f) => f.rule === "ref/unresolved" && f.message.includes("A.5.99")),
      "the new control of the nested list is read",
    );
    edit("audits/programme-2026.yaml", 'clause: "6.1.2"', "clause: TBD");
    assert.ok(
      result.findings.some((f) => f.rule === "isms/placeholder-text" && f.file.endsWith("programme-2026.yaml")),
      "the placeholder in the nested finding is seen",
    );
  });

  it("equals a full check when files are added, removed, renamed in ids, and when the scales or today change", () => {
    const base = [...generateIsms(scaledCounts(0.05))].map(([file, text]) => parseFile(file, text));
    let files = base;
    let result = checkParsed(files, { today: TODAY });
    const edit = (label: string, change: (files: ParsedFile[]) => ParsedFile[], today = TODAY) => {
      const changed = change(files);
      assert.ok(today !== TODAY || changed.length !== files.length || changed.some((f, i) => f !== files[i]), `${label}: the edit changed nothing`);
      files = changed;
      result = checkBoth(result, files, { today }, label);
    };
    const replace = (pattern: RegExp, replacement: string) => (all: ParsedFile[]) => all.map((f) => (pattern.test(f.text) ? parseFile(f.file, f.text.replace(pattern, replacement)) : f));
    edit("a person renamed", replace(/\{ id: p-0001,/, "{ id: p-renamed,"));
    edit("the methodology's acceptance threshold changed", replace(/^( {2}max_score: )6$/m, "$12"));
    const register = files.find((f) => f.file.startsWith("risks/"))!;
    edit("a risk register removed", (all) => all.filter((f) => f !== register));
    edit("the risk register added back", (all) => [...all, register].sort((a, b) => (a.file < b.file ? -1 : 1)));
    edit("an asset id changed", (all) => all.map((f) => (/kind: AssetInventory/.test(f.text) ? parseFile(f.file, f.text.replace(/^( {2}- id: )\S+$/m, "$1AS-gone")) : f)));
    edit("today moved a year on", (all) => all, "2027-11-30");
    edit("a syntax error in a register", (all) => all.map((f) => (f.file === register.file ? parseFile(f.file, f.text + "\n  - id: [unclosed\n") : f)));
  });

  it("shows again only the files whose findings may differ: settings, a suppression added, a failing rule, and the untouched files keep their objects", () => {
    let files = parseAll(exampleFiles("acme"));
    let result = checkParsed(files, { today: TODAY });
    const before = result;
    // An edit in one file: every other file shows the same object as before.
    const register = files.findIndex((f) => f.file === "risks/corporate.yaml");
    const withFinding = result.findings.find((f) => f.file === files[register].file && f.rule !== "yaml/syntax")!;
    assert.ok(withFinding, "the register shows a finding");
    files = files.slice();
    files[register] = reparseFile(files[register], files[register].text.replace(/^( {4}title: )(.*)$/m, "$1$2 (edited)"));
    result = checkBoth(result, files, { today: TODAY }, "a title edited");
    const untouched = [...before.byFile.keys()].filter((file) => file !== files[register].file);
    assert.ok(untouched.length > 3);
    for (const file of untouched) assert.equal(result.byFile.get(file), before.byFile.get(file), `${file} keeps what it showed`);
    // Settings: a rule turned off, then lowered, then back.
    result = checkBoth(result, files, { today: TODAY, severities: { [withFinding.rule]: "off" } }, "a rule turned off");
    assert.ok(!result.findings.some((f) => f.rule === withFinding.rule));
    assert.ok(result.muted.some((f) => f.rule === withFinding.rule && f.muted === "off"));
    result = checkBoth(result, files, { today: TODAY, severities: { [withFinding.rule]: "info" } }, "a rule lowered");
    result = checkBoth(result, files, { today: TODAY }, "settings back");
    // A suppression added above the finding's line, with and without a reason.
    const lines = files[register].text.split("\n");
    const indent = /^\s*/.exec(lines[withFinding.range.start.line])![0];
    lines.splice(withFinding.range.start.line, 0, `${indent}# isms-disable-next-line ${withFinding.rule} -- accepted for the test`);
    files = files.slice();
    files[register] = reparseFile(files[register], lines.join("\n"));
    result = checkBoth(result, files, { today: TODAY }, "a suppression added");
    assert.ok(result.muted.some((f) => f.rule === withFinding.rule && f.muted === "suppressed"));
    // The suppression changed in place to name another rule (no record moves, no report changes): the finding is back.
    files = files.slice();
    files[register] = reparseFile(files[register], files[register].text.replace(`isms-disable-next-line ${withFinding.rule} --`, "isms-disable-next-line risk/no-owner --"));
    result = checkBoth(result, files, { today: TODAY }, "the suppression names another rule");
    assert.ok(result.findings.some((f) => f.rule === withFinding.rule && f.file === withFinding.file && f.message === withFinding.message));
    // A rule that fails: its finding is shown on every check, and gone once it runs again.
    let fail = true;
    const failing = {
      ...RULES[0],
      id: "test/failing",
      reads: undefined,
      check: () => {
        if (fail) throw new Error("broken rule");
      },
    };
    const rules = [...RULES, failing];
    result = checkParsed(files, { today: TODAY, rules, previous: result.memo });
    result = checkBoth(result, files, { today: TODAY, rules }, "a rule failed twice");
    assert.ok(result.findings.some((f) => f.rule === "isms/rule-failure" && f.message.includes("test/failing")));
    fail = false;
    result = checkBoth(result, files, { today: TODAY, rules }, "the rule runs again");
    assert.ok(!result.findings.some((f) => f.rule === "isms/rule-failure"));
  });

  it("runs again a rule that reads where a reference resolves when an edit of another list makes it name another record", () => {
    // ACT-2 is NC-1's corrective action by its source; a risk given the id NC-1 takes the source
    // (risks come first among an action source's kinds): NC-1 has no corrective action any more.
    // nc/no-corrective-action reads actions and nonconformities, not risks.
    const fixture = minimalIsms();
    fixture["nonconformities.yaml"] = fixture["nonconformities.yaml"].replace("    actions: [ACT-2]\n    status: closed\n    closed: 2026-06-01\n", "    status: open\n");
    fixture["actions.yaml"] = fixture["actions.yaml"].replace("    type: corrective\n", "    type: corrective\n    source: NC-1\n");
    let files = Object.entries(fixture).map(([file, text]) => parseFile(file, text));
    let result = checkParsed(files, { today: TODAY });
    assert.ok(!result.findings.some((f) => f.rule === "nc/no-corrective-action"), "NC-1 has its corrective action");
    const risks = files.findIndex((f) => f.file === "risks.yaml");
    files = files.slice();
    files[risks] = reparseFile(
      files[risks],
      files[risks].text + "  - id: NC-1\n    title: A risk named like the nonconformity\n    owner: ops\n    likelihood: 1\n    impact: 1\n    treatment: accept\n    reviewed: 2026-06-01\n",
    );
    result = checkBoth(result, files, { today: TODAY }, "a risk takes the action's source");
    assert.ok(result.findings.some((f) => f.rule === "nc/no-corrective-action" && f.message.includes("NC-1")));
    files = files.slice();
    files[risks] = reparseFile(files[risks], files[risks].text.replace("  - id: NC-1\n", "  - id: R-003\n"));
    result = checkBoth(result, files, { today: TODAY }, "the risk renamed: the source is the nonconformity again");
    assert.ok(!result.findings.some((f) => f.rule === "nc/no-corrective-action"));
    // The same with another check of the same parses in between: it resolves them again (then what
    // they named in the memo's model is not known any more).
    const first = result;
    checkParsed(files, { today: TODAY });
    files = files.slice();
    files[risks] = reparseFile(files[risks], files[risks].text.replace("  - id: R-003\n", "  - id: NC-1\n"));
    result = checkBoth(first, files, { today: TODAY }, "a risk takes the source after a check in between");
    assert.ok(result.findings.some((f) => f.rule === "nc/no-corrective-action" && f.message.includes("NC-1")));
  });

  it("lists duplicate ids of several kinds in the same order as a full check after another file changed one kind", () => {
    const isms = parseFile(
      "isms.yaml",
      "apiVersion: isms/v1\nkind: ISMS\norganization: Org\ncontext:\n  interested_parties:\n    - id: &d DUP\n      name: Party one\n    - id: *d\n      name: Party two\npeople:\n  - id: *d\n    name: First\n  - id: *d\n    name: Second\n",
    );
    const extra = (id: string) => parseFile("people-extra.yaml", `apiVersion: isms/v1\nkind: ISMS\norganization: Extra\npeople:\n  - id: ${id}\n    name: Extra\n`);
    const first = checkParsed([isms, extra("p-1")], { today: TODAY });
    const result = checkBoth(first, [isms, extra("p-2")], { today: TODAY }, "a person renamed in another file");
    assert.ok(result.findings.filter((f) => f.rule === "ref/duplicate-id").length >= 4);
  });

  it("equals a full check when another model was built from the same parses in between", () => {
    const files = parseAll(exampleFiles("acme"));
    const first = checkParsed(files, { today: TODAY });
    const assets = files.findIndex((f) => /kind: AssetInventory/.test(f.text));
    const other = files.slice();
    other[assets] = parseFile(files[assets].file, files[assets].text.replace(/^(\s+- id: )(\S+)/gm, "$1gone-$2"));
    checkParsed(other, { today: TODAY }); // resolves the shared parses' references against other ids
    const actions = files.findIndex((f) => /kind: ActionPlan/.test(f.text));
    const edited = files.slice();
    edited[actions] = parseFile(files[actions].file, files[actions].text.replace(/owner: (\S+)/, "owner: nobody-known"));
    checkBoth(first, edited, { today: TODAY }, "after a build of other ids");
  });
});

describe("rule reads", function () {
  this.timeout(120_000);
  const samples = readSamples(40);
  const ruleIds = new Set(RULES.map((r) => r.id));
  const inputs = { catalog: CATALOG_2022, today: TODAY, ruleIds, existingFiles: new Set<string>(), lineHistory: new Map(), priorTexts: new Map() };

  it("every rule that declares reads reads nothing else, on the examples, a generated ISMS and 40 fuzz cases", () => {
    const undeclared: string[] = [];
    for (const sample of samples) {
      const model = buildModel("", sample.files, CATALOG_2022);
      for (const rule of RULES) {
        if (!rule.reads) continue;
        const declared = new Set<string>(rule.reads);
        const extra = [...observeReads(rule, model, inputs).reads].filter((part) => !declared.has(part));
        if (extra.length > 0) undeclared.push(`${rule.id} on ${sample.name}: ${extra.join(", ")}`);
      }
    }
    assert.deepEqual(undeclared, []);
  });

  it("a perRecord rule run per file, or per record, reports what one run on the whole model reports", () => {
    const differing: string[] = [];
    for (const sample of samples) {
      const model = buildModel("", sample.files, CATALOG_2022);
      for (const rule of RULES) {
        const list = rule.perRecord;
        if (!list) continue;
        const whole: FindingInput[] = [];
        rule.check({ ...inputs, model, report: (f) => whole.push(f) });
        const perFile: FindingInput[] = [];
        const files = [...new Set((model[list] as { file: string }[]).map((r) => r.file))];
        for (const file of files) {
          const view = { ...model, [list]: (model[list] as { file: string }[]).filter((r) => r.file === file) };
          rule.check({ ...inputs, model: view, report: (f) => perFile.push(f) });
        }
        if (JSON.stringify(perFile) !== JSON.stringify(whole)) differing.push(`${rule.id} on ${sample.name}`);
        // Per record too (a re-check runs the rule on the edited records alone): the same reports.
        const perRecord: FindingInput[] = [];
        for (const record of model[list] as object[]) rule.check({ ...inputs, model: { ...model, [list]: [record] }, report: (f) => perRecord.push(f) });
        const sorted = (reports: FindingInput[]) => reports.map((f) => JSON.stringify(f)).sort();
        if (JSON.stringify(sorted(perRecord)) !== JSON.stringify(sorted(whole))) differing.push(`${rule.id} on ${sample.name}, per record`);
      }
    }
    assert.deepEqual(differing, []);
  });

  it("the read tracker sees a read that a rule does not declare", () => {
    const rule = RULES.find((r) => r.id === "risk/no-owner")!;
    const model = buildModel("", samples[0].files, CATALOG_2022);
    const observed = observeReads({ ...rule, check: (ctx) => void ctx.model.index.get("asset", "x") }, model, inputs).reads;
    assert.deepEqual([...observed], ["assets"]);
    // Where a reference resolves is part of the referring record; a field of the record it names reads that record's list.
    const viaReference = observeReads({ ...rule, check: (ctx) => void ctx.model.risks[0]?.assets[0]?.resolved?.recordKind }, model, inputs).reads;
    assert.deepEqual([...viaReference], ["risks"]);
    const fieldOfTarget = observeReads({ ...rule, check: (ctx) => void ctx.model.risks[0]?.assets[0]?.resolved?.range }, model, inputs).reads;
    assert.deepEqual([...fieldOfTarget].sort(), ["assets", "risks"]);
  });
});
