import { isTraced, risksByControl } from "../../model/tracing";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./untraced-control.fix";

/** At most this many candidate sources are offered for the quick-fix. */
const MAX_CANDIDATES = 10;

/** `data` of its findings: the entry's control and the risks, then requirements, it could be traced to. */
const data = shape({ control: text, candidates: list(text) });
export type UntracedControlData = DataOf<typeof data>;

/** `soa/untraced-control`: an applicable control that no risk, requirement or interested party calls for. */
export const rule: Rule<UntracedControlData> = {
  id: "soa/untraced-control",
  severity: "warning",
  clause: "6.1.3 d",
  description: "An applicable SoA control is traced to nothing: no risk lists it and its sources name no risk, requirement or interested party.",
  docs: `6.1.3 d asks for the justification of every control the SoA includes, and 6.1.3 b-c say where
controls come from: the risk treatment, or requirements of interested parties (4.2), laws and
contracts. An applicable control is **traced** when at least one risk lists it under \`controls\`,
or its own \`sources\` name a risk, requirement or interested party that exists. An auditor samples
SoA entries and asks "why is this control here?"; an untraced control has no answer in the ISMS,
and may be included out of habit rather than need.

Entries whose \`sources\` name an id that does not exist are left to \`ref/unresolved\`.

**Fix:** add the risk or requirement that calls for the control to the entry's \`sources\` (the
quick-fix offers the risks and requirements of the ISMS), list the control under a risk's
\`controls\`, or reconsider whether it is applicable.`,
  data,
  fixes,
  check({ model, catalog, report }) {
    const risks = risksByControl(model);
    const riskIds = (treated: boolean) =>
      model.risks.filter((r) => r.id && (r.treatment?.value === "mitigate" || r.treatment?.value === "transfer") === treated).map((r) => r.id!.value);
    const candidates = [...new Set([...riskIds(true), ...riskIds(false), ...model.requirements.flatMap((q) => (q.id ? [q.id.value] : []))])].slice(0, MAX_CANDIDATES);

    for (const entry of model.soaEntries) {
      const control = entry.control;
      if (!control || entry.applicable?.value !== true) continue;
      if (!catalog.control(control.id)) continue; // soa/unknown-control
      if (isTraced(entry, risks)) continue;
      report({
        file: control.file,
        range: control.range,
        message: `${control.id} is applicable but traced to nothing: no risk lists it under controls and its sources name no risk, requirement or interested party. Add what calls for it to sources (6.1.3 d).`,
        data: { control: control.id, candidates },
      });
    }
  },
};
