import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { marked } from "./register-helpers";

const RULE = "competence/missing-record";
const RECORD = "  - { person: auditor, role: ROLE-IA, evidence: training/auditor.pdf, date: 2025-01-10, expires: 2028-01-10 }";

describe("competence/missing-record", () => {
  it("is clean when every person in a role and every auditor has a valid record", () => {
    expectFindings(minimalIsms(), { rules: [RULE] });
  });
  it("reports a person named in a role without a record for it", () => {
    const files = edit(
      minimalIsms(),
      "competence.yaml",
      "    people: [auditor]",
      marked("    people: [auditor, ops]", "ops", RULE, "ops holds the role ROLE-IA (Internal auditor) but has no competence record"),
    );
    expectFindings(files);
  });
  it("reports a person whose only record has expired, and the auditor of a completed audit whose record was not valid then", () => {
    let files = edit(minimalIsms(), "competence.yaml", RECORD, RECORD.replace("expires: 2028-01-10", "expires: 2026-01-10"));
    files = edit(files, "competence.yaml", "    people: [auditor]", marked("    people: [auditor]", "auditor", RULE, "expired on 2026-01-10"));
    files = edit(
      files,
      "audits.yaml",
      "    auditor: auditor",
      marked("    auditor: auditor", "auditor", RULE, "auditor performed internal audit AUD-1, but the competence records for the internal auditor role were not valid on 2026-04-02"),
    );
    expectFindings(files);
  });
  it("reports the auditor of a completed audit when no role is an internal auditor role", () => {
    let files = edit(minimalIsms(), "competence.yaml", "    title: Internal auditor", "    title: Quality reviewer");
    files = edit(files, "competence.yaml", "  - id: ROLE-IA", "  - id: ROLE-QR");
    files = edit(files, "competence.yaml", "role: ROLE-IA", "role: ROLE-QR");
    files = edit(files, "audits.yaml", "    auditor: auditor", marked("    auditor: auditor", "auditor", RULE, "no role of a CompetenceRegister is an internal auditor role"));
    expectFindings(files);
  });
  it("does not report the auditor of a planned audit", () => {
    let files = edit(minimalIsms(), "competence.yaml", RECORD, "");
    files = edit(files, "competence.yaml", "    people: [auditor]", "    people: []");
    files = edit(files, "audits.yaml", "    status: completed", "    status: planned");
    expectFindings(files, { rules: [RULE] });
  });
});
