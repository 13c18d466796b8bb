import { modelIndex } from "../../model/model-index";
import { optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./finding-without-nonconformity.fix";

const NONCONFORMING = new Set(["major", "minor"]);

/** `data` of its findings: the audit finding's id, its audit's id and its type. */
const data = shape({ id: optional(text), audit: optional(text), type: optional(text) });
export type FindingWithoutNonconformityData = DataOf<typeof data>;

/** `audit/finding-without-nonconformity`: a major or minor audit finding with no nonconformity raised. */
export const rule: Rule<FindingWithoutNonconformityData> = {
  id: "audit/finding-without-nonconformity",
  severity: "error",
  clause: "10.2",
  reads: ["audits", "findings", "nonconformities"],
  description: "A major or minor audit finding has no nonconformity raised for it.",
  docs: `Checks that every audit finding of \`type: major\` or \`type: minor\` names the nonconformity
raised for it (\`nonconformity: <NC id>\`), or that a nonconformity of the NonconformityLog names
the finding as its \`source\`.

A major or minor finding is a nonconformity: the organization must react to it, find its cause,
take corrective action and review its effectiveness (10.2 a-d), and keep evidence of all that
(10.2 f, g). A finding that never enters the nonconformity log is never corrected, and the next
audit will find it again, together with a nonconformity against 10.2. Observations and
opportunities for improvement need no nonconformity.

A nonconformity id that names no nonconformity is reported by \`ref/unresolved\`.

10.2 reads: "When a nonconformity occurs, the organization shall: a) react to the nonconformity, and as applicable: 1) take action to control and correct it; 2) deal with the consequences".

**Fix:** add the nonconformity to the NonconformityLog (\`source: <finding id>\`) and write
\`nonconformity: <NC id>\` on the finding.`,
  data,
  fixes,
  check({ model, report }) {
    for (const finding of model.findings) {
      const type = finding.type?.value;
      if (!type || !NONCONFORMING.has(type) || finding.nonconformity) continue;
      if (modelIndex(model).nonconformitiesFrom(finding).length > 0) continue;
      const name = finding.id ? `Finding ${finding.id.value}` : "This finding";
      const of = finding.audit.id ? ` of ${finding.audit.id.value}` : "";
      report({
        file: finding.file,
        range: finding.id?.range ?? finding.type!.range,
        message: `${name}${of} is a ${type} nonconformity but no nonconformity is raised for it: add one to the NonconformityLog and write nonconformity: <NC id> here (10.2).`,
        data: { id: finding.id?.value, audit: finding.audit.id?.value, type },
      });
    }
  },
};
