import * as assert from "node:assert/strict";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";
import { firstLineAt, viewsOf } from "./helpers";

/** The minimal ISMS plus actions due around 2026-11-30 (the fixture's today). */
function withActions(): Files {
  const files = minimalIsms();
  const action = (id: string, due: string | undefined, status: string, extra = "") =>
    `  - id: ${id}\n    title: Action ${id}\n    type: treatment\n    owner: ops\n${due ? `    due: ${due}\n` : ""}    status: ${status}\n${extra}`;
  return {
    ...files,
    "actions.yaml":
      files["actions.yaml"] +
      action("ACT-10", "2026-11-29", "in-progress") +
      action("ACT-11", "2026-10-15", "open") +
      action("ACT-12", "2026-11-30", "open") +
      action("ACT-13", "2026-12-30", "in-progress") +
      action("ACT-14", "2026-12-31", "open") +
      action("ACT-15", undefined, "open") +
      action("ACT-16", "2026-01-31", "cancelled") +
      action("ACT-17", "2026-10-01", "done", "    completed: 2026-11-20\n"),
  };
}

describe("views: actions", () => {
  it("sorts actions into overdue, due within 30 days, open, and done or cancelled", () => {
    const { overdue, dueSoon, open, done } = viewsOf(withActions()).actions;
    assert.deepEqual(
      overdue.map((a) => [a.id, a.daysUntilDue]),
      [
        ["ACT-11", -46],
        ["ACT-10", -1],
      ],
    );
    assert.deepEqual(
      dueSoon.map((a) => [a.id, a.daysUntilDue]),
      [
        ["ACT-12", 0],
        ["ACT-13", 30],
      ],
    );
    assert.deepEqual(
      open.map((a) => a.id),
      ["ACT-14", "ACT-1", "ACT-15"],
    );
    assert.deepEqual(
      done.map((a) => [a.id, a.status, a.completed]),
      [
        ["ACT-17", "done", "2026-11-20"],
        ["ACT-3", "done", "2026-07-01"],
        ["ACT-2", "done", "2026-05-01"],
        ["ACT-16", "cancelled", undefined],
      ],
    );
  });

  it("gives each action its title, type, owner, status, due date, source and place", () => {
    const files = minimalIsms();
    const [action] = viewsOf(files).actions.open;
    const { location, ...rest } = action;
    assert.deepEqual(rest, {
      id: "ACT-1",
      title: "Enforce SSO for the admin console",
      type: "treatment",
      owner: { id: "ops", name: "Operations Lead" },
      status: "open",
      due: "2027-03-31",
      completed: undefined,
      daysUntilDue: 121,
      source: undefined,
    });
    assert.equal(firstLineAt(files, location), "id: ACT-1");
  });

  it("counts an action without status as open, overdue when past due", () => {
    const files = minimalIsms();
    files["actions.yaml"] += "  - id: ACT-20\n    title: No status\n    owner: ops\n    due: 2026-11-01\n";
    assert.deepEqual(
      viewsOf(files).actions.overdue.map((a) => [a.id, a.status]),
      [["ACT-20", undefined]],
    );
  });
});
