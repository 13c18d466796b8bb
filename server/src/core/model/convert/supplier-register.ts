import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { ASSET, PERSON } from "./targets";

/** Reads a `SupplierRegister` document (A.5.19-A.5.22). */
export function convertSupplierRegister(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  m.supplierRegisters.push(r.located(root));
  for (const map of r.maps(root, "suppliers")) {
    const agreement = r.map(map, "agreement");
    m.suppliers.push({
      ...r.located(map),
      recordKind: "supplier",
      id: r.text(map, "id"),
      name: r.text(map, "name"),
      services: r.text(map, "services"),
      owner: r.ref(map, "owner", PERSON, "suppliers[].owner"),
      criticality: r.text(map, "criticality"),
      assets: r.refs(map, "assets", ASSET, "suppliers[].assets"),
      agreement: agreement ? { ...r.located(agreement), path: r.text(agreement, "path"), date: r.date(agreement, "date") } : undefined,
      reviewed: r.date(map, "reviewed"),
      reviewMonths: r.number(map, "review_months"),
    });
  }
}
