import * as assert from "node:assert/strict";
import { isMap, parseDocument, type YAMLMap } from "yaml";
import { parseFile, ruleById, RULES, type Finding } from "../../../server/src/core";
import { codeActionsFor, hasFixes, type QuickFix } from "../../../server/src/core/fixes";
import { addDays, addToList, FileEditor, insertPairs, lineEndingOf, nextId, setValue, yamlString } from "../../../server/src/core/yaml-edit";
import { FIXTURE_TODAY, minimalIsms } from "../../helpers/minimal-isms";
import { applyFix } from "./apply-edits";
import { check, EXAMPLES, fixesOf, readYaml } from "./fix-checks";

/** Runs `change` on the first mapping under `key` of a one-file document and returns the new text. */
function editMap(text: string, key: string, change: (ed: FileEditor, map: YAMLMap) => void): string {
  const parsed = parseFile("f.yaml", text);
  const root = parsed.documents[0].root!;
  const value = root.get(key, true);
  const map = isMap(value) ? value : root;
  const ed = new FileEditor(parsed);
  change(ed, map);
  const fix: QuickFix = { title: "t", ruleId: "r", edit: { changes: { "f.yaml": ed.textEdits() } } };
  return applyFix({ "f.yaml": text }, fix)["f.yaml"];
}

