import { findSuppressions } from "../../suppressions";
import type { Rule } from "../rule";

/** `isms/suppression-without-reason`: an `# isms-disable-next-line` comment that gives no reason. */
export const rule: Rule = {
  id: "isms/suppression-without-reason",
  severity: "warning",
  clause: "7.5.2",
  reads: ["files"],
  description: "An inline suppression (# isms-disable-next-line <rule>) has no reason after --.",
  docs: `Silencing a check is a decision an auditor will ask about. Write the reason in the comment:

\`\`\`yaml
# isms-disable-next-line soa/untraced-control -- required by the customer contract, tracked in REQ-ACME-MSA
\`\`\`

7.5.2 reads: "When creating and updating documented information the organization shall ensure appropriate: a) identification and description …; b) format … and media …; and c) review and approval for suitability and adequacy."

**Fix:** add \`-- <reason>\` after the rule id(s).`,
  fileLevel: true,
  check({ model, report }) {
    for (const file of model.files) {
      for (const s of findSuppressions(file)) {
        if (s.rules.length === 0) report({ file: s.file, range: s.range, message: "This suppression names no rule: write the rule id(s) to silence, then -- and the reason." });
        else if (!s.reason) report({ file: s.file, range: s.range, message: `This suppression of ${s.rules.join(", ")} gives no reason: add "-- <why this gap is accepted>".` });
      }
    }
  },
};
