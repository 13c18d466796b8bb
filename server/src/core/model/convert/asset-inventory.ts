import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { PERSON } from "./targets";

/** Reads an `AssetInventory` document (A.5.9): assets with their owners. */
export function convertAssetInventory(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const map of r.maps(root, "assets")) {
    m.assets.push({
      ...r.located(map),
      recordKind: "asset",
      id: r.text(map, "id"),
      name: r.text(map, "name"),
      owner: r.ref(map, "owner", PERSON, "assets[].owner"),
    });
  }
}
