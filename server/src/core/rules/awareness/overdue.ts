import { addMonths, compareDates, daysBetween, pluralDays } from "../../dates";
import { cadenceAnchor } from "../../model/cadence";
import type { AwarenessActivity, Value } from "../../model/types";
import type { LocalDate } from "../../dates";
import type { Rule } from "../rule";
import { nullable, optional, shape, text, type DataOf } from "../data-shape";

/** Months within which an awareness activity is expected. */
const AWARENESS_MONTHS = 12;

/** `data` of its findings: the date of the last activity (null when none) and when the next was due. */
const data = shape({ lastDate: nullable(text), due: optional(text) });
export type AwarenessOverdueData = DataOf<typeof data>;

/** `awareness/overdue`: no awareness activity completed within the last 12 months. */
export const rule: Rule<AwarenessOverdueData> = {
  id: "awareness/overdue",
  severity: "warning",
  clause: "7.3",
  reads: ["documents", "awareness", "today"],
  description: "No awareness activity of a CompetenceRegister was completed within the last 12 months.",
  docs: `Looks at the \`awareness\` activities of every CompetenceRegister: the latest \`completed\`
date on or before today must be less than 12 months ago. Activities dated after today do not count.

> **7.3 Awareness** Persons doing work under the organization's control shall be aware of: a) the
> information security policy; b) their contribution to the effectiveness of the information
> security management system, including the benefits of improved information security
> performance; and c) the implications of not conforming with the information security management
> system requirements.

Annex A control A.6.3 asks for awareness, education and training "regularly"; auditors expect an
annual cycle at least and ask for the completion records.

The finding is on the \`kind\` of the CompetenceRegister (or of \`isms.yaml\` when there is none).

**Fix:** run the awareness activity and record it with its \`completed\` date and \`completion_rate\`.`,
  data,
  check({ model, today, report }) {
    let latest: (AwarenessActivity & { completed: Value<LocalDate> }) | undefined;
    for (const activity of model.awareness) {
      const done = activity.completed;
      if (!done || compareDates(done.value, today) > 0) continue;
      if (!latest || compareDates(done.value, latest.completed.value) > 0) latest = activity as AwarenessActivity & { completed: Value<LocalDate> };
    }
    const due = latest ? addMonths(latest.completed.value, AWARENESS_MONTHS) : undefined;
    if (due && compareDates(today, due) <= 0) return;
    const anchor = cadenceAnchor(model, "CompetenceRegister", latest?.file);
    if (!anchor) return;
    if (latest && due) {
      report({
        ...anchor,
        message: `Awareness is overdue by ${pluralDays(daysBetween(due, today))}: the last activity${latest.id ? `, ${latest.id.value},` : ""} was completed on ${latest.completed.value}. Run and record the next one (7.3, A.6.3).`,
        related: [{ file: latest.file, range: latest.completed.range, message: "Last awareness activity." }],
        data: { lastDate: latest.completed.value, due },
      });
      return;
    }
    report({
      ...anchor,
      message: `No awareness activity is recorded as completed: record one under awareness in a CompetenceRegister, with its completed date (7.3, A.6.3).`,
      data: { lastDate: null },
    });
  },
};
