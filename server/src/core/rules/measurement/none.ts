import { cadenceAnchor } from "../../model/cadence";
import type { Rule } from "../rule";
import { count, shape, type DataOf } from "../data-shape";

/** `data` of its findings: how many MonitoringPlan documents the ISMS has. */
const data = shape({ plans: count });
export type MeasurementNoneData = DataOf<typeof data>;

/** `measurement/none`: the ISMS has no monitoring plan, or its plans hold no measure. */
export const rule: Rule<MeasurementNoneData> = {
  id: "measurement/none",
  severity: "error",
  clause: "9.1",
  reads: ["documents", "monitoringPlans", "measures"],
  description: "The ISMS has no MonitoringPlan, or no MonitoringPlan holds a measure.",
  docs: `Reports an ISMS without any measure: no \`MonitoringPlan\` document, or only plans with no
\`measures\`.

> **9.1 Monitoring, measurement, analysis and evaluation** The organization shall determine:
> a) what needs to be monitored and measured, including information security processes and
> controls; b) the methods for monitoring, measurement, analysis and evaluation, as applicable, to
> ensure valid results. […] Documented information shall be available as evidence of the results.
> The organization shall evaluate the information security performance and the effectiveness of
> the information security management system.

Without determined measures there is nothing to evaluate performance or effectiveness with: an
auditor raises a nonconformity against 9.1.

The finding is on the \`kind\` of the MonitoringPlan (or of \`isms.yaml\` when there is none).

**Fix:** add a \`MonitoringPlan\` document with at least one measure: what, method,
frequency_months, measured_by, analysed_months, evaluated_by and its results.`,
  data,
  check({ model, report }) {
    if (model.measures.length > 0) return;
    const anchor = cadenceAnchor(model, "MonitoringPlan", undefined);
    if (!anchor) return;
    report({
      ...anchor,
      message:
        model.monitoringPlans.length > 0
          ? "The monitoring plan holds no measure: determine what is monitored and measured, how, when and by whom (9.1 a-f)."
          : "No monitoring plan: add a MonitoringPlan document that determines what is monitored and measured, how, when and by whom (9.1 a-f).",
      data: { plans: model.monitoringPlans.length },
    });
  },
};
