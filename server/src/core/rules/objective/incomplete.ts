import type { Objective } from "../../model/types";
import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { written } from "../anchors";

/** Words that make a target measurable without a number ("zero critical incidents", "all staff"). */
const QUANTITY_WORDS = /\b(zero|none|no|all|every|each|never|always)\b/i;

const PARTS: { key: keyof Objective & string; field: string; words: string }[] = [
  { key: "target", field: "target", words: "a measurable target (6.2 b)" },
  { key: "measure", field: "measure", words: "how it is measured and monitored (measure, 6.2 d)" },
  { key: "owner", field: "owner", words: "who is responsible (owner, 6.2 j)" },
  { key: "due", field: "due", words: "when it will be completed (due, 6.2 k)" },
  { key: "evaluation", field: "evaluation", words: "how the results will be evaluated (evaluation, 6.2 l)" },
];

/** `data` of its findings: the objective and what it lacks (`target`, `measurable target`, `measure`, `owner`, `due`, `evaluation`). */
const data = shape({ objective: optional(text), missing: list(text) });
export type ObjectiveIncompleteData = DataOf<typeof data>;

/** `objective/incomplete`: an objective that cannot be measured, monitored or followed up (6.2). */
export const rule: Rule<ObjectiveIncompleteData> = {
  id: "objective/incomplete",
  severity: "warning",
  clause: "6.2 b, d, j, k, l",
  reads: ["objectives"],
  perRecord: "objectives",
  data,
  description: "An information security objective lacks a measurable target, a measure, an owner, a due date or an evaluation method.",
  docs: `ISO/IEC 27001:2022 6.2: "The information security objectives shall: … b) be measurable (if
practicable); … d) be monitored" and "When planning how to achieve its information security
objectives, the organization shall determine: … j) who will be responsible; k) when it will be
completed; and l) how the results will be evaluated." Auditors pick an objective and ask for its
target, the measurement, the owner, the deadline and the last evaluation: an objective that cannot
be measured cannot show the ISMS is effective.

This rule reports an objective (not cancelled) once, listing what is missing of \`target\`,
\`measure\`, \`owner\`, \`due\` and \`evaluation\`. A target with no number and no quantity word
("zero", "all", "every", "no", …) is not measurable. A value of the wrong type (an impossible
date) is \`schema/invalid\`'s finding, not a missing one.

**Fix:** complete the objective, e.g. \`target: "below 3 % by year end"\`, \`measure: quarterly
phishing simulation click rate\`, \`owner: ciso\`, \`due: 2027-03-31\`, \`evaluation: reviewed
quarterly by the ISMS manager and reported to management review\`.`,
  check({ model, report }) {
    for (const objective of model.objectives) {
      if (objective.status?.value === "cancelled") continue;
      const missing: string[] = [];
      const words: string[] = [];
      for (const part of PARTS) {
        if (objective[part.key] || written(objective, part.field)) continue;
        missing.push(part.field);
        words.push(part.words);
      }
      const target = objective.target?.value;
      if (target !== undefined && !/\d/.test(target) && !QUANTITY_WORDS.test(target)) {
        missing.unshift("measurable target");
        words.unshift(`a measurable target ("${target.trim()}" has no number or quantity, 6.2 b)`);
      }
      if (missing.length === 0) continue;
      report({
        file: objective.file,
        range: objective.id?.range ?? objective.range,
        message: `Objective ${objective.id?.value ?? "(no id)"} does not give ${words.join(", ")}.`,
        data: { objective: objective.id?.value, missing },
      });
    }
  },
};
