import * as assert from "node:assert/strict";
import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { marked } from "./register-helpers";

const RESULT = '      - { date: 2026-09-30, value: "97 %", target_met: false }';

describe("measurement/none", () => {
  it("reports an ISMS without a MonitoringPlan at isms.yaml, as an error", () => {
    const files = minimalIsms();
    delete files["monitoring.yaml"];
    const [finding] = expectFindings(edit(files, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ measurement/none No monitoring plan"));
    assert.equal(finding.severity, "error");
  });
  it("reports a plan without measures at its kind", () => {
    const files = { ...minimalIsms(), "monitoring.yaml": "apiVersion: isms/v1\nkind: MonitoringPlan\n#     ^^^^^^^^^^^^^^ measurement/none holds no measure\nmeasures: []\n" };
    expectFindings(files);
  });
});

describe("measurement/incomplete", () => {
  it("reports one finding listing every field of 9.1 a-f that is missing", () => {
    let files = edit(minimalIsms(), "monitoring.yaml", "    method: Quarterly LMS completion report\n", "");
    files = edit(files, "monitoring.yaml", "    evaluated_by: ceo\n", "");
    files = edit(files, "monitoring.yaml", "  - id: M-1", marked("  - id: M-1", "M-1", "measurement/incomplete", "Measure M-1 does not determine method (9.1 b), evaluated_by (9.1 f)."));
    expectFindings(files);
  });
  it("leaves a value of the wrong type to the schema", () => {
    expectFindings(edit(minimalIsms(), "monitoring.yaml", "frequency_months: 3", "frequency_months: quarterly"), { rules: ["measurement/incomplete"] });
  });
});

describe("measurement/overdue", () => {
  it("reports the latest result when it is older than the frequency", () => {
    const files = edit(
      minimalIsms(),
      "monitoring.yaml",
      RESULT,
      marked(RESULT.replace("2026-09-30", "2026-08-29"), "2026-08-29", "measurement/overdue", "next result was due on 2026-11-29, 1 day ago"),
    );
    expectFindings(files);
  });
  it("does not report a result due today", () => {
    expectFindings(edit(minimalIsms(), "monitoring.yaml", RESULT, RESULT.replace("2026-09-30", "2026-08-30")), { rules: ["measurement/overdue"] });
  });
  it("reports a measure with no result, unless it was established within its frequency", () => {
    const none = edit(minimalIsms(), "monitoring.yaml", RESULT, "      []");
    expectFindings(
      edit(edit(none, "monitoring.yaml", "    results:\n      []", "    results: []"), "monitoring.yaml", "  - id: M-1", marked("  - id: M-1", "M-1", "measurement/overdue", "has no recorded result")),
    );
    expectFindings(edit(edit(none, "monitoring.yaml", "    results:\n      []", "    results: []"), "monitoring.yaml", "established: 2026-01-01", "established: 2026-09-01"), {
      rules: ["measurement/overdue"],
    });
  });
});

describe("measurement/implausible-result-date", () => {
  it("reports a result dated before the measure was established, and one dated after today", () => {
    let files = edit(minimalIsms(), "monitoring.yaml", "established: 2026-01-01", "established: 2026-10-01");
    files = edit(files, "monitoring.yaml", RESULT, marked(RESULT, "2026-09-30", "measurement/implausible-result-date", "before the measure was established on 2026-10-01"));
    expectFindings(files, { rules: ["measurement/implausible-result-date"] });
    const future = edit(
      minimalIsms(),
      "monitoring.yaml",
      RESULT,
      `${RESULT}\n${marked('      - { date: 2026-12-31, value: "99 %" }', "2026-12-31", "measurement/implausible-result-date", "after today")}`,
    );
    expectFindings(future, { rules: ["measurement/implausible-result-date", "measurement/overdue"] });
  });
});
