import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { marked } from "./register-helpers";

const LESSONS = "    lessons_learned: Reporting worked; the lure was reused in the next simulation.\n";

describe("incident/no-lessons-learned", () => {
  it("reports a closed incident without lessons learned, at its status", () => {
    const files = edit(
      edit(minimalIsms(), "incidents.yaml", LESSONS, ""),
      "incidents.yaml",
      "    status: closed",
      marked("    status: closed", "closed", "incident/no-lessons-learned", "Incident INC-1 is closed without lessons learned"),
    );
    expectFindings(files);
  });
  it("does not report an open incident", () => {
    expectFindings(edit(edit(minimalIsms(), "incidents.yaml", LESSONS, ""), "incidents.yaml", "    status: closed", "    status: open"), { rules: ["incident/no-lessons-learned"] });
  });
});

describe("incident/high-without-nonconformity", () => {
  it("reports a closed high or critical incident with neither a nonconformity nor risks", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "incidents.yaml",
        "    severity: low",
        marked("    severity: high", "high", "incident/high-without-nonconformity", "Incident INC-1 (high) is closed with neither a nonconformity nor a risk review"),
      ),
    );
    expectFindings(edit(minimalIsms(), "incidents.yaml", "    severity: low", marked("    severity: critical", "critical", "incident/high-without-nonconformity")));
  });
  it("accepts a nonconformity or a risk review, and ignores low and medium incidents", () => {
    expectFindings(edit(minimalIsms(), "incidents.yaml", "    severity: low", "    severity: high\n    nonconformity: NC-1"), { rules: ["incident/high-without-nonconformity", "ref/unresolved"] });
    expectFindings(edit(minimalIsms(), "incidents.yaml", "    severity: low", "    severity: critical\n    risks: [R-001]"), { rules: ["incident/high-without-nonconformity", "ref/unresolved"] });
    expectFindings(edit(minimalIsms(), "incidents.yaml", "    severity: low", "    severity: medium"), { rules: ["incident/high-without-nonconformity"] });
  });
});
