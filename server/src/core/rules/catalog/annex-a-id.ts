import { canonicalControlId } from "../../catalog/catalog";
import type { Rule } from "../rule";
import { nullable, shape, text, type DataOf } from "../data-shape";

/** `data` of its findings: the catalog control id and the Annex A control it redefines (null when none has that id). */
const data = shape({ id: text, annexA: nullable(text) });
export type AnnexAIdData = DataOf<typeof data>;

/** `catalog/annex-a-id`: a ControlCatalog control whose id reads as an Annex A control id. */
export const rule: Rule<AnnexAIdData> = {
  id: "catalog/annex-a-id",
  severity: "error",
  clause: "6.1.3 b",
  reads: ["catalogControls"],
  description: "A control of a ControlCatalog has an id that reads as an Annex A control id (A.5.23, 5.23): it would redefine or shadow an Annex A control.",
  docs: `Checks the \`id\` of every control of every ControlCatalog: an id shaped like an Annex A
control (\`A.5.23\`, \`5.23\`, \`A.9.1\`) is reserved for Annex A of ISO/IEC 27001:2022. The catalog
control is ignored wherever a control is looked up; the Annex A control (if any) is what the SoA
and risks mean.

> **6.1.3 b, Note 1** The organization can design controls as required, or identify them from any
> source. **6.1.3 c** compare the controls determined in 6.1.3 b) above with those in Annex A and
> verify that no necessary controls have been omitted.

The comparison of 6.1.3 c is only possible when every control keeps a distinct identity: a
catalog that redefines \`A.5.23\` makes the SoA say two different things under one id.

6.1.3 reads: "The organization shall define and apply an information security risk treatment process
to: … b) determine all controls that are necessary to implement the information security risk
treatment option(s) chosen", with Note 1: "Organizations can design controls as required, or
identify them from any source." Controls from other sources are welcome; an id that passes for an
Annex A control is not.

**Fix:** give the control the id its source uses (\`CLD.6.3.1\`), or a prefix of your own, and
record the Annex A control it corresponds to under \`maps_to\`.`,
  data,
  check({ model, catalog, report }) {
    for (const control of model.catalogControls) {
      if (!control.id) continue;
      const canonical = canonicalControlId(control.id.value);
      if (canonical === undefined) continue;
      const annexA = catalog.control(canonical);
      const where = control.catalog.id ? ` in catalog ${control.catalog.id.value}` : "";
      report({
        file: control.file,
        range: control.id.range,
        message: annexA
          ? `The control "${control.id.value}"${where} redefines Annex A control ${annexA.id} ${annexA.title}: give it an id of its own and list ${annexA.id} under maps_to (6.1.3 b, c).`
          : `The control id "${control.id.value}"${where} reads as an Annex A control id: give it an id of its own, e.g. with its catalog's prefix (6.1.3 b).`,
        data: { id: control.id.value, annexA: annexA?.id ?? null },
      });
    }
  },
};
