import type { Rule } from "../server/src/core";

/**
 * A rule that scans every action for each risk: the quadratic shape that the linearity test
 * (test/core/rule-linearity.stress.test.ts) and `npm run bench:rules` plant beside the real rules
 * to show that they catch it. It reports nothing on generated data (no action has status "never").
 */
export const QUADRATIC_RULE: Rule = {
  id: "test/quadratic",
  severity: "info",
  clause: "8.3",
  description: "Scans every action per risk.",
  docs: "",
  check({ model, report }) {
    for (const risk of model.risks) {
      if (model.actions.some((a) => a.source?.resolved === risk && a.status?.value === "never")) report({ file: risk.file, range: risk.range, message: "" });
    }
  },
};
