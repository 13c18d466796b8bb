import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";

/**
 * Reads a `ControlCatalog` document: controls from another source than Annex A (6.1.3 b, Note 1),
 * which the SoA and risks may name. Only their ids and titles are read.
 */
export function convertControlCatalog(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  const catalog = r.text(root, "id")?.value;
  for (const map of r.maps(root, "controls")) {
    const id = r.text(map, "id");
    if (!id) continue;
    m.catalogControls.push({ ...r.located(map), id, title: r.text(map, "title"), catalog });
  }
}
