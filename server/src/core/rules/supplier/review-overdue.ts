import { addMonths, compareDates, daysBetween, pluralDays } from "../../dates";
import { MAX_CADENCE_MONTHS } from "../../model/convert/isms-definition";
import type { Rule } from "../rule";
import { nullable, optional, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the supplier, its last review (null when none) and when the next was due. */
const data = shape({ id: optional(text), lastDate: nullable(text), due: optional(text) });
export type SupplierReviewOverdueData = DataOf<typeof data>;

/** `supplier/review-overdue`: a supplier's last review is older than its review period. */
export const rule: Rule<SupplierReviewOverdueData> = {
  id: "supplier/review-overdue",
  severity: "warning",
  clause: "A.5.22",
  reads: ["suppliers", "today"],
  perRecord: "suppliers",
  description: "A supplier's last review is older than its review_months (default 12), or it was never reviewed.",
  docs: `Checks every supplier of every SupplierRegister: \`reviewed\` plus \`review_months\` (default
12) must not be before today. A supplier without \`reviewed\` is reported as never reviewed. A
review dated after today is \`supplier/review-in-future\`'s finding, not this one.

> **A.5.22 Monitoring, review and change management of supplier services** The organization shall
> regularly monitor, review, evaluate and manage change in supplier information security practices
> and service delivery.

**Fix:** review the supplier (reports, certificates such as SOC 2 or ISO/IEC 27001, incidents,
changes) and record the date under \`reviewed\`.`,
  data,
  check({ model, today, report }) {
    for (const supplier of model.suppliers) {
      const name = supplier.id ? `Supplier ${supplier.id.value}` : "This supplier";
      const reviewed = supplier.reviewed;
      if (!reviewed) {
        if (supplier.node.get("reviewed") !== undefined) continue; // an unreadable date: schema/invalid
        report({
          file: supplier.file,
          range: supplier.id?.range ?? supplier.range,
          message: `${name} has no recorded review: review its service delivery and security practices and record the date under reviewed (A.5.22).`,
          data: { id: supplier.id?.value, lastDate: null },
        });
        continue;
      }
      if (compareDates(reviewed.value, today) > 0) continue; // supplier/review-in-future
      const written = supplier.reviewMonths?.value;
      const months = written !== undefined && Number.isInteger(written) && written >= 1 && written <= MAX_CADENCE_MONTHS ? written : 12;
      const due = addMonths(reviewed.value, months);
      if (compareDates(due, today) >= 0) continue;
      report({
        file: supplier.file,
        range: reviewed.range,
        message: `${name} was last reviewed on ${reviewed.value}; reviewed every ${months === 1 ? "month" : `${months} months`}, the next review was due on ${due}, ${pluralDays(daysBetween(due, today))} ago (A.5.22).`,
        data: { id: supplier.id?.value, lastDate: reviewed.value, due },
      });
    }
  },
};
