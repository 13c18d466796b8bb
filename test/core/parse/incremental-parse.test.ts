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

  it("matches a full parse on a sample of random edits of one register (the stress tier runs every file)", () => {
    const next = random(7);
    let taken = 0;
    for (let i = 0; i < 20; i++) if (compare(REGISTER.key, REGISTER.text, randomEdit(REGISTER.text, next))) taken++;
    ok(taken > 0, "at least one random edit is re-parsed incrementally");
  });
});
