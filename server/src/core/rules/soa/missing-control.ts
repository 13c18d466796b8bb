import { flag, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./missing-control.fix";

/** How many missing ids a message lists before "and N more". */
const LISTED = 10;

/** `data` of its findings: the Annex A controls the SoA omits, in catalog order; `noStatement` when the ISMS has no SoA. */
const data = shape({ missing: list(text), noStatement: optional(flag) });
export type MissingControlData = DataOf<typeof data>;

/** `soa/missing-control`: Annex A controls that the Statement of Applicability does not address. */
export const rule: Rule<MissingControlData> = {
  id: "soa/missing-control",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["documents", "definitions", "statements", "soaEntries", "files"],
  description: "An Annex A control of ISO/IEC 27001:2022 is not listed in the Statement of Applicability, or the ISMS has no Statement of Applicability at all.",
  docs: `The Statement of Applicability (6.1.3 d) states, for every Annex A control, whether it is
included or excluded and why. Annex A is the checklist of 6.1.3 c ("verify that no necessary
controls have been omitted"): a control that the SoA does not mention has been neither included
nor excluded, and certification auditors treat that as an incomplete SoA.

The check takes the union of every \`StatementOfApplicability\` document under the ISMS root (an SoA
may be split over several files) and reports **one** finding, at the \`controls\` key of the first
SoA document, listing the controls it omits (\`data.missing\`, in catalog order). When the ISMS has
no SoA document at all, the finding is on the \`kind\` of \`isms.yaml\`.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … d) produce a Statement of Applicability that contains: the necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary controls are implemented or not; and the justification for excluding any of the Annex A controls."

**Fix:** add an entry for each missing control under \`controls\` with \`applicable: true|false\` and
a \`justification\` (the quick-fix inserts the entries to complete).`,
  data,
  fixes,
  check({ model, catalog, report }) {
    const present = new Set(model.soaEntries.flatMap((e) => (e.control ? [e.control.id] : [])));
    const missing = catalog.controls.map((c) => c.id).filter((id) => !present.has(id));
    const kindRange = (node: unknown) => model.documents.find((d) => d.root === node)?.kindRange;
    const broken = model.files.filter((f) => f.problems.length > 0).map((f) => f.file);
    const note = broken.length > 0 ? ` (entries may be in ${broken.join(", ")}, which cannot be read until its syntax errors are fixed)` : "";

    if (model.statements.length === 0) {
      const isms = model.isms;
      if (!isms) return;
      report({
        file: isms.file,
        range: kindRange(isms.node) ?? isms.range,
        message: `No Statement of Applicability${note}: add a StatementOfApplicability document that lists all ${catalog.controls.length} Annex A controls, each included or excluded with a justification (6.1.3 d).`,
        data: { missing, noStatement: true },
      });
      return;
    }
    if (missing.length === 0) return;
    const first = model.statements[0];
    const listed = missing.slice(0, LISTED).join(", ");
    const more = missing.length > LISTED ? ` and ${missing.length - LISTED} more` : "";
    const noun = missing.length === 1 ? "control" : "controls";
    report({
      file: first.file,
      range: first.controlsKeyRange ?? kindRange(first.node) ?? first.range,
      message: `The Statement of Applicability omits ${missing.length} Annex A ${noun}: ${listed}${more}${note}. List each one as applicable or excluded, with a justification (6.1.3 d).`,
      data: { missing },
    });
  },
};
