import * as assert from "node:assert/strict";
import { placeholderIn } from "../../../server/src/core/rules/isms/placeholder-text";
import { checkFiles, edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

describe("isms/placeholder-text: template words", () => {
  it("finds TBD, TBC, TODO, FIXME, XXX, lorem ipsum, 'to be determined', 'tailor this', '[insert …]'", () => {
    const cases: [string, string][] = [
      ["TBD", "TBD"],
      ["Owner: tbd", "tbd"],
      ["TBC by the board", "TBC"],
      ["TODO: write the scope", "TODO"],
      ["FIXME", "FIXME"],
      ["Supplier XXX", "XXX"],
      ["Lorem ipsum dolor sit amet", "Lorem ipsum"],
      ["Interfaces to be determined.", "to be determined"],
      ["Applicable: baseline control; tailor this justification to your risk assessment.", "tailor this"],
      ["[Insert your organization's name]", "[Insert your organization's name]"],
      ["Insert the scope here", "Insert the scope here"],
      ["Example Ltd", "Example Ltd"],
    ];
    for (const [text, expected] of cases) assert.equal(placeholderIn(text), expected, text);
  });
  it("does not flag ordinary words that contain them", () => {
    for (const text of [
      "Mastodon instance for staff",
      "Photodocumentation of the server room",
      "Toronto office",
      "The to-do list of the ISMS manager",
      "TBDX platform",
      "Customer data (XXL retention)",
      "Tailored to the risk assessment",
      "Example Ltd group companies",
      "Plans to be completed by March",
      "Insert cards into the reader before entering the room",
    ]) {
      assert.equal(placeholderIn(text), undefined, text);
    }
  });
  it("reports template words in any field, at the value", () => {
    const files = edit(minimalIsms(), "risks.yaml", "    title: Office power cut", "    title: TODO");
    const findings = checkFiles(files).filter((f) => f.rule === "isms/placeholder-text");
    assert.deepEqual(
      findings.map((f) => [f.file, f.range.start.line, f.message]),
      [["risks.yaml", 14, 'Placeholder "TODO" is still here: replace it with the organization\'s own text.']],
    );
  });
});
