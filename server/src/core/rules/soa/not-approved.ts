import type { Node } from "yaml";
import { hasContent } from "../../model/yaml-reader";
import { compareDates, daysBetween, pluralDays } from "../../dates";
import { anyOf, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: what the approval lacks, or its date in the future and today. */
const data = anyOf(shape({ missing: list(text) }), shape({ date: text, today: text }));
export type NotApprovedData = DataOf<typeof data>;

/** `soa/not-approved`: a Statement of Applicability document without a dated approval. */
export const rule: Rule<NotApprovedData> = {
  id: "soa/not-approved",
  severity: "warning",
  clause: "7.5.2 c",
  reads: ["documents", "statements", "today"],
  description: "A Statement of Applicability has no approval (error), or its approval lacks a person or a date or is dated in the future (warning).",
  docs: `The Statement of Applicability is documented information the standard requires (6.1.3 d), and
7.5.2 reads: "When creating and updating documented information the organization shall ensure
appropriate: … c) review and approval for suitability and adequacy." Together with the risk
treatment plan it is what the risk owners approve (6.1.3 f). An SoA with no approval at all is an
**error**; an approval without a person or a date, or dated in the future, is a warning. Auditors ask who approved the current SoA and when: a draft nobody
signed off is not yet the organization's statement. An approval dated after today has not
happened yet.

Every \`StatementOfApplicability\` document is checked, since each part of a split SoA is approved
on its own. Approvals whose \`by\` names no person are reported by \`ref/unresolved\`.

**Fix:** add \`approved: { by: <person id>, date: YYYY-MM-DD }\` with the person who approved this
version (top management or the ISMS owner) and the date of the approval.`,
  data,
  check({ model, today, report }) {
    for (const statement of model.statements) {
      const approved = statement.approved;
      if (!approved) {
        const kindRange = model.documents.find((d) => d.root === statement.node)?.kindRange;
        report({
          file: statement.file,
          range: kindRange ?? statement.range,
          severity: "error",
          message: "This Statement of Applicability is not approved: add approved: { by: <person id>, date: YYYY-MM-DD } for the version in force (7.5.2 c, 6.1.3 f).",
          data: { missing: ["approved"] },
        });
        continue;
      }
      // A value that is present but unreadable (an impossible date) is reported by schema/invalid.
      const missing = ["by", "date"].filter((key) => !hasContent(approved.node.get(key, true) as Node | undefined));
      if (missing.length > 0) {
        const words = missing.map((m) => (m === "by" ? "who approved it (by)" : "when (date)")).join(" or ");
        report({
          file: approved.file,
          range: approved.range,
          message: `The approval of this Statement of Applicability does not say ${words}: an approval needs both (7.5.2 c).`,
          data: { missing },
        });
      }
      if (approved.date && compareDates(approved.date.value, today) > 0) {
        const days = daysBetween(today, approved.date.value);
        report({
          file: approved.file,
          range: approved.date.range,
          message: `This Statement of Applicability is approved on ${approved.date.value}, ${pluralDays(days)} from today: an approval cannot be in the future; record the date it was actually approved.`,
          data: { date: approved.date.value, today },
        });
      }
    }
  },
};
