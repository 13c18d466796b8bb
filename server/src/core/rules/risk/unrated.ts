import type { Node } from "yaml";
import { hasContent } from "../../model/yaml-reader";
import { list, oneOf, shape, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./unrated.fix";

/** `data` of its findings: the ratings the risk lacks. */
const data = shape({ missing: list(oneOf("likelihood", "impact")) });
export type UnratedData = DataOf<typeof data>;

/** `risk/unrated`: a risk without a likelihood or an impact. */
export const rule: Rule<UnratedData> = {
  id: "risk/unrated",
  severity: "error",
  clause: "6.1.2 d",
  reads: ["risks"],
  perRecord: "risks",
  description: "A risk has no likelihood or no impact, so its level cannot be determined.",
  docs: `Risk analysis (6.1.2 d) assesses the potential consequences (impact) and the realistic
likelihood of every identified risk, and from them determines its level. A risk without both
ratings has no score: it cannot be compared with the acceptance criteria (6.1.2 e), so nobody can
tell whether it needs treatment. Auditors look for identified risks that were never analysed.

A value of the wrong type (\`likelihood: high\`) is reported by \`schema/invalid\` instead, and
ratings that are not levels of the scales by \`risk/rating-out-of-scale\`.

6.1.2 reads: "The organization shall define and apply an information security risk assessment process that: … d) analyses the information security risks: 1) assesses the potential consequences that would result if the risks identified in 6.1.2 c) 1) were to materialize; 2) assesses the realistic likelihood of the occurrence of the risks identified in 6.1.2 c) 1); and 3) determines the levels of risk".

**Fix:** add \`likelihood\` and \`impact\`, each a \`level\` of the scales in the RiskMethodology.`,
  data,
  fixes,
  check({ model, report }) {
    for (const risk of model.risks) {
      const absent = (key: "likelihood" | "impact") => !risk[key] && !hasContent(risk.node.get(key, true) as Node | undefined);
      const missing = (["likelihood", "impact"] as const).filter(absent);
      if (missing.length === 0) continue;
      const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
      report({
        file: risk.file,
        range: risk.id?.range ?? risk.range,
        message: `${name} has no ${missing.join(" and no ")}: rate it on the methodology's ${missing.join(" and ")} ${missing.length === 1 ? "scale" : "scales"} so its level can be determined (6.1.2 d).`,
        data: { missing },
      });
    }
  },
};
