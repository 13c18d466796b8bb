import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { ControlCatalog } from "../types";
import type { YamlReader } from "../yaml-reader";
import { append } from "../../append";

/**
 * Reads a `ControlCatalog` document (6.1.3 b, Note 1): controls from another source (ISO/IEC
 * 27017, 27701, NIS2, the organization's own), each with the Annex A controls it `maps_to`.
 * The catalog itself is a record (`id`, kind "control-catalog"); each control is a record of kind
 * "control", so ids are indexed, duplicates across catalogs reported and references resolved.
 */
export function convertControlCatalog(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  const catalog: ControlCatalog = {
    ...r.located(root),
    recordKind: "control-catalog",
    id: r.text(root, "id"),
    title: r.text(root, "title"),
    controls: [],
  };
  for (const map of r.maps(root, "controls")) {
    catalog.controls.push({
      ...r.located(map),
      recordKind: "control",
      catalog,
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      mapsTo: r.controls(map, "maps_to", "controls[].maps_to"),
    });
  }
  m.controlCatalogs.push(catalog);
  append(m.catalogControls, catalog.controls);
}
