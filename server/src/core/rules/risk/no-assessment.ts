import { isSeq } from "yaml";
import type { ParsedDocument } from "../../parse/parsed-file";
import { anyOf, count, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: how many registers have no risks, or the missing kind. */
const data = anyOf(shape({ registers: count }), shape({ missing: list(text) }));
export type NoAssessmentData = DataOf<typeof data>;

/** `risk/no-assessment`: an ISMS with no risk assessed at all. */
export const rule: Rule<NoAssessmentData> = {
  id: "risk/no-assessment",
  severity: "error",
  clause: "6.1.2",
  reads: ["documents", "definitions", "risks", "files"],
  description: "The ISMS records no information security risk at all: it has no RiskRegister, or its risk registers hold no risk.",
  docs: `ISO/IEC 27001 is risk-based: the organization must identify, analyse and evaluate its information
security risks (6.1.2), treat them (6.1.3), and keep the results as documented information (8.2).
The Statement of Applicability, the risk treatment plan and most controls are justified by these
risks. An ISMS with no risk at all has not performed the risk assessment, a major nonconformity
at any certification audit.

Reported once, at the \`kind\` of the first \`RiskRegister\`, or at the \`kind\` of \`isms.yaml\` when
the ISMS has no RiskRegister. Entries of \`risks\` that are not valid risks are left to
\`schema/invalid\`.

6.1.2 reads: "The organization shall define and apply an information security risk assessment process that: … c) identifies the information security risks …; d) analyses the information security risks …; e) evaluates the information security risks", and 6.1.2 closes: "The organization shall retain documented information about the information security risk assessment process."

**Fix:** carry out the risk assessment with the RiskMethodology and record each risk in a
RiskRegister (\`kind: RiskRegister\`, \`risks:\` with id, title, owner, likelihood, impact and
treatment).`,
  data,
  check({ model, report }) {
    const isms = model.isms;
    if (!isms || model.risks.length > 0) return;
    if (model.files.some((f) => f.unreadable)) return; // the risks may be in the file that cannot be read
    const registers = model.documents.filter((d) => d.kind === "RiskRegister");
    // Entries that are not mappings are schema/invalid's; a register broken by syntax errors is yaml/syntax's.
    const entries = (d: ParsedDocument) => {
      const risks = d.root?.get("risks", true);
      return isSeq(risks) ? risks.items.length : 0;
    };
    if (registers.some((d) => d.hasErrors || entries(d) > 0)) return;
    const register = registers[0];
    if (register) {
      report({
        file: register.file,
        range: register.kindRange ?? register.range,
        message: `The risk register${registers.length > 1 ? "s hold" : " holds"} no risk: identify, analyse and evaluate the information security risks and record each one here with its owner, likelihood, impact and treatment (6.1.2, 8.2).`,
        data: { registers: registers.length },
      });
      return;
    }
    const doc = model.documents.find((d) => d.root === isms.node);
    report({
      file: isms.file,
      range: doc?.kindRange ?? isms.range,
      message:
        "The ISMS has no RiskRegister, so no information security risk is recorded: perform the risk assessment and record the risks in a RiskRegister document (kind: RiskRegister) with their owner, likelihood, impact and treatment (6.1.2, 8.2).",
      data: { missing: ["RiskRegister"] },
    });
  },
};
