import * as assert from "node:assert/strict";
import { edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { firstLineAt, viewsOf } from "./helpers";

describe("views: Statement of Applicability", () => {
  it("lists every Annex A control under its theme, in catalog order, with theme counts", () => {
    const { themes, other } = viewsOf(minimalIsms()).soa;
    assert.deepEqual(
      themes.map((t) => [t.prefix, t.theme, t.controls.length, t.applicable, t.implemented]),
      [
        ["A.5", "Organizational", 37, 37, 37],
        ["A.6", "People", 8, 8, 8],
        ["A.7", "Physical", 14, 14, 14],
        ["A.8", "Technological", 34, 34, 34],
      ],
    );
    assert.deepEqual(
      themes[0].controls.slice(0, 3).map((c) => c.control),
      ["A.5.1", "A.5.2", "A.5.3"],
    );
    assert.deepEqual(other, []);
  });

  it("gives each control its decision, status, owner, sources, the risks that list it, and its entry", () => {
    const files = minimalIsms();
    const control = viewsOf(files).soa.themes[0].controls.find((c) => c.control === "A.5.15")!;
    const { location, justification, ...rest } = control;
    assert.deepEqual(rest, {
      control: "A.5.15",
      title: "Access control",
      missing: false,
      applicable: true,
      status: "implemented",
      untraced: false,
      owner: { id: "ciso", name: "Security Lead" },
      sources: ["R-001"],
      risks: ["R-001"],
    });
    assert.match(justification ?? "", /access control/);
    assert.equal(firstLineAt(files, location), "control: A.5.15");
  });

  it("flags an applicable control traced to nothing as untraced, but not an excluded one", () => {
    let files = edit(minimalIsms(), "soa.yaml", /(control: A\.5\.6\n(?:.*\n){3}) {4}sources: \[REQ-ISO\]/, "$1    sources: []");
    files = edit(files, "soa.yaml", /(control: A\.5\.7\n) {4}applicable: true\n((?:.*\n){2}) {4}sources: \[REQ-ISO\]/, "$1    applicable: false\n$2    sources: []");
    const controls = viewsOf(files).soa.themes[0].controls;
    assert.deepEqual(
      controls.filter((c) => c.untraced).map((c) => c.control),
      ["A.5.6"],
    );
    assert.equal(controls.find((c) => c.control === "A.5.7")?.applicable, false);
  });

  it("counts a control listed by a risk as traced even when its sources are empty", () => {
    const files = edit(minimalIsms(), "soa.yaml", "sources: [R-001]", "sources: []");
    const control = viewsOf(files).soa.themes[0].controls.find((c) => c.control === "A.5.15")!;
    assert.deepEqual([control.untraced, control.risks], [false, ["R-001"]]);
  });

  it("flags a control missing from the SoA, located at the SoA's controls key", () => {
    const files = edit(minimalIsms(), "soa.yaml", / {2}- control: A\.8\.34\n(?: {4}.*\n)*/, "");
    const technological = viewsOf(files).soa.themes[3];
    const missing = technological.controls.filter((c) => c.missing);
    assert.deepEqual(
      missing.map((c) => [c.control, c.title, c.untraced, c.applicable]),
      [["A.8.34", "Protection of information systems during audit testing", false, undefined]],
    );
    assert.equal(technological.controls.length, 34);
    assert.equal(firstLineAt(files, missing[0].location), "controls:");
  });

  it("lists entries that are not Annex A controls apart", () => {
    const files = edit(minimalIsms(), "soa.yaml", "  - control: A.5.1\n", "  - control: A.14.2.1\n    applicable: false\n    justification: An ISO/IEC 27001:2013 control.\n  - control: A.5.1\n");
    const { other } = viewsOf(files).soa;
    assert.deepEqual(
      other.map((c) => [c.control, c.applicable, c.missing]),
      [["A.14.2.1", false, false]],
    );
  });
});
