import type { Rule } from "../rule";
import { optional, shape, text, type DataOf } from "../data-shape";

/** Severities that call for a nonconformity or a risk review once the incident is closed. */
const SERIOUS = new Set(["high", "critical"]);

/** `data` of its findings: the incident and its severity. */
const data = shape({ id: optional(text), severity: text });
export type HighWithoutNonconformityData = DataOf<typeof data>;

/** `incident/high-without-nonconformity`: a closed high or critical incident with neither a nonconformity nor a risk review. */
export const rule: Rule<HighWithoutNonconformityData> = {
  id: "incident/high-without-nonconformity",
  severity: "warning",
  clause: "10.2, A.5.26",
  reads: ["incidents"],
  description: "A closed incident of high or critical severity names neither a nonconformity nor a risk it led to review.",
  docs: `Checks every closed incident of severity \`high\` or \`critical\`: it must name the
\`nonconformity\` raised for it or the \`risks\` reviewed because of it.

> **10.2** When a nonconformity occurs, the organization shall: a) react to the nonconformity […];
> b) evaluate the need for action to eliminate the causes of nonconformity […].
>
> **A.5.26 Response to information security incidents** Information security incidents shall be
> responded to in accordance with the documented procedures.

A serious incident almost always shows a control that did not work: either a nonconformity with a
root cause and corrective action, or at least a reassessed risk. Closing it with neither leaves the
cause in place.

**Fix:** raise a nonconformity (\`nonconformity: NC-…\`) or name the risks reassessed
(\`risks: [R-…]\`).`,
  data,
  check({ model, report }) {
    for (const incident of model.incidents) {
      if (incident.status?.value !== "closed" || !incident.severity || !SERIOUS.has(incident.severity.value)) continue;
      if (incident.nonconformity || incident.risks.length > 0) continue;
      const name = incident.id ? `Incident ${incident.id.value}` : "This incident";
      report({
        file: incident.file,
        range: incident.severity.range,
        message: `${name} (${incident.severity.value}) is closed with neither a nonconformity nor a risk review: raise a nonconformity for its cause or reassess the risks it revealed (10.2, A.5.26).`,
        data: { id: incident.id?.value, severity: incident.severity.value },
      });
    }
  },
};
