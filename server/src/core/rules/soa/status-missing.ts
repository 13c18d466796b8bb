import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./status-missing.fix";
import { written } from "../anchors";

/** `data` of its findings: the control. */
const data = shape({ control: text });
export type StatusMissingData = DataOf<typeof data>;

/** `soa/status-missing`: an applicable SoA control that does not say whether it is implemented (6.1.3 d). */
export const rule: Rule<StatusMissingData> = {
  id: "soa/status-missing",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["soaEntries"],
  perRecord: "soaEntries",
  data,
  fixes,
  description: "An applicable control in the Statement of Applicability has no implementation status.",
  docs: `ISO/IEC 27001:2022 6.1.3 d: the organization shall "produce a Statement of Applicability that
contains: the necessary controls (see 6.1.3 b and c); justification for their inclusion; whether
the necessary controls are implemented or not; and the justification for excluding any of the
Annex A controls". An applicable control without a status leaves out "whether the necessary
controls are implemented or not": auditors raise it as a nonconformity of the SoA.

An excluded control (\`applicable: false\`) needs no status. A status that is not one of the four
values is \`schema/invalid\`'s finding.

**Fix:** write the status: \`status: implemented\`, \`partially-implemented\`, \`planned\` or
\`not-implemented\`.`,
  check({ model, report }) {
    for (const entry of model.soaEntries) {
      if (!entry.control || entry.applicable?.value !== true || entry.status || written(entry, "status")) continue;
      report({
        file: entry.control.file,
        range: entry.control.range,
        message: `${entry.control.id} is applicable but its implementation status is not given: write status: implemented, partially-implemented, planned or not-implemented (6.1.3 d: whether the necessary controls are implemented or not).`,
        data: { control: entry.control.id },
      });
    }
  },
};
