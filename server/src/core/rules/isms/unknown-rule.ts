import { isMap, isScalar } from "yaml";
import { findSuppressions } from "../../suppressions";
import { closestIds } from "../../text/closest";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** A well-formed rule id; other keys of `rules:` are schema/invalid's. */
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

/** `data` of its findings: the rule id written and the closest known ids. */
const data = shape({ id: text, candidates: list(text) });
export type UnknownRuleData = DataOf<typeof data>;

/** `isms/unknown-rule`: a rule setting or suppression that names no rule. */
export const rule: Rule<UnknownRuleData> = {
  id: "isms/unknown-rule",
  severity: "warning",
  clause: "7.5.2",
  reads: ["definitions", "files"],
  description: "A rule id in isms.yaml rules: or in an # isms-disable-next-line comment is not the id of any check, so the setting does nothing.",
  docs: `Rule settings (\`rules:\` in \`isms.yaml\`) and inline suppressions
(\`# isms-disable-next-line <rule> -- <reason>\`) name checks by id. A misspelt or retired id
matches nothing: the severity override is ignored, and the suppression silences nothing, so the
finding it was meant to silence is still reported, or a gap that was deliberately accepted
appears to be unaccounted for. The message suggests the closest known id. \`all\` is accepted in
suppressions.

7.5.2 reads: "When creating and updating documented information the organization shall ensure appropriate: a) identification and description …; b) format … and media …; and c) review and approval for suitability and adequacy."

**Fix:** correct the id (see the rules list of the documentation), or remove the setting or the
suppression if the check no longer exists.`,
  fileLevel: true,
  data,
  check({ model, ruleIds, report }) {
    const hint = (id: string) => {
      const candidates = closestIds(id, ruleIds);
      return { candidates, text: candidates.length > 0 ? ` Did you mean ${candidates.join(", ")}?` : "" };
    };

    const isms = model.isms;
    const rules = isms?.node.get("rules", true);
    if (isms && isMap(rules)) {
      for (const pair of rules.items) {
        if (!isScalar(pair.key) || typeof pair.key.value !== "string") continue;
        const id = pair.key.value;
        if (!RULE_ID.test(id) || ruleIds.has(id)) continue;
        const { candidates, text } = hint(id);
        const [start, end] = pair.key.range ?? [0, 0];
        report({
          file: isms.file,
          range: model.files.find((f) => f.file === isms.file)?.lines.rangeOf(start, end) ?? isms.range,
          message: `No check has the id ${id}, so this setting in rules: does nothing.${text}`,
          data: { id, candidates },
        });
      }
    }

    for (const file of model.files) {
      for (const s of findSuppressions(file)) {
        for (const id of s.rules) {
          if (id === "all" || ruleIds.has(id)) continue;
          const { candidates, text } = hint(id);
          report({
            file: s.file,
            range: s.range,
            message: `No check has the id ${id}, so this suppression silences nothing for it.${text}`,
            data: { id, candidates },
          });
        }
      }
    }
  },
};
