import { optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { reportsPerFile } from "../per-file";
import { written } from "../anchors";

/** `data` of its findings: the risk. */
const data = shape({ risk: optional(text) });
export type NoAssetData = DataOf<typeof data>;

/** `risk/no-asset`: a risk that names no asset while the ISMS keeps an asset inventory (6.1.2 c 1). */
export const rule: Rule<NoAssetData> = {
  id: "risk/no-asset",
  severity: "info",
  clause: "6.1.2 c 1",
  reads: ["documents", "risks"],
  data,
  description: "A risk names no asset of the asset inventory, so nobody can see what information it threatens.",
  docs: `ISO/IEC 27001:2022 6.1.2 c 1: the risk assessment process shall identify "risks associated with
the loss of confidentiality, integrity and availability for information within the scope of the
information security management system". When the ISMS keeps an asset inventory (A.5.9), linking
each risk to the assets it threatens shows that the assessment covered the information in scope
and lets the owners of those assets see their risks. The standard does not require an
asset-based method, so this is good practice, reported only when an AssetInventory exists.

6.1.2 reads: "The organization shall define and apply an information security risk assessment
process that: … c) identifies the information security risks: 1) apply the information security risk
assessment process to identify risks associated with the loss of confidentiality, integrity and
availability for information within the scope of the information security management system". Naming
the assets concerned is good practice (assets are no longer required by the 2022 edition), hence
info.

**Fix:** list the affected assets by id: \`assets: [AS-CRM]\`.`,
  check({ model, report }) {
    if (!model.documents.some((d) => d.kind === "AssetInventory")) return;
    const perRisk = reportsPerFile<"risks", NoAssetData>(model, "risks", rule.id, [], (risks, reportRisk) => {
      for (const risk of risks) {
        if (risk.assets.length > 0 || written(risk, "assets")) continue;
        reportRisk({
          file: risk.file,
          range: risk.id?.range ?? risk.range,
          message: `Risk ${risk.id?.value ?? "(no id)"} names no asset: list the assets of the inventory it threatens (assets: [...]) so the assessment shows which information it concerns (6.1.2 c 1).`,
          data: { risk: risk.id?.value },
        });
      }
    });
    for (const input of perRisk) report(input);
  },
};
