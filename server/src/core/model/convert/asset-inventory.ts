import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { Asset } from "../types";
import type { YamlReader } from "../yaml-reader";
import { PERSON } from "./targets";

/** Reads an `AssetInventory` document (A.5.9): assets with their owners. */
export function convertAssetInventory(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const asset of r.records(root, "assets", "assets", readAsset)) m.assets.push(asset);

  /** One asset of the inventory. */
  function readAsset(map: YAMLMap): Asset {
    return {
      ...r.located(map),
      recordKind: "asset",
      id: r.text(map, "id"),
      name: r.text(map, "name"),
      owner: r.ref(map, "owner", PERSON, "assets[].owner"),
    };
  }
}
