import type { Person } from "../../model/types";
import { anyOf, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { keyAnchor, written } from "../anchors";

/** `data` of its findings: no such policy; or the policy and what its approval lacks; or who approved it without being top management. */
const data = anyOf(shape({ reason: text }), shape({ policy: optional(text), missing: list(text) }), shape({ policy: optional(text), by: text }));
export type NoInformationSecurityPolicyData = DataOf<typeof data>;

/** `policy/no-information-security-policy`: no information security policy approved by top management (5.2). */
export const rule: Rule<NoInformationSecurityPolicyData> = {
  id: "policy/no-information-security-policy",
  severity: "error",
  clause: "5.2",
  reads: ["documents", "definitions", "people", "policies", "files"],
  data,
  description: "The policy register has no policy of type information-security, or that policy is not approved by a member of top management.",
  docs: `ISO/IEC 27001:2022 5.2: "Top management shall establish an information security policy that:
a) is appropriate to the purpose of the organization; b) includes information security
objectives (see 6.2) or provides the framework for setting information security objectives;
c) includes a commitment to satisfy applicable requirements related to information security;
d) includes a commitment to continual improvement of the information security management
system." Auditors ask for this one policy first, and for top management's approval of it.

This rule reports:

- the ISMS when no policy of the PolicyRegister has \`type: information-security\` (other policies
  are topic-specific, A.5.1);
- the information security policy when it has no \`approved\` with \`by\` and \`date\`, or when
  \`approved.by\` is a person not marked \`top_management: true\` (only when somebody is marked:
  when nobody is, \`review/no-top-management\` reports that once).

**Fix:** mark the information security policy in the register (\`type: information-security\`) and
record its approval by top management: \`approved: { by: ceo, date: YYYY-MM-DD }\`.`,
  check({ model, report }) {
    const isms = model.isms;
    if (!isms) return;
    const policies = model.policies.filter((p) => p.type?.value === "information-security");
    if (policies.length === 0) {
      const register = model.documents.find((d) => d.kind === "PolicyRegister");
      report({
        file: register?.file ?? isms.file,
        range: register?.kindRange ?? keyAnchor(model, isms, "organization"),
        message: "No policy has type: information-security: top management shall establish an information security policy (5.2); mark it in the PolicyRegister.",
        data: { reason: "none" },
      });
      return;
    }
    const someoneIsTop = model.people.some((p) => p.topManagement);
    for (const policy of policies) {
      const name = policy.id?.value ?? "(no id)";
      const approved = policy.approved;
      const missing = approved ? ["by", "date"].filter((key) => !written(approved, key)) : ["approved"];
      if (missing.length > 0) {
        if (!approved && written(policy, "approved")) continue; // not a mapping: schema/invalid
        report({
          file: policy.file,
          range: approved?.range ?? policy.id?.range ?? policy.range,
          message: `The information security policy ${name} has no record of ${missing.includes("approved") ? "its approval" : missing.map((m) => (m === "by" ? "who approved it (by)" : "when (date)")).join(" or ")}: top management shall establish it (5.2); record approved: { by: <top management>, date: YYYY-MM-DD }.`,
          data: { policy: policy.id?.value, missing },
        });
        continue;
      }
      const by = approved?.by;
      if (!someoneIsTop || !by?.resolved || (by.resolved as Person).topManagement) continue;
      report({
        file: by.file,
        range: by.range,
        message: `The information security policy ${name} is approved by ${by.id}, who is not marked top_management: true: top management shall establish the information security policy (5.2).`,
        data: { policy: policy.id?.value, by: by.id },
      });
    }
  },
};
