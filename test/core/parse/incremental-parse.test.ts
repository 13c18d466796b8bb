import { deepStrictEqual, equal, ok } from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFile } from "../../../server/src/core/parse/parsed-file";
import { reparseFile, reparseItem, wasConsumed } from "../../../server/src/core/parse/incremental-parse";
import { random, randomEdit } from "./edit-generator";
import { dumpParsedFile } from "./parse-dump";

const REPO = join(__dirname, "..", "..", "..");

/** A register of the example, the file users edit most. */
const REGISTER = { key: "examples/acme/risks/platform.yaml", text: readFileSync(join(REPO, "examples", "acme", "risks", "platform.yaml"), "utf8") };

/** The incremental parse of `after` from a fresh parse of `before`, checked against a full parse. */
function compare(key: string, before: string, after: string): boolean {
  const incremental = reparseItem(parseFile(key, before), after);
  if (incremental) deepStrictEqual(dumpParsedFile(incremental), dumpParsedFile(parseFile(key, after)), `${key}: ${JSON.stringify(after)}`);
  return incremental !== undefined;
}

describe("incremental re-parse", () => {
  it("re-parses one risk and gives what a full parse gives", () => {
    const before = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  # first\n  - id: R-1\n    owner: cto # the CTO\n\n  - id: R-2\n    owner: ciso\nx-after: 1\n";
    const after = before.replace("owner: cto", "owner: ciso-deputy");
    const previous = parseFile("r.yaml", before);
    const next = reparseItem(previous, after);
    ok(next, "an edit inside one risk is re-parsed incrementally");
    deepStrictEqual(dumpParsedFile(next), dumpParsedFile(parseFile("r.yaml", after)));
    ok(wasConsumed(previous), "the previous parse is marked consumed");
    equal(reparseItem(previous, after.replace("R-2", "R-3")), undefined, "a consumed parse is never re-used twice");
  });

  it("re-parses an item after and before other items, with and without an ampersand in the text", () => {
    const before = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    title: R&D laptops\n    owner: cto\n  - id: R-2\n    owner: ciso\n  - id: R-3\n    owner: ciso\n";
    for (const text of [before, before.replace("R&D", "Research")]) {
      for (const after of [
        text.replace("owner: cto", "owner: coo"),
        text.replace("id: R-2\n    owner: ciso", "id: R-2\n    owner: cfo"),
        text.replace("id: R-3\n    owner: ciso", "id: R-3\n    owner: ceo"),
      ]) {
        ok(compare("r.yaml", text, after), JSON.stringify(after));
      }
    }
  });

  it("re-parses items appended at the end of a register or inserted after an item, as a full parse would", () => {
    const risk = (id: string) => `  - id: ${id}\n    owner: cto\n`;
    const register = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n" + risk("R-1") + "\n" + risk("R-2");
    const cases: [string, string][] = [
      [register, register + risk("R-3")], // appended right after the last item
      [register, register + "\n" + risk("R-3") + "\n"], // after a blank line, ending with one
      [register + "\n", register + "\n" + risk("R-3") + "\n" + risk("R-4")], // two at once, below trailing blank lines
      [register, register.replace(risk("R-1") + "\n", risk("R-1") + risk("R-1b") + "\n")], // inserted between two items
    ];
    for (const [before, after] of cases) ok(compare("r.yaml", before, after), JSON.stringify(after));
  });

  it("leaves edits that cross records, touch document keys or break the syntax to a full parse", () => {
    const before = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    owner: cto\n  - id: R-2\n    owner: ciso\n";
    const cases = [
      before.replace("kind: RiskRegister", "kind: ActionPlan"), // a key of the document
      before.replace("cto\n  - id: R-2", "cto, id: R-2"), // joins two records
      before.replace("owner: cto", 'owner: "cto'), // unclosed quote
      before.replace("owner: cto", "owner: &o cto"), // an anchor
      before.replace("    owner: cto\n", "    owner: cto\n  x: 1\n"), // a line less indented than the record
    ];
    for (const after of cases) {
      const previous = parseFile("r.yaml", before);
      equal(reparseItem(previous, after), undefined, JSON.stringify(after));
      ok(!wasConsumed(previous));
      deepStrictEqual(dumpParsedFile(reparseFile(parseFile("r.yaml", before), after)), dumpParsedFile(parseFile("r.yaml", after)));
    }
  });

  it("re-parses an item of a file with a syntax error elsewhere, keeping the error where it moved", () => {
    const risk = (id: string, owner = "cto") => `  - id: ${id}\n    owner: ${owner}\n`;
    const head = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n";
    const cases: [string, string, string][] = [
      // an unclosed quote that runs to the end of the file, after the edited item
      ["quote after", head + risk("R-1") + risk("R-2") + '  - id: R-3\n    title: "unclosed\n' + risk("R-4"), "R-1"],
      // a duplicate key before the edited item, and one line more in the edit
      ["duplicate before", head + "  - id: R-0\n    owner: a\n    owner: b\n" + risk("R-1") + risk("R-2"), "R-2"],
      // an unclosed bracket before the edited item
      ["bracket before", head + "  - id: R-0\n    assets: [AS-1, AS-2\n" + risk("R-1") + risk("R-2"), "R-2"],
    ];
    for (const [name, before, edited] of cases) {
      const full = parseFile("r.yaml", before);
      ok(full.problems.length > 0, `${name}: the file has a syntax error`);
      for (const after of [before.replace(risk(edited), risk(edited, "ciso-deputy")), before.replace(risk(edited), risk(edited) + "    likelihood: 2\n")]) {
        ok(compare("r.yaml", before, after), `${name}: ${JSON.stringify(after)}`);
      }
    }
    // An edit inside the broken part, or elsewhere in the item that holds the error, is parsed whole.
    const broken = head + risk("R-1") + '  - id: R-3\n    title: "unclosed\n' + risk("R-4");
    equal(reparseItem(parseFile("r.yaml", broken), broken.replace("R-4", "R-5")), undefined);
    const duplicate = head + risk("R-1") + "  - id: R-2\n    owner: a\n    owner: b\n    title: t\n";
    equal(reparseItem(parseFile("r.yaml", duplicate), duplicate.replace("title: t", "title: u")), undefined);
    // Fixing the broken item (the quote closed, the bracket closed) gives what a full parse gives.
    for (const [open, closed] of [
      ['    title: "unclosed\n', '    title: "closed"\n'],
      ["    assets: [AS-1, AS-2\n", "    assets: [AS-1, AS-2]\n"],
    ]) {
      const before = head + risk("R-1") + "  - id: R-3\n" + open + risk("R-4");
      ok(parseFile("r.yaml", before).problems.length > 0);
      compare("r.yaml", before, before.replace(open, closed));
      compare("r.yaml", before, before.replace(open, open.replace("    ", "    x-note: n\n    ")));
    }
    // A tab read as spaces is parsed whole (its documents are read from another text).
    const tabbed = head + risk("R-1") + "  - id: R-2\n\towner: x\n";
    equal(reparseItem(parseFile("r.yaml", tabbed), tabbed.replace("owner: cto", "owner: coo")), undefined);
  });

  it("leaves to a full parse what reads differently with the item's text: a quote an unclosed one looks ahead for, a broken line after the item, a block scalar at its end, a %YAML directive", () => {
    const cases: [string, string, string][] = [
      // An unclosed quote reads to the end of its line while a closing quote follows anywhere, else to the end of the text.
      ["double quote removed", 'a: "x\nb:\n  - p "\n  - q\n', 'a: "x\nb:\n  - p \n  - q\n'],
      ["single quote removed", "a: 'x\nb:\n  - p 'q\n  - q\n", "a: 'x\nb:\n  - p q\n  - q\n"],
      ["quote in a comment removed", "a: 'x\nb:\n  - p # it's\n  - q\n", "a: 'x\nb:\n  - p # its\n  - q\n"],
      // A broken line right after the item reads by what the item left open.
      ["broken line after the item", "a:\n  - id: b\nx\n    t: y\n", "a:\n  - idb\nx\n    t: y\n"],
      ["blank line before a broken line", "a:\n  - id: b\n  \nx\n  - id: c\n", "a:\n  - id: b\n   \nx\n  - id: c\n"],
      // An empty block scalar takes the blank line after it.
      ["empty block scalar", "a:\n  - k: x\n\n  - k: 2\n", "a:\n  - k: |\n\n  - k: 2\n"],
      ["folded scalar emptied", "a:\n  - k: >\n      text\n\n  - k: 2\n", "a:\n  - k: >\n\n  - k: 2\n"],
      // YAML 1.1 reads yes as true and 0777 as octal.
      ["YAML 1.1 directive", "%YAML 1.1\n---\nrisks:\n  - id: R-1\n    x: 1\n  - id: R-2\n    x: 2\n", "%YAML 1.1\n---\nrisks:\n  - id: R-1\n    x: yes\n  - id: R-2\n    x: 2\n"],
    ];
    for (const [name, before, after] of cases) {
      compare("r.yaml", before, after); // equal to a full parse when it is re-used at all
      equal(reparseItem(parseFile("r.yaml", before), after), undefined, name);
    }
  });

  it("matches a full parse on a sample of random edits of one register (the stress tier runs every file)", () => {
    const next = random(7);
    let taken = 0;
    for (let i = 0; i < 20; i++) if (compare(REGISTER.key, REGISTER.text, randomEdit(REGISTER.text, next))) taken++;
    ok(taken > 0, "at least one random edit is re-parsed incrementally");
  });
});
