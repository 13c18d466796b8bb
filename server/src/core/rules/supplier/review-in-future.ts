import { compareDates } from "../../dates";
import type { Rule } from "../rule";
import { optional, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the supplier and the future review date. */
const data = shape({ id: optional(text), date: text });
export type ReviewInFutureData = DataOf<typeof data>;

/** `supplier/review-in-future`: a supplier review dated after today. */
export const rule: Rule<ReviewInFutureData> = {
  id: "supplier/review-in-future",
  severity: "warning",
  clause: "A.5.22",
  reads: ["suppliers", "today"],
  perRecord: "suppliers",
  description: "A supplier's reviewed date is after today: a review cannot have happened yet.",
  docs: `Checks the \`reviewed\` date of every supplier: it records a review that took place, so it
cannot be after today. A planned review belongs in an action (or \`x-next-review\`).

> **A.5.22** The organization shall regularly monitor, review, evaluate and manage change in
> supplier information security practices and service delivery.

A future date hides whether the supplier was ever reviewed; \`supplier/review-overdue\` cannot
judge it, so this finding stands in its place.

**Fix:** write the date the last review actually took place.`,
  data,
  check({ model, today, report }) {
    for (const supplier of model.suppliers) {
      const reviewed = supplier.reviewed;
      if (!reviewed || compareDates(reviewed.value, today) <= 0) continue;
      const name = supplier.id ? `Supplier ${supplier.id.value}` : "This supplier";
      report({
        file: supplier.file,
        range: reviewed.range,
        message: `${name} is recorded as reviewed on ${reviewed.value}, after today (${today}): write the date of the last review that took place (A.5.22).`,
        data: { id: supplier.id?.value, date: reviewed.value },
      });
    }
  },
};
