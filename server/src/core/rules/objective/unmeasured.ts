import type { Rule } from "../rule";
import { shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the objective no measure tracks. */
const data = shape({ id: text });
export type UnmeasuredData = DataOf<typeof data>;

/** `objective/unmeasured`: an objective that no measure of a monitoring plan tracks. */
export const rule: Rule<UnmeasuredData> = {
  id: "objective/unmeasured",
  severity: "info",
  clause: "6.2 d",
  reads: ["objectives", "measures"],
  description: "No measure of a MonitoringPlan names this objective under objective.",
  docs: `Reports every objective that no measure of a MonitoringPlan tracks (\`objective: <id>\`).
Only when the ISMS has a MonitoringPlan with measures (without one, \`measurement/none\` reports
it) and every measure's \`objective\` can be read (otherwise the schema finding comes first).

> **6.2** The information security objectives shall: […] b) be measurable (if practicable); […]
> d) be monitored.

An objective with no measure behind it is monitored by opinion; linking it to a measure makes the
results of 9.1 the evidence of 6.2 d (and of 9.3.2 d 4 in the management review).

**Fix:** add \`objective: <id>\` to the measure that tracks it, or add a measure for it.`,
  data,
  check({ model, report }) {
    if (model.measures.length === 0) return; // measurement/none
    // A measure whose objective cannot be read may track any objective: schema/invalid reports it.
    if (model.measures.some((m) => !m.objective && m.node.get("objective") !== undefined)) return;
    const measured = new Set(model.measures.flatMap((m) => (m.objective ? [m.objective.id] : [])));
    for (const objective of model.objectives) {
      if (!objective.id || measured.has(objective.id.value)) continue;
      report({
        file: objective.file,
        range: objective.id.range,
        message: `Objective ${objective.id.value} is tracked by no measure of the monitoring plan: name it under objective of the measure that monitors it (6.2 d, 9.1).`,
        data: { id: objective.id.value },
      });
    }
  },
};
