import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./responsibilities-unassigned.fix";
import { keyAnchor, written } from "../anchors";

const DUTIES = {
  conformance: "ensuring that the ISMS conforms to ISO/IEC 27001 (5.3 a)",
  reporting: "reporting on the performance of the ISMS to top management (5.3 b)",
} as const;

/** `data` of its findings: the responsibilities not assigned (`conformance`, `reporting`); when the block is missing, the ids of the people. */
const data = shape({ missing: list(text), people: optional(list(text)) });
export type ResponsibilitiesUnassignedData = DataOf<typeof data>;

/** `isms/responsibilities-unassigned`: the responsibilities of 5.3 a and b are not assigned to a person. */
export const rule: Rule<ResponsibilitiesUnassignedData> = {
  id: "isms/responsibilities-unassigned",
  severity: "error",
  clause: "5.3 a, b",
  reads: ["documents", "definitions", "people", "files"],
  data,
  fixes,
  description: "isms.yaml does not name who ensures the ISMS conforms to ISO/IEC 27001 (responsibilities.conformance) or who reports its performance to top management (responsibilities.reporting).",
  docs: `ISO/IEC 27001:2022 5.3: "Top management shall assign the responsibility and authority for:
a) ensuring that the information security management system conforms to the requirements of this
document; b) reporting on the performance of the information security management system to top
management." Auditors ask who holds these two roles and look for the record of the assignment.

This rule reports isms.yaml when \`responsibilities\` is missing, or when \`conformance\` or
\`reporting\` is not given. A name that is not a person of \`people\` is \`ref/unresolved\`'s finding.

**Fix:** add
\`\`\`yaml
responsibilities:
  conformance: ciso   # 5.3 a
  reporting: ciso     # 5.3 b
\`\`\``,
  check({ model, report }) {
    const isms = model.isms;
    if (!isms) return;
    const block = isms.responsibilities;
    if (!block) {
      if (written(isms, "responsibilities")) return; // not a mapping: schema/invalid
      report({
        file: isms.file,
        range: keyAnchor(model, isms, "people"),
        message: `isms.yaml does not say who is responsible for ${DUTIES.conformance} and for ${DUTIES.reporting}: add responsibilities: { conformance: <person>, reporting: <person> }.`,
        data: { missing: ["conformance", "reporting"], people: model.people.flatMap((p) => (p.id ? [p.id.value] : [])) },
      });
      return;
    }
    const missing = (["conformance", "reporting"] as const).filter((key) => !written(block, key));
    if (missing.length === 0) return;
    report({
      file: block.file,
      range: keyAnchor(model, isms, "responsibilities"),
      message: `responsibilities does not name who is responsible for ${missing.map((key) => DUTIES[key]).join(" and for ")}.`,
      data: { missing },
    });
  },
};
