import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { PERSON } from "./targets";

/** Reads a `PolicyRegister` document (5.2, 7.5). */
export function convertPolicyRegister(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const map of r.maps(root, "policies")) {
    const approved = r.map(map, "approved");
    m.policies.push({
      ...r.located(map),
      recordKind: "policy",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      type: r.text(map, "type"),
      path: r.text(map, "path"),
      owner: r.ref(map, "owner", PERSON, "policies[].owner"),
      approved: approved ? { ...r.located(approved), by: r.ref(approved, "by", PERSON, "policies[].approved.by"), date: r.date(approved, "date") } : undefined,
      reviewMonths: r.number(map, "review_months"),
    });
  }
}
