import { optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { written } from "../anchors";

/** `data` of its findings: the asset. */
const data = shape({ asset: optional(text) });
export type AssetNoOwnerData = DataOf<typeof data>;

/** `asset/no-owner`: an asset of the inventory without an owner (A.5.9). */
export const rule: Rule<AssetNoOwnerData> = {
  id: "asset/no-owner",
  severity: "warning",
  clause: "A.5.9",
  reads: ["assets"],
  perRecord: "assets",
  data,
  description: "An asset of the inventory has no owner.",
  docs: `ISO/IEC 27001:2022 Annex A control 5.9, Inventory of information and other associated assets:
"An inventory of information and other associated assets, including owners, shall be developed
and maintained." Auditors sample the inventory and ask who owns each asset: an asset without an
owner has nobody accountable for its classification, access and protection.

**Fix:** name the person accountable for the asset: \`owner: <person id>\`.`,
  check({ model, report }) {
    for (const asset of model.assets) {
      if (asset.owner || written(asset, "owner")) continue;
      report({
        file: asset.file,
        range: asset.id?.range ?? asset.range,
        message: `Asset ${asset.id?.value ?? "(no id)"} has no owner: the inventory must include the owner of each asset (A.5.9).`,
        data: { asset: asset.id?.value },
      });
    }
  },
};
