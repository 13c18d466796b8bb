import { knownControl } from "../../model/controls";
import { closestIds } from "../../text/closest";
import { flag, list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./unknown-control.fix";

/** `data` of its findings: the control id written, the closest Annex A controls, and whether it looks like a 2013 id. */
const data = shape({ id: text, candidates: list(text), edition2013: flag });
export type UnknownControlData = DataOf<typeof data>;

/** `soa/unknown-control`: an SoA entry names a control that is neither in Annex A of ISO/IEC 27001:2022 nor in a ControlCatalog of the ISMS. */
export const rule: Rule<UnknownControlData> = {
  id: "soa/unknown-control",
  severity: "error",
  clause: "6.1.3 d",
  reads: ["soaEntries", "catalogControls"],
  description: "An SoA entry's control is neither an Annex A control of ISO/IEC 27001:2022 nor a control of a ControlCatalog of the ISMS (a typo, or a 2013 control id).",
  docs: `Each entry of the Statement of Applicability is about one Annex A control of ISO/IEC
27001:2022, \`A.5.1\` to \`A.8.34\`. An id outside that list is a typo or, very often, a control id
of the 2013 edition (\`A.9.1.1\`, three numbers): the 2022 edition regrouped the 114 old controls
into 93 under four themes (A.5 organizational, A.6 people, A.7 physical, A.8 technological). Such
an entry covers no real control, so the control it meant is still unaddressed.

Controls from other sources are allowed: 6.1.3 b reads "determine all controls that are necessary
to implement the information security risk treatment option(s) chosen", with Note 1: "Organizations
can design controls as required, or identify them from any source." Declare such controls in a
\`ControlCatalog\` document (\`controls: [{ id: CLD.6.3.1, title: …, maps_to: [A.5.23] }]\`) and
the SoA may list them; only ids that are neither in Annex A nor in a catalog of the ISMS are
reported.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process to: … d) produce a Statement of Applicability that contains: the necessary controls (see 6.1.3 b) and c)); justification for their inclusion; whether the necessary controls are implemented or not; and the justification for excluding any of the Annex A controls."

**Fix:** write the 2022 id of the control (the quick-fix offers the closest ids; for 2013 ids use
the correspondence table of ISO/IEC 27002:2022 Annex B), or define the control in a
\`ControlCatalog\`.`,
  data,
  fixes,
  check({ model, catalog, report }) {
    const ids = [...catalog.controls.map((c) => c.id), ...model.index.ids("control")];
    for (const entry of model.soaEntries) {
      const control = entry.control;
      if (!control || knownControl(model, control.id)) continue;
      const candidates = closestIds(control.id, ids);
      const edition2013 = /^\s*(?:A\s*\.?\s*)?\d+\.\d+\.\d+\s*$/i.test(control.written);
      const reason = edition2013
        ? `"${control.written}" looks like an ISO/IEC 27001:2013 control id (three numbers); the 2022 Annex A numbers its controls A.5.1 to A.8.34: write the 2022 control it corresponds to.`
        : `"${control.written}" is not an Annex A control of ISO/IEC 27001:2022 (A.5.1 to A.8.34) nor a control of a ControlCatalog of this ISMS.`;
      report({
        file: control.file,
        range: control.range,
        message: `${reason}${candidates.length ? ` Did you mean ${candidates.join(", ")}?` : ""}`,
        data: { id: control.id, candidates, edition2013 },
        ...(edition2013 ? { tags: ["deprecated" as const] } : {}),
      });
    }
  },
};
