import * as assert from "node:assert/strict";
import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms, type Files } from "../../helpers/minimal-isms";

/** The fixture with its nonconformity and its corrective and improvement actions moved to more than 12 months ago. */
function quietYear(): Files {
  let files = edit(minimalIsms(), "nonconformities.yaml", "    raised: 2026-04-02", "    raised: 2025-11-30");
  files = edit(files, "actions.yaml", "    due: 2026-05-15", "    due: 2025-11-20");
  files = edit(files, "actions.yaml", "    completed: 2026-05-01", "    completed: 2025-11-15");
  files = edit(files, "actions.yaml", "    due: 2026-08-01", "    due: 2025-10-01");
  files = edit(files, "actions.yaml", "    completed: 2026-07-01", "    completed: 2025-09-01");
  return files;
}

describe("isms/no-improvement", () => {
  it("reports a year without nonconformities, corrective or improvement actions at the isms.yaml kind", () => {
    const files = edit(quietYear(), "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ isms/no-improvement between 2025-11-30 and 2026-11-30");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.data, { since: "2025-11-30" });
  });
  it("counts a nonconformity raised the day after the start of the 12 months", () => {
    const files = edit(quietYear(), "nonconformities.yaml", "    raised: 2025-11-30", "    raised: 2025-12-01");
    expectFindings(files, { rules: ["isms/no-improvement"] });
  });
  it("counts an improvement action due today, but not a cancelled one or a treatment action", () => {
    const dueToday = edit(quietYear(), "actions.yaml", "    due: 2025-10-01\n    status: done\n    completed: 2025-09-01", "    due: 2026-11-30\n    status: open");
    expectFindings(dueToday, { rules: ["isms/no-improvement"] });
    let other = edit(dueToday, "actions.yaml", "    due: 2026-11-30\n    status: open", "    due: 2026-11-30\n    status: cancelled");
    other = edit(other, "actions.yaml", "    due: 2027-03-31", "    due: 2026-09-30"); // ACT-1, treatment
    expectFindings(edit(other, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ isms/no-improvement"));
  });
  it("counts a treatment action that answers a nonconformity", () => {
    let files = edit(quietYear(), "actions.yaml", "    due: 2027-03-31", "    due: 2026-09-30\n    source: NC-1");
    files = edit(files, "risks.yaml", "    actions: [ACT-1]\n", "");
    expectFindings(files, { rules: ["isms/no-improvement"] });
  });
});

describe("isms/superseded-standard", () => {
  it("reports the 2013 edition, tagged deprecated", () => {
    const files = edit(minimalIsms(), "isms.yaml", "standard: ISO/IEC 27001:2022", "standard: ISO/IEC 27001:2013\n#         ^^^^^^^^^^^^^^^^^^ isms/superseded-standard transition ended");
    const [finding] = expectFindings(files);
    assert.deepEqual(finding.tags, ["deprecated"]);
  });
  it("is silent for the 2022 edition", () => {
    expectFindings(minimalIsms(), { rules: ["isms/superseded-standard"] });
  });
});