describe("quick-fixes: registry", () => {
  it("has fixes exactly for the rules that export them, each with a declared data shape", () => {
    const withFixes = RULES.filter((r) => r.fixes).map((r) => r.id);
    assert.deepEqual(withFixes, RULES.map((r) => r.id).filter(hasFixes));
    assert.ok(withFixes.includes("soa/unknown-control") && withFixes.includes("ref/unresolved"));
    for (const rule of RULES) if (rule.fixes) assert.ok(rule.data, `${rule.id} has fixes but declares no data shape`);
  });
  it("offers nothing for rules without fixes, or when the fix throws", () => {
    const finding: Finding = { rule: "action/overdue", severity: "warning", message: "", file: "nowhere.yaml", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    const result = check(minimalIsms());
    const context = { model: result.models[0], files: () => undefined, today: FIXTURE_TODAY };
    assert.deepEqual(codeActionsFor({ ...finding, rule: "scope/incomplete" }, context), []);
    assert.deepEqual(codeActionsFor(finding, context), []);
    assert.deepEqual(codeActionsFor({ ...finding, rule: "soa/missing-control", data: { missing: 42 } }, context), []);
  });
  it("offers nothing when the text at the finding changed since the check", () => {
    const files = minimalIsms();
    files["risks.yaml"] = files["risks.yaml"].replace("controls: [A.5.15]", "controls: [5.15]");
    const result = check(files);
    const finding = result.findings.find((f) => f.rule === "yaml/numeric-control-id")!;
    assert.equal(fixesOf(result, finding)[0]?.title, "Write A.5.15");
    const moved = { ...finding, range: { ...finding.range, start: { ...finding.range.start, character: finding.range.start.character - 1 } } };
    assert.deepEqual(fixesOf(result, moved), []);
  });
});

describe("quick-fixes: helpers", () => {
  it("numbers new ids after the most used prefix, keeping zero padding", () => {
    assert.equal(nextId(["ACT-001", "ACT-014", "ACT-2"], "ACT-001"), "ACT-015");
    assert.equal(nextId(["NC-9", "NC-3"], "NC-001"), "NC-10");
    assert.equal(nextId(["NC-2026-01", "NC-2026-02", "NC-X"], "NC-001"), "NC-2026-03");
    assert.equal(nextId(["A-1", "B-1", "B-7"], "X-1"), "B-8");
    assert.equal(nextId([], "ACT-001"), "ACT-001");
    assert.equal(nextId(["ACT-001"], "ACT-001"), "ACT-002");
  });
  it("adds days across months, years and leap days", () => {
    assert.equal(addDays("2026-11-30", 30), "2026-12-30");
    assert.equal(addDays("2026-12-15", 30), "2027-01-14");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  });
  it("writes plain scalars only when they read back as the same string", () => {
    assert.equal(yamlString("2026-11-30"), "2026-11-30");
    assert.equal(yamlString("Zürich office"), "Zürich office");
    assert.equal(yamlString("true"), '"true"');
    assert.equal(yamlString("12"), '"12"');
    assert.equal(yamlString("a: b"), '"a: b"');
    assert.equal(yamlString("- x"), '"- x"');
    assert.equal(yamlString("x # y"), '"x # y"');
    assert.equal(yamlString(""), '""');
    assert.equal(yamlString("Zürich, HQ"), '"Zürich, HQ"');
    assert.equal(yamlString("Zürich, HQ", false), "Zürich, HQ");
    assert.equal(yamlString("line\nbreak"), '"line\\nbreak"');
  });
  it("detects the line ending from the first line break", () => {
    assert.equal(lineEndingOf("a: 1\r\nb: 2\r\n"), "\r\n");
    assert.equal(lineEndingOf("a: 1\nb: 2\r\n"), "\n");
    assert.equal(lineEndingOf("a: 1"), "\n");
  });
  it("rejects overlapping edits", () => {
    const ed = new FileEditor(parseFile("f.yaml", "a: 1\n"));
    ed.replace(0, 3, "x");
    ed.replace(2, 4, "y");
    assert.throws(() => ed.textEdits(), /overlapping/);
  });
});

describe("quick-fixes: YAML edits", () => {
  it("appends to a flow sequence after its last item, before a trailing comma or a comment", () => {
    assert.equal(
      editMap("m:\n  sources: [a, b,]  # c\n", "m", (ed, map) => addToList(ed, map, "sources", "x", [])),
      "m:\n  sources: [a, b, x,]  # c\n",
    );
    assert.equal(
      editMap("m:\n  sources: [\n    a, # first\n    b # second\n  ]\n", "m", (ed, map) => addToList(ed, map, "sources", "x", [])),
      "m:\n  sources: [\n    a, # first\n    b, x # second\n  ]\n",
    );
  });
  it("turns a single id into a list and fills an empty key", () => {
    assert.equal(
      editMap("m:\n  sources: a  # only\n", "m", (ed, map) => addToList(ed, map, "sources", "x", [])),
      "m:\n  sources: [a, x]  # only\n",
    );
    assert.equal(
      editMap("m:\n  sources:\n  k: 1\n", "m", (ed, map) => addToList(ed, map, "sources", "x", [])),
      "m:\n  sources: [x]\n  k: 1\n",
    );
  });
  it("inserts after the last line of a file without a final line break", () => {
    assert.equal(
      editMap("m:\n  a: 1\n  b: 2", "m", (ed, map) => insertPairs(ed, map, [{ key: "c", value: "3" }], [])),
      "m:\n  a: 1\n  b: 2\n  c: 3",
    );
  });
  it("inserts after a nested block value and keeps the comment that follows it", () => {
    const text = "m:\n  a: 1\n  v:\n    by: x\n    date: 2026-01-01\n  # about z\n  z: 2\n";
    assert.equal(
      editMap(text, "m", (ed, map) => insertPairs(ed, map, [{ key: "n", value: "3" }], ["v"])),
      "m:\n  a: 1\n  v:\n    by: x\n    date: 2026-01-01\n  n: 3\n  # about z\n  z: 2\n",
    );
  });
  it("replaces only a value and keeps its comment; fills an empty value after its colon", () => {
    assert.equal(
      editMap("m:\n  s: open   # why\n", "m", (ed, map) => setValue(ed, map, { key: "s", value: "done" })),
      "m:\n  s: done   # why\n",
    );
    assert.equal(
      editMap("m:\n  s:   # why\n", "m", (ed, map) => setValue(ed, map, { key: "s", value: "done", comment: "c" })),
      "m:\n  s: done   # why\n",
    );
    assert.equal(
      editMap("m:\n  s:\n", "m", (ed, map) => setValue(ed, map, { key: "s", value: "done", comment: "c" })),
      "m:\n  s: done  # c\n",
    );
  });
  it("appends pairs to a flow mapping, also an empty one", () => {
    assert.equal(
      editMap("m: { a: 1 }\n", "m", (ed, map) => insertPairs(ed, map, [{ key: "b", value: "2" }])),
      "m: { a: 1, b: 2 }\n",
    );
    assert.equal(
      editMap("m: {}\n", "m", (ed, map) => insertPairs(ed, map, [{ key: "b", value: "2" }])),
      "m: {b: 2}\n",
    );
  });
  it("never touches a byte outside its edits (CRLF, non-ASCII)", () => {
    const text = "# Zürich ✓\r\nm:\r\n  a: 1  # ü\r\n  b: 2\r\n";
    const out = editMap(text, "m", (ed, map) => insertPairs(ed, map, [{ key: "c", value: "3" }], ["a"]));
    assert.equal(out, "# Zürich ✓\r\nm:\r\n  a: 1  # ü\r\n  c: 3\r\n  b: 2\r\n");
    assert.ok(parseDocument(out).errors.length === 0);
  });
});

describe("quick-fixes on the example ISMS", () => {
  it("give every finding with data the shape its rule declares, also after a JSON round trip", () => {
    const result = check(readYaml(EXAMPLES, EXAMPLES));
    for (const finding of result.findings) if (finding.data !== undefined) assert.ok(ruleById(finding.rule)?.data, `${finding.rule} reports data without declaring its shape`);
    const shaped = result.findings.filter((f) => ruleById(f.rule)?.data);
    assert.ok(
      shaped.some((f) => hasFixes(f.rule)),
      "the examples have fixable findings",
    );
    for (const finding of shaped) {
      const guard = ruleById(finding.rule)!.data!;
      assert.ok(guard(finding.data ?? {}), `${finding.rule}: ${JSON.stringify(finding.data)}`);
      assert.ok(guard(JSON.parse(JSON.stringify(finding.data ?? {}))), `${finding.rule} after JSON: ${JSON.stringify(finding.data)}`);
    }
  });
});
