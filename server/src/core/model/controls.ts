import { canonicalControlId, type AnnexAControl } from "../catalog/catalog";
import type { IsmsModel } from "./isms-model";
import type { CatalogControl, ControlCatalog } from "./types";

/** A control as the ISMS knows it: an Annex A control, or a control of one of its ControlCatalogs. */
export type KnownControl =
  { source: "annex-a"; id: string; title: string; annexA: AnnexAControl } | { source: "catalog"; id: string; title?: string; control: CatalogControl; catalog: ControlCatalog };

/**
 * The control with canonical id `id`: Annex A first (a catalog control reusing an Annex A id is
 * reported by `catalog/annex-a-id` and never shadows Annex A), then the catalog controls through
 * the model's index (one lookup, no scan). Undefined for an unknown id.
 */
export function knownControl(model: IsmsModel, id: string): KnownControl | undefined {
  const annexA = model.catalog.control(id);
  if (annexA) return { source: "annex-a", id, title: annexA.title, annexA };
  if (canonicalControlId(id) !== undefined) return undefined;
  const control = model.index.get<CatalogControl>("control", id);
  return control ? { source: "catalog", id, title: control.title?.value, control, catalog: control.catalog } : undefined;
}

/** The catalog control with id `id`, when the id is not Annex A's. */
export function catalogControl(model: IsmsModel, id: string): CatalogControl | undefined {
  const known = knownControl(model, id);
  return known?.source === "catalog" ? known.control : undefined;
}

/** A catalog's display name: its title, else its id, else "control catalog". */
export function catalogName(catalog: ControlCatalog): string {
  return catalog.title?.value ?? catalog.id?.value ?? "Control catalog";
}
