import type { Rule } from "../rule";

/** `isms/superseded-standard`: the ISMS declares the withdrawn 2013 edition of ISO/IEC 27001. */
export const rule: Rule = {
  id: "isms/superseded-standard",
  severity: "error",
  clause: "4.4",
  reads: ["definitions"],
  description: "isms.yaml declares ISO/IEC 27001:2013, whose certificates expired when the transition to the 2022 edition ended on 31 October 2025.",
  docs: `4.4 reads: "The organization shall establish, implement, maintain and continually improve an
information security management system … in accordance with the requirements of this document",
and "this document" for any certification audit today is ISO/IEC 27001:2022. Certificates to ISO/IEC 27001:2013 could be kept only until the end of the transition period,
31 October 2025. An ISMS certified today conforms to ISO/IEC 27001:2022, whose Annex A has 93
controls in four themes (A.5 to A.8) instead of 114 in fourteen. The checks use the 2022 catalog.

**Fix:** write \`standard: ISO/IEC 27001:2022\` and map the Statement of Applicability to the 2022
controls (\`soa/unknown-control\` flags the 2013 ids left).`,
  check({ model, report }) {
    const standard = model.isms?.standard;
    if (!standard || !/2013/.test(standard.value)) return;
    report({
      file: model.isms!.file,
      range: standard.range,
      message: `${standard.value} was superseded by ISO/IEC 27001:2022 (transition ended 31 October 2025): migrate the ISMS and its Statement of Applicability to the 2022 edition.`,
      tags: ["deprecated"],
    });
  },
};
