import * as assert from "node:assert/strict";
import { hover } from "../../../server/src/core/language";
import { edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { markdownOf, positionOf, textAt, withCursor, workspace } from "./helpers";

const TODAY = { today: "2026-11-30" };

describe("language: hover", () => {
  const ws = workspace();
  const risks = ws.parsed("risks.yaml");

  describe("controls", () => {
    it("shows title, theme, SoA entry and the risks and sources tracing to it (risk controls field)", () => {
      const h = hover(ws.model, risks, positionOf(risks, "A.5.15]", 3), TODAY);
      const md = markdownOf(h);
      assert.match(md, /\*\*A\.5\.15 Access control\*\*/);
      assert.match(md, /organizational control/i);
      assert.match(md, /\*\*SoA:\*\* applicable · implemented · owner Security Lead \(`ciso`\)/);
      assert.match(md, /Needed to meet the certification requirement for access control/);
      assert.match(md, /\*\*Treats 1 risk:\*\* `R-001` Unauthorised access to customer data \(High\)/);
      assert.match(md, /\*\*Sources:\*\* `R-001` .*\(risk\)/);
      assert.ok(h && textAt(risks, h.range as never) === "A.5.15");
    });

    it("works on the SoA `control` field, lists requirement sources and says when no risk lists it", () => {
      const soa = ws.parsed("soa.yaml");
      const md = markdownOf(hover(ws.model, soa, positionOf(soa, "control: A.8.24", 10)));
      assert.match(md, /A\.8\.24 Use of cryptography/);
      assert.match(md, /Technological/);
      assert.match(md, /`REQ-PRIV` UK GDPR security of processing \(Art. 32\) \(requirement\)/);
      assert.doesNotMatch(md, /Treats/);
    });

    it("shows excluded controls and controls missing from the SoA", () => {
      let files = edit(minimalIsms(), "soa.yaml", /- control: A\.7\.4\n {4}applicable: true/, "- control: A.7.4\n    applicable: false");
      files = edit(files, "soa.yaml", / {2}- control: A\.7\.5\n( {4}.*\n){6}/, "");
      const w = withCursor("risks.yaml", "controls: [A.5.15]", "controls: [A.5.15, A.7.‸5]", files);
      const soa = w.parsed("soa.yaml");
      assert.match(markdownOf(hover(w.model, soa, positionOf(soa, "A.7.4", 2))), /\*\*SoA:\*\* \*\*excluded\*\*/);
      const md = markdownOf(hover(w.model, w.file, w.cursor));
      assert.match(md, /A\.7\.5 Protecting against physical and environmental threats/);
      assert.match(md, /Not in the Statement of Applicability yet/);
      assert.match(md, /\*\*Treats 1 risk:\*\* `R-001`/);
    });

    it("reports a control the catalog does not have, and describes a theme in an audit scope", () => {
      const w = withCursor("risks.yaml", "controls: [A.5.15]", "controls: [A.5.15, A.5.9‸9]");
      assert.match(markdownOf(hover(w.model, w.file, w.cursor)), /A\.5\.99\*\* is not an Annex A control/);
      const audits = ws.parsed("audits.yaml");
      const md = markdownOf(hover(ws.model, audits, positionOf(audits, "A.8]", 1)));
      assert.match(md, /A\.8 — Technological controls\*\* \(34 controls\)/);
      assert.match(md, /SoA: 34 applicable, 34 implemented of 34 entries/);
    });
  });

  describe("records", () => {
    it("summarises a risk: score, level, owner name, treatment, controls, actions, residual", () => {
      const md = markdownOf(hover(ws.model, risks, positionOf(risks, "R-001", 1), TODAY));
      assert.match(md, /\*\*R-001\*\* — Unauthorised access to customer data/);
      assert.match(md, /likelihood 3 \(Possible\) × impact 4 \(Major\) = \*\*12 · High\*\*/);
      assert.match(md, /\*\*Owner:\*\* Operations Lead \(`ops`\)/);
      assert.match(md, /\*\*Treatment:\*\* mitigate/);
      assert.match(md, /\*\*Controls:\*\* A\.5\.15 Access control/);
      assert.match(md, /\*\*Actions:\*\* `ACT-1` \(open, due 2027-03-31\)/);
      assert.match(md, /\*\*Residual:\*\* likelihood 2 \(Unlikely\) × impact \d \(\w+\) = \*\*\d+ · \w+\*\*/);
    });

    it("shows a risk's acceptance", () => {
      const w = withCursor("risks.yaml", "    treatment: accept\n", "    treatment: accept\n    acceptance: { by: ceo, date: 2026-06-01, expires: 2027-06-01 }\n    x-cursor: R-002‸\n");
      const md = markdownOf(hover(w.model, w.file, positionOf(w.file, "R-002", 1)));
      assert.match(md, /\*\*Accepted:\*\* by Chief Executive \(`ceo`\) on 2026-06-01 until 2027-06-01/);
      assert.match(md, /= \*\*2 · Low\*\*/);
    });

    it("summarises a person: name, role, and what they own with counts and ids", () => {
      const isms = ws.parsed("isms.yaml");
      const md = markdownOf(hover(ws.model, isms, positionOf(isms, "id: ciso", 5)));
      assert.match(md, /\*\*ciso\*\* — Security Lead/);
      assert.match(md, /\*\*Role:\*\* ISMS manager/);
      assert.match(md, /\*\*Owns:\*\* 93 controls · 1 action · 1 policy · 1 objective/);
      assert.match(md, /\*\*Actions:\*\* `ACT-3`/);
      assert.match(md, /\*\*Policies:\*\* `POL-1`/);
      assert.match(md, /A\.5\.1`, .* and 83 more/);
      const viaRef = markdownOf(hover(ws.model, risks, positionOf(risks, "owner: ops", 8)));
      assert.match(viaRef, /\*\*Owns:\*\* 2 risks · 2 actions/);
      assert.match(viaRef, /\*\*Risks:\*\* `R-001`, `R-002`/);
    });

    it("summarises an action with days overdue relative to today", () => {
      const files = edit(minimalIsms(), "actions.yaml", "due: 2027-03-31", "due: 2026-10-15");
      const w = workspace(files);
      const actions = w.parsed("actions.yaml");
      const md = markdownOf(hover(w.model, actions, positionOf(actions, "ACT-1", 2), TODAY));
      assert.match(md, /\*\*ACT-1\*\* — Enforce SSO for the admin console/);
      assert.match(md, /\*\*Due:\*\* 2026-10-15 — \*\*46 days overdue\*\*/);
      assert.match(md, /\*\*Status:\*\* open/);
      assert.match(md, /\*\*Owner:\*\* Operations Lead \(`ops`\)/);
      assert.match(md, /\*\*Listed by:\*\* `R-001`/);
      const notYet = markdownOf(hover(ws.model, ws.parsed("actions.yaml"), positionOf(ws.parsed("actions.yaml"), "ACT-1", 2), TODAY));
      assert.match(notYet, /due in 121 days/);
      const done = markdownOf(hover(ws.model, ws.parsed("actions.yaml"), positionOf(ws.parsed("actions.yaml"), "ACT-2", 2), TODAY));
      assert.doesNotMatch(done, /overdue/);
      assert.match(done, /\*\*Verified:\*\* by Security Lead \(`ciso`\), on 2026-06-01, effective/);
    });

    it("summarises requirements, nonconformities, reviews, audits and findings", () => {
      const isms = ws.parsed("isms.yaml");
      assert.match(markdownOf(hover(ws.model, isms, positionOf(isms, "REQ-ISO", 1))), /\*\*Calls for 45 controls:\*\*/);
      const ncs = ws.parsed("nonconformities.yaml");
      const nc = markdownOf(hover(ws.model, ncs, positionOf(ncs, "NC-1", 1)));
      assert.match(nc, /\*\*Status:\*\* closed \(closed 2026-06-01\)/);
      assert.match(nc, /\*\*Source:\*\* `F-1`/);
      assert.match(nc, /\*\*Actions:\*\* `ACT-2` \(done, due 2026-05-15\)/);
      const audits = ws.parsed("audits.yaml");
      const review = markdownOf(hover(ws.model, audits, positionOf(audits, "MR-1", 1)));
      assert.match(review, /\*\*Inputs \(9\.3\.2\):\*\* 10 of 10 recorded/);
      assert.match(review, /\*\*Audit results reported:\*\* `AUD-1`/);
      const audit = markdownOf(hover(ws.model, audits, positionOf(audits, "AUD-1", 1)));
      assert.match(audit, /\*\*Auditor:\*\* Internal Auditor \(`auditor`\)/);
      assert.match(audit, /\*\*Findings:\*\* 1 \(1 minor\): `F-1`/);
      const finding = markdownOf(hover(ws.model, ncs, positionOf(ncs, "source: F-1", 9)));
      assert.match(finding, /\*\*F-1\*\* — minor finding on clause 9\.2/);
      assert.match(finding, /\*\*Clause:\*\* 9\.2 /);
    });

    it("says when a reference resolves to nothing", () => {
      const w = withCursor("risks.yaml", "owner: ops\n    likelihood: 3", "owner: opz‸\n    likelihood: 3");
      assert.match(markdownOf(hover(w.model, w.file, w.cursor)), /`opz` does not name any person of this ISMS/);
    });
  });

  describe("keys and values", () => {
    it("shows a key's schema description, following $ref into common.schema.json", () => {
      const owner = markdownOf(hover(ws.model, risks, positionOf(risks, "owner: ops", 2)));
      assert.match(owner, /Risk owner: the person with the accountability and authority to manage this risk \(6\.1\.2 c 2\)/);
      const soa = ws.parsed("soa.yaml");
      const by = markdownOf(hover(ws.model, soa, positionOf(soa, "by: ceo", 1)));
      assert.match(by, /Person who approved the document/);
      const treatment = markdownOf(hover(ws.model, risks, positionOf(risks, "treatment: mitigate", 3)));
      assert.match(treatment, /Risk treatment option selected for this risk \(6\.1\.3 a\)/);
      assert.match(treatment, /`mitigate`, `accept`/);
    });

    it("shows an enum value's markdownEnumDescription", () => {
      const md = markdownOf(hover(ws.model, risks, positionOf(risks, "mitigate", 3)));
      assert.match(md, /^\*\*mitigate\*\*: Reduce the likelihood and\/or impact by applying controls/);
      const soa = ws.parsed("soa.yaml");
      assert.match(markdownOf(hover(ws.model, soa, positionOf(soa, "implemented", 3))), /The control is fully in place and operating/);
    });

    it("shows the label of a likelihood or impact level and the kind of a document", () => {
      assert.match(markdownOf(hover(ws.model, risks, positionOf(risks, "impact: 4", 8))), /\*\*impact 4 — Major\*\*/);
      assert.match(markdownOf(hover(ws.model, risks, positionOf(risks, "RiskRegister", 2))), /\*\*RiskRegister\*\* — Risk register/);
    });

    it("shows a rule's description and docs for a key under `rules`", () => {
      const w = withCursor("isms.yaml", "people:\n", "rules:\n  action/ov‸erdue: off\npeople:\n");
      const md = markdownOf(hover(w.model, w.file, w.cursor));
      assert.match(md, /^\*\*action\/overdue\*\* \*\(default: warning; ISO\/IEC 27001:2022 8\.3\)\*/);
      assert.match(md, /\*\*Fix:\*\*/);
    });

    it("answers nothing for free text", () => {
      assert.equal(hover(ws.model, risks, positionOf(risks, "Office power cut", 3)), undefined);
    });
  });
});
