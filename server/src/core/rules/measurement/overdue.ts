import { addMonths, compareDates, daysBetween, pluralDays } from "../../dates";
import type { MeasureResult } from "../../model/types";
import type { Rule } from "../rule";
import { nullable, optional, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the measure, its latest result date (null when none) and when the next was due. */
const data = shape({ id: optional(text), lastDate: nullable(text), due: optional(text) });
export type MeasurementOverdueData = DataOf<typeof data>;

/** `measurement/overdue`: a measure with no result, or whose latest result is older than its frequency. */
export const rule: Rule<MeasurementOverdueData> = {
  id: "measurement/overdue",
  severity: "warning",
  clause: "9.1",
  reads: ["measures", "today"],
  perRecord: "measures",
  description: "A measure has no recorded result, or its latest result is older than its frequency_months.",
  docs: `Checks every measure of every MonitoringPlan: its latest result dated on or before today
must be less than \`frequency_months\` old. A measure with no result is reported, unless it was
\`established\` less than \`frequency_months\` ago (its first result is not due yet). A measure
without \`frequency_months\` is only checked for having a result (\`measurement/incomplete\`
reports the missing frequency).

> **9.1** […] Documented information shall be available as evidence of the results.

Auditors ask for the results of the measures the plan promises; a measure that is never taken is
monitoring on paper only.

**Fix:** take the measurement and record it under \`results\` with its \`date\` and \`value\`, or
change \`frequency_months\` to the frequency actually planned.`,
  data,
  check({ model, today, report }) {
    for (const measure of model.measures) {
      const name = measure.id ? `Measure ${measure.id.value}` : "This measure";
      const months =
        measure.frequencyMonths && Number.isInteger(measure.frequencyMonths.value) && measure.frequencyMonths.value >= 1 && measure.frequencyMonths.value <= 36
          ? measure.frequencyMonths.value
          : undefined;
      let latest: MeasureResult | undefined;
      for (const result of measure.results) {
        if (!result.date || compareDates(result.date.value, today) > 0) continue;
        if (!latest || compareDates(result.date.value, latest.date!.value) > 0) latest = result;
      }
      if (!latest) {
        if (measure.established && months && compareDates(addMonths(measure.established.value, months), today) >= 0) continue;
        report({
          file: measure.file,
          range: measure.id?.range ?? measure.range,
          message: `${name} has no recorded result: record its results as evidence (9.1).`,
          data: { id: measure.id?.value, lastDate: null },
        });
        continue;
      }
      if (!months) continue;
      const due = addMonths(latest.date!.value, months);
      if (compareDates(due, today) >= 0) continue;
      report({
        file: latest.file,
        range: latest.date!.range,
        message: `${name} was last measured on ${latest.date!.value}; measured every ${months === 1 ? "month" : `${months} months`}, the next result was due on ${due}, ${pluralDays(daysBetween(due, today))} ago (9.1 c).`,
        data: { id: measure.id?.value, lastDate: latest.date!.value, due },
      });
    }
  },
};
