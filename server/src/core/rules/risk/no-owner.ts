import type { Node } from "yaml";
import { hasContent } from "../../model/yaml-reader";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the missing field and the first person ids of the ISMS. */
const data = shape({ missing: list(text), candidates: list(text) });
export type NoOwnerData = DataOf<typeof data>;

/** `risk/no-owner`: a risk without a risk owner. */
export const rule: Rule<NoOwnerData> = {
  id: "risk/no-owner",
  severity: "error",
  clause: "6.1.2 c 2",
  reads: ["people", "risks"],
  perRecord: "risks",
  description: "A risk names no risk owner accountable for managing it.",
  docs: `6.1.2 c 2 requires a risk owner for every identified risk: the person with the accountability
and authority to manage it, who approves its treatment plan and accepts its residual risk
(6.1.3 f). A risk without an owner is a risk nobody manages; auditors check that every line of the
register names one.

An \`owner\` that names no person of \`isms.yaml\` is reported by \`ref/unresolved\`.

6.1.2 reads: "The organization shall define and apply an information security risk assessment process that: … c) identifies the information security risks: … 2) identifies the risk owners".

**Fix:** add \`owner: <person id>\` (the quick-fix offers the people of \`isms.yaml\`).`,
  data,
  check({ model, report }) {
    const people = model.people.flatMap((p) => (p.id ? [p.id.value] : []));
    for (const risk of model.risks) {
      if (risk.owner || hasContent(risk.node.get("owner", true) as Node | undefined)) continue;
      const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
      report({
        file: risk.file,
        range: risk.id?.range ?? risk.range,
        message: `${name} has no owner: name the person accountable for managing it (owner: <person id>, 6.1.2 c 2).`,
        data: { missing: ["owner"], candidates: people.slice(0, 10) },
      });
    }
  },
};
