import { compareDates } from "../../dates";
import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the review's id and the missing field. */
const data = shape({ id: optional(text), missing: list(text) });
export type NoDecisionsData = DataOf<typeof data>;

/** `review/no-decisions`: a management review that records no decisions. */
export const rule: Rule<NoDecisionsData> = {
  id: "review/no-decisions",
  severity: "error",
  clause: "9.3.3",
  reads: ["reviews", "today"],
  description: "A management review records no decisions.",
  docs: `Checks that every management review held (dated today or earlier, or undated) records at
least one entry under \`decisions\`.

9.3.3 reads: "The results of the management review shall include decisions related to continual
improvement opportunities and any needs for changes to the information security management
system. Documented information shall be available as evidence of the results of management
reviews." A
review without decisions shows that top management took note but did not direct the ISMS.

**Fix:** record the decisions taken (\`decisions: [...]\`), including "no change needed" decisions,
and link the resulting actions under \`actions\`.`,
  data,
  check({ model, today, report }) {
    for (const review of model.reviews) {
      if (review.decisions.length > 0) continue;
      if (review.date && compareDates(review.date.value, today) > 0) continue;
      const name = review.id ? `Management review ${review.id.value}` : "This management review";
      report({
        file: review.file,
        range: review.decisionsRange ?? review.id?.range ?? review.range,
        message: `${name} records no decisions: add decisions on continual improvement opportunities and any needed changes to the ISMS, even "no change needed" (9.3.3).`,
        data: { id: review.id?.value, missing: ["decisions"] },
      });
    }
  },
};
