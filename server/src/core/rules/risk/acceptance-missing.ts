import type { Node } from "yaml";
import { compareDates, daysBetween, pluralDays } from "../../dates";
import { hasContent } from "../../model/yaml-reader";
import type { Person } from "../../model/types";
import { anyOf, count, flag, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

const FACTS = { risk: optional(text), score: count, threshold: count, residual: flag, owner: optional(text) };
/** `data` of its findings: the risk's id, score, the threshold, whether the score is residual and the owner; then what the acceptance lacks, who accepted it instead of the owner, or when it expired. */
const data = anyOf(shape({ ...FACTS, missing: list(text) }), shape({ ...FACTS, by: text, replacement: text }), shape({ ...FACTS, expires: text, daysExpired: count }));
export type AcceptanceMissingData = DataOf<typeof data>;

/** `risk/acceptance-missing`: a risk above the acceptance threshold that its owner has not validly accepted. */
export const rule: Rule<AcceptanceMissingData> = {
  id: "risk/acceptance-missing",
  severity: "error",
  clause: "6.1.3 f",
  reads: ["methodologies", "people", "risks", "today"],
  perRecord: "risks",
  description: "A risk retained, or a residual risk, above the acceptance threshold has no valid acceptance (by its owner or top management, dated, not expired).",
  docs: `6.1.3 f reads: the organization shall "obtain risk owners' approval of the information security
risk treatment plan and acceptance of the residual information security risks". A risk
within the acceptance criteria (score at or below \`acceptance.max_score\` of the RiskMethodology)
is accepted by those criteria; above them, the risk owner must accept it explicitly. This rule
reports:

- a risk with \`treatment: accept\` (or \`retain\`) that scores above the threshold, and
- a risk treated otherwise whose **residual** score is above the threshold,

when it has no \`acceptance\`, when the acceptance lacks \`by\` or \`date\`, when \`by\` is not the
risk's \`owner\` or a member of top management (\`top_management: true\` in \`people\`: someone
with the authority to accept the risk for the organization), or when \`expires\` is before today (an acceptance is
valid through its expiry date). Auditors sample accepted risks and ask for the owner's decision
and its date.

**Fix:** record \`acceptance: { by: <risk owner>, date: YYYY-MM-DD, expires: YYYY-MM-DD }\` once the
owner has accepted the risk, renew an expired acceptance after reviewing the risk, or treat the
risk further so that its residual score is within the criteria.`,
  data,
  check({ model, today, report }) {
    const threshold = model.methodology?.acceptanceMaxScore?.value;
    if (threshold === undefined) return;
    for (const risk of model.risks) {
      const treatment = risk.treatment?.value;
      if (!treatment) continue; // risk/untreated
      const name = risk.id ? `Risk ${risk.id.value}` : "This risk";
      const written = String(risk.node.get("treatment") ?? treatment);
      const residual = treatment !== "accept";
      const score = residual ? risk.residual?.score : risk.score;
      const level = residual ? risk.residual?.level : risk.level;
      if (score === undefined || score <= threshold) continue;
      const scored = residual
        ? `residual score ${score}${level ? ` (${level})` : ""} is above the acceptance threshold ${threshold}`
        : `is retained (treatment: ${written}) with a score of ${score}${level ? ` (${level})` : ""}, above the acceptance threshold ${threshold}`;
      const what = residual ? "the residual risk" : "the risk";
      const facts = { risk: risk.id?.value, score, threshold, residual, owner: risk.owner?.id };
      const acceptance = risk.acceptance;

      if (!acceptance) {
        report({
          file: risk.file,
          range: risk.id?.range ?? risk.range,
          message: `${residual ? `${name}'s` : name} ${scored}, and it has no acceptance: the risk owner must accept ${what} (acceptance: { by: ${risk.owner?.id ?? "<owner>"}, date: YYYY-MM-DD }, 6.1.3 f).`,
          data: { ...facts, missing: ["acceptance"] },
        });
        continue;
      }
      const missing = ["by", "date"].filter((key) => !hasContent(acceptance.node.get(key, true) as Node | undefined));
      if (missing.length > 0) {
        const words = missing.map((m) => (m === "by" ? "who accepted it (by)" : "when (date)")).join(" or ");
        report({
          file: acceptance.file,
          range: acceptance.range,
          message: `The acceptance of risk ${risk.id?.value ?? "(no id)"} does not say ${words}: the ${residual ? "risk's residual" : "risk's"} score ${score} is above the acceptance threshold ${threshold}, so the risk owner's dated acceptance is required (6.1.3 f).`,
          data: { ...facts, missing },
        });
      }
      const by = acceptance.by;
      const topManagement = by?.resolved?.recordKind === "person" && (by.resolved as Person).topManagement;
      if (by?.resolved && risk.owner?.resolved && by.id !== risk.owner.id && !topManagement) {
        report({
          file: by.file,
          range: by.range,
          message: `${name} was accepted by ${by.id}, who is neither its risk owner (${risk.owner.id}) nor a member of top management (top_management: true in people): the risk owner, or top management, must accept ${what} (6.1.3 f).`,
          related: [{ file: risk.owner.file, range: risk.owner.range, message: `risk owner ${risk.owner.id}` }],
          data: { ...facts, by: by.id, replacement: risk.owner.id },
        });
      }
      const expires = acceptance.expires;
      if (expires && compareDates(expires.value, today) < 0) {
        const days = daysBetween(expires.value, today);
        report({
          file: acceptance.file,
          range: expires.range,
          message: `The acceptance of risk ${risk.id?.value ?? "(no id)"} expired on ${expires.value}, ${pluralDays(days)} ago, and its ${residual ? "residual " : ""}score ${score} is above the acceptance threshold ${threshold}: the risk owner must review the risk and renew the acceptance (6.1.3 f).`,
          data: { ...facts, expires: expires.value, daysExpired: days },
        });
      }
    }
  },
};
