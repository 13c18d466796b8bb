import { compareDates } from "../../dates";
import type { Rule } from "../rule";
import { oneOf, optional, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the measure, the date of the result and why it is implausible. */
const data = shape({ id: optional(text), date: text, reason: oneOf("future", "before-established") });
export type ImplausibleResultDateData = DataOf<typeof data>;

/** `measurement/implausible-result-date`: a result dated before its measure was established, or after today. */
export const rule: Rule<ImplausibleResultDateData> = {
  id: "measurement/implausible-result-date",
  severity: "warning",
  clause: "9.1",
  reads: ["measures", "today"],
  perRecord: "measures",
  description: "A result of a measure is dated before the measure's established date, or after today.",
  docs: `Checks the \`date\` of every result of every measure: it must not be before the measure's
\`established\` date (the measure did not exist yet) nor after today (a result not yet taken).

> **9.1** […] Documented information shall be available as evidence of the results.

Evidence with impossible dates is the first thing an auditor questions, and it undermines every
other result of the plan. Such a result is not counted by \`measurement/overdue\`.

**Fix:** correct the result's date, or the measure's \`established\` date.`,
  data,
  check({ model, today, report }) {
    for (const measure of model.measures) {
      const name = measure.id ? `measure ${measure.id.value}` : "this measure";
      for (const result of measure.results) {
        const date = result.date;
        if (!date) continue;
        if (compareDates(date.value, today) > 0) {
          report({
            file: result.file,
            range: date.range,
            message: `This result of ${name} is dated ${date.value}, after today (${today}): record results once they are taken (9.1).`,
            data: { id: measure.id?.value, date: date.value, reason: "future" },
          });
        } else if (measure.established && compareDates(date.value, measure.established.value) < 0) {
          report({
            file: result.file,
            range: date.range,
            message: `This result of ${name} is dated ${date.value}, before the measure was established on ${measure.established.value}: correct the date of the result or of the measure (9.1).`,
            related: [{ file: measure.file, range: measure.established.range, message: "Established here." }],
            data: { id: measure.id?.value, date: date.value, reason: "before-established" },
          });
        }
      }
    }
  },
};
