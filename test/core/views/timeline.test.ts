import * as assert from "node:assert/strict";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";
import { firstLineAt, viewsOf } from "./helpers";

/** The minimal ISMS plus a planned audit, a cancelled one and a review planned after today. */
function withPlans(): Files {
  const files = minimalIsms();
  return {
    ...files,
    "audits.yaml":
      files["audits.yaml"] +
      `  - id: AUD-2
    title: Surveillance readiness audit
    planned: 2027-03-01
    status: planned
  - id: AUD-0
    planned: 2026-01-10
    status: cancelled
`,
    "reviews.yaml": files["reviews.yaml"] + "  - id: MR-2\n    date: 2027-05-01\n",
  };
}

describe("views: audits and reviews", () => {
  it("puts audits and reviews on one timeline, newest first, planned and completed", () => {
    assert.deepEqual(
      viewsOf(withPlans()).timeline.map((t) => [t.kind, t.id, t.date, t.state]),
      [
        ["review", "MR-2", "2027-05-01", "planned"],
        ["audit", "AUD-2", "2027-03-01", "planned"],
        ["review", "MR-1", "2026-05-01", "completed"],
        ["audit", "AUD-1", "2026-04-02", "completed"],
        ["audit", "AUD-0", "2026-01-10", "cancelled"],
      ],
    );
  });

  it("gives an audit its title, auditor, findings and place, and a review its decisions", () => {
    const files = withPlans();
    const timeline = viewsOf(files).timeline;
    const audit = timeline.find((t) => t.id === "AUD-1")!;
    assert.deepEqual([audit.auditor, audit.findings], [{ id: "auditor", name: "Internal Auditor" }, 1]);
    assert.equal(firstLineAt(files, audit.location), "id: AUD-1");
    assert.equal(timeline.find((t) => t.id === "AUD-2")?.title, "Surveillance readiness audit");
    const review = timeline.find((t) => t.id === "MR-1")!;
    assert.equal(review.decisions, 1);
    assert.equal(firstLineAt(files, review.location), "id: MR-1");
  });

  it("dates a completed audit by when it was performed, and lists undated records last", () => {
    const files = withPlans();
    files["reviews.yaml"] += "  - id: MR-3\n    attendees: [ceo]\n";
    const timeline = viewsOf(files).timeline;
    assert.equal(timeline.find((t) => t.id === "AUD-1")?.date, "2026-04-02");
    assert.deepEqual([timeline.at(-1)?.id, timeline.at(-1)?.state], ["MR-3", "planned"]);
  });
});
