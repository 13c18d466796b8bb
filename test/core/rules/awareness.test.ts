import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";

const RULE = "awareness/overdue";
const ACTIVITY = "completed: 2026-03-31";

describe("awareness/overdue", () => {
  it("does not report an activity completed within the last 12 months (due today is not overdue)", () => {
    expectFindings(edit(minimalIsms(), "competence.yaml", ACTIVITY, "completed: 2025-11-30"), { rules: [RULE] });
  });
  it("reports at the CompetenceRegister's kind when the last activity is more than 12 months old", () => {
    let files = edit(minimalIsms(), "competence.yaml", ACTIVITY, "completed: 2025-11-29");
    files = edit(
      files,
      "competence.yaml",
      "kind: CompetenceRegister",
      "kind: CompetenceRegister\n#     ^^^^^^^^^^^^^^^^^^ awareness/overdue Awareness is overdue by 1 day: the last activity, AW-1, was completed on 2025-11-29",
    );
    expectFindings(files);
  });
  it("ignores activities dated after today, and reports at isms.yaml when there is no CompetenceRegister", () => {
    expectFindings(
      edit(
        edit(minimalIsms(), "competence.yaml", ACTIVITY, "completed: 2027-01-31"),
        "competence.yaml",
        "kind: CompetenceRegister",
        "kind: CompetenceRegister\n#     ^^^^^^^^^^^^^^^^^^ awareness/overdue No awareness activity is recorded as completed",
      ),
    );
    const files = minimalIsms();
    delete files["competence.yaml"];
    expectFindings(edit(files, "isms.yaml", "kind: ISMS", "kind: ISMS\n#     ^^^^ awareness/overdue No awareness activity"));
  });
});
