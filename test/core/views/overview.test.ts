import * as assert from "node:assert/strict";
import { edit } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { firstLineAt, viewsOf } from "./helpers";

describe("views: overview", () => {
  it("shows a clean ISMS as clean in every phase and area, in Plan-Do-Check-Act order", () => {
    const { findings } = viewsOf(minimalIsms()).overview;
    assert.deepEqual([findings.errors, findings.warnings, findings.infos], [0, 0, 0]);
    assert.deepEqual(
      findings.phases.map((p) => [p.phase, p.areas.map((a) => a.area).join(" ")]),
      [
        ["Plan", "scope context policy objective risk soa catalog"],
        ["Do", "action competence awareness supplier incident"],
        ["Check", "measurement audit review"],
        ["Act", "nc"],
        ["Documented information", "isms yaml schema ref"],
      ],
    );
  });

  it("counts errors and warnings by area (rule id prefix) and phase, with each finding and its place", () => {
    let files = edit(minimalIsms(), "actions.yaml", "due: 2027-03-31", "due: 2026-11-01"); // action/overdue (warning)
    files = edit(files, "risks.yaml", "    likelihood: 1\n    impact: 2\n", "    likelihood: 1\n"); // risk/unrated (error)
    const { findings } = viewsOf(files).overview;
    assert.deepEqual([findings.errors, findings.warnings], [1, 1]);
    const plan = findings.phases.find((p) => p.phase === "Plan")!;
    const risk = plan.areas.find((a) => a.area === "risk")!;
    assert.deepEqual([plan.errors, plan.warnings, risk.label, risk.errors, risk.warnings], [1, 0, "Risks", 1, 0]);
    const action = findings.phases.find((p) => p.phase === "Do")!.areas[0];
    assert.deepEqual([action.label, action.warnings, action.findings.map((f) => [f.rule, f.severity])], ["Actions", 1, [["action/overdue", "warning"]]]);
    assert.equal(firstLineAt(files, action.findings[0].location), "2026-11-01");
  });

  it("gives the next management review and internal audit due dates from the last ones and the cadence", () => {
    const { managementReview, internalAudit } = viewsOf(minimalIsms()).overview;
    assert.deepEqual(
      { id: managementReview.last?.id, date: managementReview.last?.date, nextDue: managementReview.nextDue, days: managementReview.daysUntilDue, overdue: managementReview.overdue },
      { id: "MR-1", date: "2026-05-01", nextDue: "2027-05-01", days: 152, overdue: false },
    );
    assert.deepEqual([internalAudit.last?.id, internalAudit.nextDue, internalAudit.cadenceMonths, internalAudit.overdue], ["AUD-1", "2027-04-02", 12, false]);
  });

  it("follows the cadence of isms.yaml, reports overdue events and the next planned ones", () => {
    let files = edit(minimalIsms(), "isms.yaml", "people:", "cadence:\n  management_review: 6\n  internal_audit: 6\npeople:");
    files = { ...files, "audits.yaml": files["audits.yaml"] + "  - id: AUD-2\n    planned: 2027-01-20\n    status: planned\n" };
    const { managementReview, internalAudit } = viewsOf(files).overview;
    assert.deepEqual([managementReview.nextDue, managementReview.daysUntilDue, managementReview.overdue], ["2026-11-01", -29, true]);
    assert.deepEqual([internalAudit.nextDue, internalAudit.overdue, internalAudit.nextPlanned?.id, internalAudit.nextPlanned?.date], ["2026-10-02", true, "AUD-2", "2027-01-20"]);
  });

  it("says a review is overdue when none was ever held, ignoring reviews dated after today", () => {
    const files = edit(minimalIsms(), "reviews.yaml", "date: 2026-05-01", "date: 2027-01-15");
    const { managementReview } = viewsOf(files).overview;
    assert.deepEqual([managementReview.last, managementReview.nextDue, managementReview.overdue, managementReview.nextPlanned?.date], [undefined, undefined, true, "2027-01-15"]);
  });

  it("counts nonconformities raised and corrective actions completed in the last 12 months", () => {
    assert.deepEqual(viewsOf(minimalIsms()).overview.improvement, { since: "2025-11-30", nonconformitiesRaised: 1, correctiveActionsCompleted: 1 });
    // A year later NC-1 (2026-04-02) and ACT-2 (2026-05-01) fall out of the period.
    assert.deepEqual(viewsOf(minimalIsms(), "2027-04-30").overview.improvement, { since: "2026-04-30", nonconformitiesRaised: 0, correctiveActionsCompleted: 1 });
    assert.deepEqual(viewsOf(minimalIsms(), "2027-05-01").overview.improvement.correctiveActionsCompleted, 0);
  });

  it("gives the share of applicable controls implemented, counting partially implemented ones apart", () => {
    let files = edit(minimalIsms(), "soa.yaml", /(control: A\.5\.1\n(?:.*\n){2}) {4}status: implemented/, "$1    status: partially-implemented");
    files = edit(files, "soa.yaml", /(control: A\.5\.2\n) {4}applicable: true/, "$1    applicable: false");
    const { controls } = viewsOf(files).overview;
    assert.deepEqual(
      { ...controls, implementedShare: controls.implementedShare?.toFixed(4) },
      {
        applicable: 92,
        implemented: 91,
        partiallyImplemented: 1,
        planned: 0,
        notImplemented: 0,
        implementedShare: (91 / 92).toFixed(4),
        implementedWithEvidence: 91,
        evidenceNotFound: 0,
      },
    );
  });

  it("gives the leadership facts: top management, the 5.3 responsibilities, the last review, approved treatment plans", () => {
    assert.deepEqual(viewsOf(minimalIsms()).overview.leadership, {
      topManagement: ["ceo"],
      conformance: "ciso",
      reporting: "ciso",
      lastReviewWithTopManagement: true,
      treatmentPlans: 1,
      treatmentPlansApproved: 1,
    });
    let files = edit(minimalIsms(), "reviews.yaml", "attendees: [ceo, ciso]", "attendees: [ciso]");
    files = edit(files, "risks.yaml", "    treatment_approval: { by: ops, date: 2026-06-01 }\n", "");
    files = edit(files, "isms.yaml", "  reporting: ciso\n", "");
    const l = viewsOf(files).overview.leadership;
    assert.deepEqual([l.lastReviewWithTopManagement, l.treatmentPlansApproved, l.reporting], [false, 0, undefined]);
  });

  it("counts risks by level, highest band first", () => {
    assert.deepEqual(viewsOf(minimalIsms()).overview.riskLevels, [
      { level: "Critical", tone: "red", count: 0 },
      { level: "High", tone: "orange", count: 1 },
      { level: "Medium", tone: "yellow", count: 0 },
      { level: "Low", tone: "green", count: 1 },
    ]);
  });
});
