import { edit, expectFindings } from "../../helpers/annotations";
import { minimalIsms } from "../../helpers/minimal-isms";
import { marked } from "./register-helpers";

const AGREEMENT = "    agreement: { path: contracts/hosting.pdf, date: 2025-01-10 }";
const assetsOf = (files: Record<string, string>) => edit(files, "suppliers.yaml", "    criticality: high", "    criticality: high\n    assets: [AS-1]");

describe("supplier/no-agreement", () => {
  it("reports a supplier holding assets with no agreement, at its id", () => {
    let files = assetsOf(minimalIsms());
    files = edit(files, "suppliers.yaml", `${AGREEMENT}\n`, "");
    files = edit(files, "suppliers.yaml", "  - id: SUP-1", marked("  - id: SUP-1", "SUP-1", "supplier/no-agreement", "holds or accesses AS-1 but no agreement is recorded"));
    expectFindings(files, { rules: ["supplier/no-agreement"] });
  });
  it("does not report a supplier with an agreement, or one that holds no assets", () => {
    expectFindings(assetsOf(minimalIsms()), { rules: ["supplier/no-agreement"] });
    expectFindings(edit(minimalIsms(), "suppliers.yaml", `${AGREEMENT}\n`, ""), { rules: ["supplier/no-agreement"] });
  });
});

describe("supplier/review-overdue", () => {
  it("reports a review older than review_months (default 12), not one due today", () => {
    expectFindings(
      edit(
        minimalIsms(),
        "suppliers.yaml",
        "    reviewed: 2026-04-01",
        marked("    reviewed: 2025-11-29", "2025-11-29", "supplier/review-overdue", "the next review was due on 2026-11-29, 1 day ago"),
      ),
    );
    expectFindings(edit(minimalIsms(), "suppliers.yaml", "    reviewed: 2026-04-01", "    reviewed: 2025-11-30"), { rules: ["supplier/review-overdue"] });
    expectFindings(
      edit(minimalIsms(), "suppliers.yaml", "    reviewed: 2026-04-01", `${marked("    reviewed: 2026-04-01", "2026-04-01", "supplier/review-overdue", "every 6 months")}\n    review_months: 6`),
    );
  });
  it("reports a supplier never reviewed at its id", () => {
    const files = edit(
      edit(minimalIsms(), "suppliers.yaml", "    reviewed: 2026-04-01\n", ""),
      "suppliers.yaml",
      "  - id: SUP-1",
      marked("  - id: SUP-1", "SUP-1", "supplier/review-overdue", "has no recorded review"),
    );
    expectFindings(files);
  });
});

describe("supplier/review-in-future", () => {
  it("reports a review dated after today, and only that finding", () => {
    const files = edit(minimalIsms(), "suppliers.yaml", "    reviewed: 2026-04-01", marked("    reviewed: 2027-04-01", "2027-04-01", "supplier/review-in-future", "after today (2026-11-30)"));
    expectFindings(files, { rules: ["supplier/review-in-future", "supplier/review-overdue"] });
  });
});
