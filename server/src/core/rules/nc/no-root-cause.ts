import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the nonconformity's id and the missing field. */
const data = shape({ id: optional(text), missing: list(text) });
export type NoRootCauseData = DataOf<typeof data>;

/** `nc/no-root-cause`: an open nonconformity whose cause has not been determined. */
export const rule: Rule<NoRootCauseData> = {
  id: "nc/no-root-cause",
  severity: "warning",
  clause: "10.2 b",
  reads: ["nonconformities"],
  perRecord: "nonconformities",
  description: "A nonconformity records no root cause (root_cause).",
  docs: `Checks that every nonconformity that is not closed records its \`root_cause\`. Closed
nonconformities are checked by \`nc/closed-incomplete\`, which lists everything a closure lacks.

ISO/IEC 27001 requires the organization to evaluate the need to eliminate the cause of a
nonconformity by reviewing it and determining its causes (10.2 b 1, 2). Without a root cause the
corrective action treats a symptom, and the nonconformity comes back; auditors check that the
cause analysis exists and that the corrective action addresses it.

10.2 reads: "When a nonconformity occurs, the organization shall: … b) evaluate the need for action to eliminate the cause(s) of nonconformity, in order that it does not recur or occur elsewhere, by: 1) reviewing the nonconformity; 2) determining the causes of the nonconformity; and 3) determining if similar nonconformities exist, or could potentially occur".

**Fix:** analyse the nonconformity (e.g. 5 whys, fishbone) and record \`root_cause:\` in a sentence
or two.`,
  data,
  check({ model, report }) {
    for (const nc of model.nonconformities) {
      if (nc.rootCause || nc.status?.value === "closed") continue;
      const name = nc.id ? `Nonconformity ${nc.id.value}` : "This nonconformity";
      report({
        file: nc.file,
        range: nc.id?.range ?? nc.range,
        message: `${name} has no root cause: analyse why it happened and record root_cause, so the corrective action removes the cause (10.2 b).`,
        data: { id: nc.id?.value, missing: ["root_cause"] },
      });
    }
  },
};
