import * as assert from "node:assert/strict";
import { minimalIsms } from "../../helpers/minimal-isms";
import { firstLineAt, viewsOf } from "./helpers";

describe("views: nonconformities", () => {
  it("lists open nonconformities oldest first and closed ones latest closed first", () => {
    const files = minimalIsms();
    files["nonconformities.yaml"] += `  - id: NC-3
    raised: 2026-10-01
    source: complaint
    description: A customer reported a phishing mail in our name.
    status: open
  - id: NC-2
    raised: 2026-09-01
    source: incident
    description: Backups were not tested.
    correction: Tested the backups.
    status: open
  - id: NC-0
    raised: 2025-10-01
    source: incident
    description: An old one.
    status: closed
    closed: 2025-12-01
`;
    const { open, closed } = viewsOf(files).nonconformities;
    assert.deepEqual(
      open.map((nc) => [nc.id, nc.raised, nc.source]),
      [
        ["NC-2", "2026-09-01", "incident"],
        ["NC-3", "2026-10-01", "complaint"],
      ],
    );
    assert.deepEqual(
      closed.map((nc) => [nc.id, nc.closed]),
      [
        ["NC-1", "2026-06-01"],
        ["NC-0", "2025-12-01"],
      ],
    );
  });

  it("gives a nonconformity its description, source, correction, root cause, actions and place", () => {
    const files = minimalIsms();
    const [nc] = viewsOf(files).nonconformities.closed;
    const { location, ...rest } = nc;
    assert.deepEqual(rest, {
      id: "NC-1",
      description: "The audit programme was not scheduled.",
      raised: "2026-04-02",
      closed: "2026-06-01",
      status: "closed",
      source: "F-1",
      correction: "Audit scheduled.",
      rootCause: "No owner for the audit calendar.",
      actions: ["ACT-2"],
    });
    assert.equal(firstLineAt(files, location), "id: NC-1");
  });
});
