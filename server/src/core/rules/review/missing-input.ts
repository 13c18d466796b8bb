import { isScalar } from "yaml";
import { compareDates } from "../../dates";
import type { Range } from "../../text/range";
import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** The management review inputs of 9.3.2, by key, with the words of the standard. */
export const REVIEW_INPUTS: { key: string; item: string; words: string }[] = [
  { key: "previous_actions", item: "a", words: "status of actions from previous management reviews" },
  { key: "context_changes", item: "b", words: "changes in external and internal issues" },
  { key: "interested_party_needs", item: "c", words: "changes in needs and expectations of interested parties" },
  { key: "performance.nonconformities", item: "d 1", words: "nonconformities and corrective actions" },
  { key: "performance.monitoring", item: "d 2", words: "monitoring and measurement results" },
  { key: "performance.audit_results", item: "d 3", words: "audit results" },
  { key: "performance.objectives", item: "d 4", words: "fulfilment of information security objectives" },
  { key: "interested_party_feedback", item: "e", words: "feedback from interested parties" },
  { key: "risk_assessment", item: "f", words: "results of risk assessment and status of risk treatment plan" },
  { key: "improvement_opportunities", item: "g", words: "opportunities for continual improvement" },
];

/**
 * The adequacy of resources for the ISMS (5.1 c, 7.1): not listed by 9.3.2, so a review without it
 * gets its own finding, always at warning (an auditor's observation, not a nonconformity of 9.3.2).
 */
export const RESOURCES_INPUT = { key: "resources", clauses: "5.1 c, 7.1", words: "adequacy of resources for the ISMS" };

/** `data` of its findings: the review's id and the keys of the missing inputs. */
const data = shape({ id: optional(text), missing: list(text) });
export type MissingInputData = DataOf<typeof data>;

/** `review/missing-input`: a management review that did not consider every input of 9.3.2. */
export const rule: Rule<MissingInputData> = {
  id: "review/missing-input",
  severity: "error",
  clause: "9.3.2",
  reads: ["reviews", "files", "today"],
  description: "A management review does not record every input required by 9.3.2 a-g.",
  docs: `Checks that every management review held (dated today or earlier, or undated) records
each input of 9.3.2 under \`inputs\`, with some content:

| key | 9.3.2 |
| --- | --- |
${REVIEW_INPUTS.map((i) => `| \`${i.key}\` | ${i.item}: ${i.words} |`).join("\n")}

The \`performance\` inputs are nested: \`performance: { nonconformities: …, monitoring: …,
audit_results: …, objectives: … }\`. One finding per review lists every missing input.

9.3.2 reads: "The management review shall include consideration of" each of these: auditors check the
minutes input by input, and a missing one (often interested-party changes, c, added in 2022, or
the risk treatment plan status, f) is a nonconformity.

\`resources\` (${RESOURCES_INPUT.words}, ${RESOURCES_INPUT.clauses}) is checked too, with its own
finding at **warning** whatever the rule's severity: 9.3.2 does not name it, but top management
"shall demonstrate leadership and commitment … by ensuring that the resources needed for the
information security management system are available" (5.1 c) and "the organization shall
determine and provide the resources needed" (7.1). The management review is where top management
is seen doing so, and certification auditors ask for it there (the management review input
"adequacy of resources" of ISO 9001 and ISO 14001 is the same expectation).

**Fix:** add the missing keys under \`inputs\` with what was presented and discussed; if there was
nothing to report, say so ("No changes since MR-2026-1").`,
  data,
  check({ model, today, report }) {
    for (const review of model.reviews) {
      if (review.date && compareDates(review.date.value, today) > 0) continue;
      const missing = REVIEW_INPUTS.filter((i) => !review.inputs.has(i.key));
      const name = review.id ? `Management review ${review.id.value}` : "This management review";
      let range: Range | undefined;
      const pair = review.node.items.find((p) => isScalar(p.key) && p.key.value === "inputs");
      const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
      const lines = model.files.find((f) => f.file === review.file)?.lines;
      if (keyNode?.range && lines) range = lines.rangeOf(keyNode.range[0], keyNode.range[1]);
      if (!review.inputs.has(RESOURCES_INPUT.key) && review.inputsNode) {
        report({
          file: review.file,
          range: range ?? review.id?.range ?? review.range,
          severity: "warning",
          message: `${name} does not record resources (${RESOURCES_INPUT.words}, ${RESOURCES_INPUT.clauses}). Add it under inputs.`,
          data: { id: review.id?.value, missing: [RESOURCES_INPUT.key] },
        });
      }
      if (missing.length === 0) continue;
      report({
        file: review.file,
        range: range ?? review.id?.range ?? review.range,
        message:
          missing.length === REVIEW_INPUTS.length
            ? `${name} records none of the management review inputs of 9.3.2: ${missing.map((m) => `${m.key} (${m.item}: ${m.words})`).join("; ")}. Add them under inputs.`
            : `${name} does not record ${missing.map((m) => `${m.key} (9.3.2 ${m.item}: ${m.words})`).join("; ")}. Add ${missing.length === 1 ? "it" : "them"} under inputs.`,
        data: { id: review.id?.value, missing: missing.map((i) => i.key) },
      });
    }
  },
};
