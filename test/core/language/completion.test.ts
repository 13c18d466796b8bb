import * as assert from "node:assert/strict";
import type { CompletionItem, TextEdit } from "vscode-languageserver-types";
import { completion } from "../../../server/src/core/language";
import { clampPosition, containerPath, kindAt, siblingItems, siblingKeys } from "../../../server/src/core/language/line-context";
import { edit } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";
import { textAt, withCursor } from "./helpers";

const TODAY = { today: "2026-11-30" };

function complete(file: string, search: string | RegExp, replacement: string, files?: Files) {
  const w = withCursor(file, search, replacement, files);
  const items = completion(w.model, w.file, w.cursor, TODAY);
  const labels = items.map((i) => i.label);
  const get = (label: string): CompletionItem => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no completion item ${label} in ${labels.slice(0, 20).join(", ")}`);
    return item;
  };
  const replaced = (item: CompletionItem) => textAt(w.file, (item.textEdit as TextEdit).range);
  const newText = (item: CompletionItem) => (item.textEdit as TextEdit).newText;
  return { ...w, items, labels, get, replaced, newText };
}

function doc(item: CompletionItem): string {
  const d = item.documentation;
  return typeof d === "string" ? d : (d?.value ?? "");
}

describe("language: completion", () => {
  describe("references by id", () => {
    it("offers people for `owner: ` with their names", () => {
      const c = complete("risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ‸\n    likelihood: 3");
      assert.deepEqual(c.labels, ["ceo", "ciso", "ops", "auditor"]);
      assert.equal(c.get("ciso").detail, "Security Lead");
      assert.match(doc(c.get("ciso")), /ISMS manager/);
      assert.equal(c.replaced(c.get("ciso")), "");
      assert.equal(c.newText(c.get("ciso")), "ciso");
    });

    it("replaces a half-typed person id and adds the space after a bare colon", () => {
      const c = complete("risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ci‸\n    likelihood: 3");
      assert.equal(c.replaced(c.get("ciso")), "ci");
      const bare = complete("risks.yaml", "    owner: ops\n    likelihood: 3", "    owner:‸\n    likelihood: 3");
      assert.equal(bare.newText(bare.get("ciso")), " ciso");
    });

    it("offers people for attendees, chair, auditor and approvals", () => {
      assert.ok(complete("reviews.yaml", "attendees: [ceo, ciso]", "attendees: [ceo, ‸]").labels.includes("ops"));
      assert.ok(!complete("reviews.yaml", "attendees: [ceo, ciso]", "attendees: [ceo, ‸]").labels.includes("ceo"), "present ids are left out");
      assert.ok(complete("reviews.yaml", "    date: 2026-05-01\n", "    date: 2026-05-01\n    chair: ‸\n").labels.includes("ceo"));
      assert.ok(complete("audits.yaml", "auditor: auditor", "auditor: au‸").labels.includes("auditor"));
      assert.ok(complete("soa.yaml", "approved: { by: ceo,", "approved: { by: c‸,").labels.includes("ciso"));
    });

    it("offers actions, risks, requirements, interested parties, reviews and nonconformities where fields name them", () => {
      const acts = complete("risks.yaml", "actions: [ACT-1]", "actions: [ACT-1, ‸]");
      assert.deepEqual(acts.labels, ["ACT-2", "ACT-3"]);
      assert.equal(acts.get("ACT-3").detail, "Automate access reviews");
      assert.match(doc(acts.get("ACT-2")), /action · done · due 2026-05-15/);
      const sources = complete("soa.yaml", "sources: [R-001]", "sources: [R-001, ‸]");
      assert.deepEqual(sources.labels, ["R-002", "REQ-ISO", "REQ-PRIV", "REQ-MSA", "IP-CUST"]);
      assert.match(doc(sources.get("R-002")), /score 2 · Low/);
      assert.deepEqual(complete("audits.yaml", "to: MR-1", "to: M‸").labels, ["MR-1", "ceo", "ciso", "ops", "auditor"], "a management review or a person (9.2.2 c)");
      assert.deepEqual(complete("audits.yaml", "nonconformity: NC-1", "nonconformity: ‸").labels, ["NC-1"]);
      const follow = complete("actions.yaml", "    status: open\n", "    status: open\n    follow_up: ‸\n");
      assert.deepEqual(follow.labels, ["ACT-1", "ACT-2", "ACT-3"]);
      assert.ok(complete("reviews.yaml", "actions: [ACT-3]", "actions: [ACT-3, ‸]").labels.includes("ACT-1"));
    });

    it("offers findings, reviews and the source words for a nonconformity's source", () => {
      const c = complete("nonconformities.yaml", "source: F-1", "source: ‸");
      assert.deepEqual(c.labels, ["F-1", "MR-1", "incident", "complaint", "monitoring", "self-identified", "external-audit"]);
    });

    it("offers assets in a risk's `assets`", () => {
      const files = {
        ...minimalIsms(),
        "assets.yaml": "apiVersion: isms/v1\nkind: AssetInventory\nassets:\n  - { id: AS-CRM, name: CRM, owner: ops }\n  - { id: AS-WEB, name: Web service, owner: ops }\n",
      };
      const c = complete("risks.yaml", "    title: Office power cut\n", "    title: Office power cut\n    assets: [AS-CRM, ‸]\n", files);
      assert.deepEqual(c.labels, ["AS-WEB"]);
      assert.equal(c.get("AS-WEB").detail, "Web service");
    });
  });

  describe("controls", () => {
    it("offers controls with titles in a risk's `controls`, replacing the half-typed id", () => {
      const c = complete("risks.yaml", "controls: [A.5.15]", "controls: [A.5.15, A.8.2‸]");
      assert.equal(c.labels.length, 92, "every control but the one listed");
      assert.ok(!c.labels.includes("A.5.15"));
      const item = c.get("A.8.24");
      assert.equal(item.detail, "Use of cryptography");
      assert.match(doc(item), /\*Technological control\* · SoA: applicable, implemented/);
      assert.equal(c.replaced(item), "A.8.2");
      assert.equal(c.newText(item), "A.8.24");
    });

    it("works on a half-typed flow sequence without a closing bracket, and in block sequences", () => {
      const open = complete("risks.yaml", "    controls: [A.5.15]\n", "    controls: [A.5.1‸\n");
      assert.equal(open.replaced(open.get("A.5.15")), "A.5.1");
      const block = complete("risks.yaml", "    controls: [A.5.15]\n", "    controls:\n      - A.5.15\n      - A.‸\n");
      assert.ok(!block.labels.includes("A.5.15"));
      assert.equal(block.replaced(block.get("A.6.3")), "A.");
    });

    it("wraps the id in brackets when a list field holds no list yet", () => {
      const c = complete("risks.yaml", "    treatment: accept\n", "    treatment: accept\n    controls: ‸\n");
      assert.equal(c.newText(c.get("A.5.1")), "[A.5.1]");
    });

    it("offers controls missing from the SoA first for an SoA `control`", () => {
      const files = edit(minimalIsms(), "soa.yaml", / {2}- control: A\.7\.5\n( {4}.*\n){6}/, "");
      const c = complete("soa.yaml", "controls:\n", "controls:\n  - control: ‸\n", files);
      assert.equal(c.labels[0], "A.7.5");
      assert.equal(c.get("A.7.5").detail, "Protecting against physical and environmental threats");
      assert.match(c.get("A.5.1").detail ?? "", /already in the SoA/);
    });

    it("offers themes and controls in an audit scope, and controls for a finding", () => {
      const scope = complete("audits.yaml", "controls: [A.5, A.6, A.7, A.8]", "controls: [‸]");
      assert.deepEqual([...scope.labels.slice(0, 4)].sort(), ["A.5", "A.6", "A.7", "A.8"]);
      assert.equal(scope.get("A.6").detail, "People controls (whole theme)");
      assert.equal(scope.labels.length, 4 + 93);
      const finding = complete("audits.yaml", '        clause: "9.2"\n', '        clause: "9.2"\n        control: A.5.3‸\n');
      assert.equal(finding.labels.length, 93);
      assert.equal(finding.replaced(finding.get("A.5.35")), "A.5.3");
    });
  });

  describe("enums, levels and kinds", () => {
    it("offers enum values with their descriptions on a half-typed value", () => {
      const c = complete("risks.yaml", "treatment: mitigate", "treatment: mi‸");
      assert.deepEqual(c.labels, ["mitigate", "accept", "avoid", "transfer", "modify", "retain", "share"]);
      assert.equal(c.replaced(c.get("mitigate")), "mi");
      assert.match(doc(c.get("accept")), /Record the risk owner's `acceptance` \(6\.1\.3 f\)/);
    });

    it("offers the status, type and finding type enums", () => {
      assert.deepEqual(complete("soa.yaml", "status: implemented", "status: ‸").labels, ["implemented", "partially-implemented", "planned", "not-implemented"]);
      assert.deepEqual(complete("actions.yaml", "type: treatment", "type: ‸").labels, ["treatment", "corrective", "improvement"]);
      assert.deepEqual(complete("actions.yaml", "status: open", "status: in‸").labels, ["open", "in-progress", "done", "cancelled"]);
      assert.deepEqual(complete("audits.yaml", "type: minor", "type: ‸").labels, ["major", "minor", "observation", "opportunity"]);
      assert.deepEqual(complete("risk/methodology.yaml", "scoring: multiply", "scoring: ‸").labels, ["multiply", "matrix"]);
      assert.deepEqual(complete("soa.yaml", "applicable: true", "applicable: ‸").labels, ["true", "false"]);
    });

    it("offers likelihood and impact levels with their labels from the methodology", () => {
      const c = complete("risks.yaml", "likelihood: 3", "likelihood: ‸");
      assert.deepEqual(c.labels, ["1 — Rare", "2 — Unlikely", "3 — Possible", "4 — Likely", "5 — Almost certain"]);
      assert.equal(c.newText(c.get("4 — Likely")), "4");
      const residual = complete("risks.yaml", "residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 2, impact: ‸ }");
      assert.deepEqual(residual.labels, ["1 — Negligible", "2 — Minor", "3 — Moderate", "4 — Major", "5 — Severe"]);
    });

    it("offers document kinds, clauses (quoted) and today's date", () => {
      const kinds = complete("objectives.yaml", "kind: Objectives", "kind: ‸");
      assert.equal(kinds.labels.length, 12);
      assert.equal(kinds.get("RiskRegister").detail, "Risk register");
      const clause = complete("audits.yaml", 'clause: "9.2"', "clause: 9.‸");
      assert.equal(clause.newText(clause.get("9.2")), '"9.2"');
      assert.equal(clause.get("9.2").detail, "Internal audit");
      const quoted = complete("audits.yaml", 'clause: "9.2"', 'clause: "9.‸"');
      assert.equal(quoted.newText(quoted.get("9.3")), '"9.3"');
      assert.equal(quoted.replaced(quoted.get("9.3")), '"9."');
      assert.deepEqual(complete("actions.yaml", "due: 2027-03-31", "due: ‸").labels, ["2026-11-30"]);
    });

    it("suggests the next free id for a new record", () => {
      assert.deepEqual(complete("risks.yaml", "risks:\n", "risks:\n  - id: ‸\n").labels, ["R-003"]);
      assert.deepEqual(complete("actions.yaml", "actions:\n", "actions:\n  - id: ‸\n").labels, ["ACT-4"]);
    });
  });

  describe("keys", () => {
    it("offers the keys of the current mapping that are not there yet, with descriptions", () => {
      const c = complete("risks.yaml", "    treatment: accept\n", "    treatment: accept\n    ‸\n");
      assert.deepEqual(c.labels, ["description", "assets", "threat", "vulnerability", "category", "controls", "actions", "residual", "acceptance"]);
      assert.match(doc(c.get("threat")), /potential cause of an unwanted incident/);
      assert.equal(c.newText(c.get("threat")), "threat: $0");
      assert.equal(c.newText(c.get("residual")), "residual:\n      $0");
      assert.equal(c.newText(c.get("controls")), "controls: [$0]");
      assert.equal(c.get("controls").command?.command, "editor.action.triggerSuggest");
    });

    it("completes a half-typed key and keys of a flow mapping", () => {
      const c = complete("risks.yaml", "    treatment: accept\n", "    treatment: accept\n    acc‸\n");
      assert.equal(c.replaced(c.get("acceptance")), "acc");
      const flow = complete("risks.yaml", "residual: { likelihood: 2, impact: 3 }", "residual: { likelihood: 2, im‸ }");
      assert.deepEqual(flow.labels, ["impact"]);
    });

    it("offers the keys of a new sequence item, and of an SoA entry", () => {
      const c = complete("soa.yaml", "controls:\n", "controls:\n  - ‸\n");
      assert.equal(c.labels[0], "control");
      assert.ok(c.labels.includes("justification"));
      const nested = complete("audits.yaml", "    findings:\n", "    findings:\n      - id: F-2\n        ‸\n");
      assert.deepEqual(nested.labels, ["type", "clause", "control", "description", "nonconformity"]);
    });

    it("offers the top-level keys of the kind and rule ids under `rules`", () => {
      const top = complete("objectives.yaml", "objectives:\n", "‸\nobjectives:\n");
      assert.deepEqual(top.labels, []);
      const soa = complete("soa.yaml", "controls:\n", "‸\ncontrols:\n");
      assert.deepEqual(soa.labels, ["version"]);
      const rules = complete("isms.yaml", "people:\n", "rules:\n  ‸\npeople:\n");
      assert.ok(rules.labels.includes("action/overdue"));
    });

    it("offers apiVersion and kind in an empty document", () => {
      const files = { ...minimalIsms(), "new.yaml": "" };
      const c = complete("new.yaml", /^$/, "‸", files);
      assert.deepEqual(c.labels, ["apiVersion", "kind"]);
      assert.equal(c.newText(c.get("apiVersion")), "apiVersion: isms/v1\n");
    });
  });

  describe("edge cases", () => {
    it("replaces only the key when completing inside an existing key", () => {
      const c = complete("risks.yaml", "    treatment: accept\n", "    treatment: accept\n    thr‸eat: phishing\n");
      assert.equal(c.replaced(c.get("threat")), "threat");
      assert.equal(c.newText(c.get("threat")), "threat");
    });

    it("offers nothing on a line indented deeper than any mapping", () => {
      assert.deepEqual(complete("risks.yaml", "    title: Office power cut\n", "    title: Office power cut\n        ‸\n").items, []);
    });

    it("works in CRLF files and on files outside any ISMS (keys and enums, no ids)", () => {
      const files = minimalIsms();
      files["risks.yaml"] = files["risks.yaml"].replace(/\n/g, "\r\n");
      const c = complete("risks.yaml", "    treatment: accept\r\n", "    treatment: mi‸\r\n", files);
      assert.equal(c.replaced(c.get("mitigate")), "mi");
      const none = completion(undefined, c.file, c.cursor);
      assert.ok(none.some((i) => i.label === "mitigate"));
      const owner = withCursor("risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ‸\n    likelihood: 3");
      assert.deepEqual(completion(undefined, owner.file, owner.cursor), []);
    });

    it("reads the path through several documents of one file", () => {
      const files = { ...minimalIsms(), "more.yaml": "apiVersion: isms/v1\nkind: Objectives\nobjectives: []\n---\napiVersion: isms/v1\nkind: ActionPlan\nactions:\n  - id: ACT-9\n    status: ‸\n" };
      const c = complete("more.yaml", /‸/, "‸", files);
      assert.deepEqual(c.labels, ["open", "in-progress", "done", "cancelled"]);
    });
  });

  describe("positions past the text", () => {
    // Before the clamp, line 2^31 walked 2^31 lines up (minutes): these tests would time out.
    const huge = [10_000_000, 2 ** 31, Number.MAX_SAFE_INTEGER];

    it("completes a position past the last line as the end of the text", () => {
      const c = complete("risks.yaml", "    treatment: accept\n    reviewed: 2026-06-01\n", "    reviewed: 2026-06-01\n    treatment: ‸");
      assert.deepEqual(c.cursor, c.file.lines.positionAt(c.file.text.length));
      assert.ok(c.labels.includes("mitigate"), c.labels.join(", "));
      for (const line of huge) {
        for (const character of [0, 5, 2 ** 31]) {
          const items = completion(c.model, c.file, { line, character }, TODAY);
          assert.deepEqual(items, c.items, `line ${line}, character ${character}`);
        }
      }
    });

    it("completes a character past the end of its line as the end of that line", () => {
      const c = complete("risks.yaml", "    owner: ops\n    likelihood: 3", "    owner: ‸\n    likelihood: 3");
      assert.ok(c.labels.includes("ciso"));
      assert.deepEqual(completion(c.model, c.file, { line: c.cursor.line, character: 2 ** 31 }, TODAY), c.items);
      assert.deepEqual(completion(c.model, c.file, { line: -5, character: -5 }, TODAY), completion(c.model, c.file, { line: 0, character: 0 }, TODAY));
      assert.deepEqual(completion(c.model, c.file, { line: Number.NaN, character: Number.POSITIVE_INFINITY }, TODAY), completion(c.model, c.file, { line: 0, character: 0 }, TODAY));
    });

    it("the line readers stop at the text's lines whatever line they are given", () => {
      const w = withCursor("risks.yaml", "    treatment: accept\n    reviewed: 2026-06-01\n", "    reviewed: 2026-06-01\n  - ‸");
      const last = w.file.lines.lineCount - 1;
      assert.equal(w.cursor.line, last);
      for (const line of huge) {
        assert.deepEqual(containerPath(w.file, line, 2, true), containerPath(w.file, last, 2, true));
        assert.deepEqual(containerPath(w.file, line, 4, false), containerPath(w.file, last, 4, false));
        assert.deepEqual(siblingKeys(w.file, line, 4), siblingKeys(w.file, last, 4));
        assert.deepEqual(siblingItems(w.file, line, 2), siblingItems(w.file, last, 2));
        assert.equal(kindAt(w.file, { line, character: 0 }), "RiskRegister");
        assert.deepEqual(clampPosition(w.file, { line, character: 3 }), w.file.lines.positionAt(w.file.text.length));
      }
      assert.deepEqual(containerPath(w.file, last, 2, true), ["risks", 2]);
    });
  });

  it("answers nothing in comments and free text", () => {
    assert.deepEqual(complete("risks.yaml", "    title: Office power cut", "    title: Office power cut # note ‸").items, []);
    assert.deepEqual(complete("risks.yaml", "    title: Office power cut", "    title: Office pow‸er cut").items, []);
  });
});
