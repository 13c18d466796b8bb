import { compareDates } from "../../dates";
import type { Person } from "../../model/types";
import { anyOf, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./no-top-management.fix";
import { keyAnchor } from "../anchors";

/** `data` of its findings: nobody marked top management; or the review and the people who are top management. */
const data = anyOf(shape({ reason: text }), shape({ review: optional(text), candidates: list(text) }));
export type NoTopManagementData = DataOf<typeof data>;

/** `review/no-top-management`: a management review held without top management (9.3.1). */
export const rule: Rule<NoTopManagementData> = {
  id: "review/no-top-management",
  severity: "error",
  clause: "9.3.1",
  reads: ["documents", "definitions", "people", "reviews", "files", "today"],
  data,
  fixes,
  description: "A management review that took place has no member of top management among its chair and attendees, or nobody in the ISMS is marked as top management.",
  docs: `ISO/IEC 27001:2022 9.3.1: "Top management shall review the organization's information security
management system at planned intervals to ensure its continuing suitability, adequacy and
effectiveness." A review held by the ISMS manager alone is not a management review: auditors
check the attendance list for top management.

Members of top management are the people of isms.yaml with \`top_management: true\`. This rule
reports:

- once, at \`people\` in isms.yaml, when nobody is marked \`top_management: true\` (nobody could
  have held a management review, approved the policy (5.2) or assigned the roles of 5.3);
- a review dated today or earlier whose \`chair\` and \`attendees\` are all people of the ISMS and
  none of them is top management. A review with an attendee that resolves to nobody is left to
  \`ref/unresolved\`.

**Fix:** mark the members of top management in \`people\` (\`top_management: true\`), and record
the top management members who attended in the review's \`attendees\`.`,
  check({ model, today, report }) {
    const isms = model.isms;
    if (!isms) return;
    const top = model.people.filter((p) => p.topManagement);
    if (top.length === 0) {
      report({
        file: isms.file,
        range: keyAnchor(model, isms, "people"),
        message:
          "Nobody in people is marked top_management: true: mark the members of top management, who review the ISMS (9.3.1), establish the information security policy (5.2) and assign the ISMS responsibilities (5.3).",
        data: { reason: "none-marked" },
      });
      return;
    }
    const candidates = top.flatMap((p) => (p.id ? [p.id.value] : []));
    for (const review of model.reviews) {
      if (!review.date || compareDates(review.date.value, today) > 0) continue; // not held yet
      if (review.attendees.some((a) => !a.resolved)) continue; // ref/unresolved
      if (review.attendees.some((a) => (a.resolved as Person).topManagement)) continue;
      report({
        file: review.file,
        range: review.id?.range ?? review.range,
        message: `Management review ${review.id?.value ?? "(no id)"} of ${review.date.value} lists nobody of top management among its chair and attendees (${candidates.join(", ")} are): top management shall review the ISMS (9.3.1).`,
        data: { review: review.id?.value, candidates },
      });
    }
  },
};
