import type { Rule } from "../rule";
import { list, optional, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the supplier and the assets it holds. */
const data = shape({ id: optional(text), assets: list(text) });
export type NoAgreementData = DataOf<typeof data>;

/** `supplier/no-agreement`: a supplier that holds or accesses assets with no agreement. */
export const rule: Rule<NoAgreementData> = {
  id: "supplier/no-agreement",
  severity: "warning",
  clause: "A.5.20",
  reads: ["suppliers"],
  perRecord: "suppliers",
  description: "A supplier lists assets it holds or accesses but has no agreement (or an agreement with neither path nor date).",
  docs: `Checks every supplier of every SupplierRegister that lists \`assets\`: it must have an
\`agreement\` with a \`path\` or a \`date\`.

> **A.5.20 Addressing information security within supplier agreements** Relevant information
> security requirements shall be established and agreed with each supplier based on the type of
> supplier relationship.

A supplier holding customer data without a signed agreement (a DPA, security schedule or
contract) is a finding at nearly every audit, and often a legal problem too (GDPR Art. 28).

**Fix:** record the agreement: \`agreement: { path: contracts/….pdf, date: YYYY-MM-DD }\`.`,
  data,
  check({ model, report }) {
    for (const supplier of model.suppliers) {
      if (supplier.assets.length === 0) continue;
      if (supplier.agreement && (supplier.agreement.path || supplier.agreement.date)) continue;
      const name = supplier.id ? `Supplier ${supplier.id.value}` : "This supplier";
      report({
        file: supplier.file,
        range: supplier.agreement?.range ?? supplier.id?.range ?? supplier.range,
        message: `${name} holds or accesses ${supplier.assets.map((a) => a.id).join(", ")} but no agreement is recorded: record the agreement that sets its information security requirements (A.5.20).`,
        data: { id: supplier.id?.value, assets: supplier.assets.map((a) => a.id) },
      });
    }
  },
};
