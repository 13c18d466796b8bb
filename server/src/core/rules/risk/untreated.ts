import type { Node } from "yaml";
import { hasContent } from "../../model/yaml-reader";
import { count, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the risk's score, the acceptance threshold and the missing field. */
const data = shape({ score: count, threshold: count, missing: list(text) });
export type UntreatedData = DataOf<typeof data>;

/** `risk/untreated`: a risk above the acceptance threshold with no treatment option chosen. */
export const rule: Rule<UntreatedData> = {
  id: "risk/untreated",
  severity: "error",
  clause: "6.1.3 a",
  reads: ["methodologies", "risks"],
  perRecord: "risks",
  description: "A risk scores above the methodology's acceptance threshold and has no treatment.",
  docs: `Risks that do not meet the acceptance criteria (\`acceptance.max_score\` of the RiskMethodology,
6.1.2 a 1) must be treated: 6.1.3 a requires an appropriate treatment option to be selected for
each. A risk scored above the threshold with no \`treatment\` is an assessed risk that the ISMS
does nothing about, one of the first things an auditor looks for in the register.

The score is the one computed from the methodology (multiply or matrix). Risks at or below the
threshold, unrated risks (\`risk/unrated\`) and methodologies without \`acceptance.max_score\` are
not checked.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: a) select appropriate information security risk treatment options, taking account of the risk assessment results".

**Fix:** set \`treatment\` to \`mitigate\` (with \`controls\`), \`accept\` (with the owner's
\`acceptance\`), \`avoid\` or \`transfer\`.`,
  data,
  check({ model, report }) {
    const threshold = model.methodology?.acceptanceMaxScore?.value;
    if (threshold === undefined) return;
    for (const risk of model.risks) {
      if (risk.score === undefined || risk.score <= threshold) continue;
      if (risk.treatment || hasContent(risk.node.get("treatment", true) as Node | undefined)) continue; // an unknown treatment is schema/invalid's
      const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
      report({
        file: risk.file,
        range: risk.id?.range ?? risk.range,
        message: `${name} scores ${risk.score}${risk.level ? ` (${risk.level})` : ""}, above the acceptance threshold ${threshold}, and has no treatment: choose mitigate, accept, avoid or transfer (6.1.3 a).`,
        data: { score: risk.score, threshold, missing: ["treatment"] },
      });
    }
  },
};
