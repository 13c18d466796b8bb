import type { Rule } from "../rule";
import { optional, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the incident. */
const data = shape({ id: optional(text) });
export type NoLessonsLearnedData = DataOf<typeof data>;

/** `incident/no-lessons-learned`: a closed incident without lessons learned. */
export const rule: Rule<NoLessonsLearnedData> = {
  id: "incident/no-lessons-learned",
  severity: "warning",
  clause: "A.5.27",
  reads: ["incidents"],
  perRecord: "incidents",
  description: "A closed incident of the IncidentLog records no lessons_learned.",
  docs: `Checks every incident with \`status: closed\`: it must record \`lessons_learned\`.

> **A.5.27 Learning from information security incidents** Knowledge gained from information
> security incidents shall be used to strengthen and improve the information security controls.

Auditors sample closed incidents and ask what changed because of them; "nothing learned" is an
answer only when it is written down and reasoned.

**Fix:** record what was learned and what was changed (or why nothing needed to change) under
\`lessons_learned\`.`,
  data,
  check({ model, report }) {
    for (const incident of model.incidents) {
      if (incident.status?.value !== "closed" || incident.lessonsLearned) continue;
      const name = incident.id ? `Incident ${incident.id.value}` : "This incident";
      report({
        file: incident.file,
        range: incident.status.range,
        message: `${name} is closed without lessons learned: record what was learned and which controls were strengthened (A.5.27).`,
        data: { id: incident.id?.value },
      });
    }
  },
};
