import { isScalar } from "yaml";
import type { Measure } from "../../model/types";
import type { Rule } from "../rule";
import { list, optional, shape, text, type DataOf } from "../data-shape";

/** The fields 9.1 a-f asks to determine for each measure, with the letter of the clause. */
const REQUIRED: { key: string; letter: string; has: (m: Measure) => boolean }[] = [
  { key: "what", letter: "a", has: (m) => !!m.what },
  { key: "method", letter: "b", has: (m) => !!m.method },
  { key: "frequency_months", letter: "c", has: (m) => !!m.frequencyMonths },
  { key: "measured_by", letter: "d", has: (m) => !!m.measuredBy },
  { key: "analysed_months", letter: "e", has: (m) => !!m.analysedMonths },
  { key: "evaluated_by", letter: "f", has: (m) => !!m.evaluatedBy },
];

/** `data` of its findings: the measure and the fields of 9.1 a-f it lacks. */
const data = shape({ id: optional(text), missing: list(text) });
export type MeasurementIncompleteData = DataOf<typeof data>;

/** `measurement/incomplete`: a measure that leaves one of 9.1 a-f undetermined. */
export const rule: Rule<MeasurementIncompleteData> = {
  id: "measurement/incomplete",
  severity: "warning",
  clause: "9.1 a-f",
  reads: ["measures"],
  perRecord: "measures",
  description: "A measure of the MonitoringPlan lacks what, method, frequency, who measures, when results are analysed or who evaluates them.",
  docs: `Checks every measure of every MonitoringPlan for the six things 9.1 asks to determine, and
reports one finding per measure listing all that are missing:

> The organization shall determine: a) what needs to be monitored and measured […]; b) the methods
> for monitoring, measurement, analysis and evaluation […]; c) when the monitoring and measuring
> shall be performed; d) who shall monitor and measure; e) when the results from monitoring and
> measurement shall be analysed and evaluated; and f) who shall analyse and evaluate these results.

| 9.1 | field |
|---|---|
| a | \`what\` |
| b | \`method\` |
| c | \`frequency_months\` |
| d | \`measured_by\` |
| e | \`analysed_months\` |
| f | \`evaluated_by\` |

A value of the wrong type (a text for \`frequency_months\`) is the schema's finding, not this one.

**Fix:** fill in the missing fields of the measure.`,
  data,
  check({ model, report }) {
    for (const measure of model.measures) {
      const missing = REQUIRED.filter((f) => !f.has(measure) && !present(measure, f.key));
      if (missing.length === 0) continue;
      const name = measure.id ? `Measure ${measure.id.value}` : "This measure";
      report({
        file: measure.file,
        range: measure.id?.range ?? measure.range,
        message: `${name} does not determine ${missing.map((f) => `${f.key} (9.1 ${f.letter})`).join(", ")}.`,
        data: { id: measure.id?.value, missing: missing.map((f) => f.key) },
      });
    }
  },
};

/** True when the key is written with a value the model could not read (the schema reports it). */
function present(measure: Measure, key: string): boolean {
  const value: unknown = measure.node.get(key, true);
  if (value === undefined || value === null) return false;
  return !isScalar(value) || (value.value !== null && String(value.value).trim() !== "");
}
