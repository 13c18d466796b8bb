import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { PERSON } from "./targets";

/** Reads an `Objectives` document (6.2). */
export function convertObjectives(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const map of r.maps(root, "objectives")) {
    m.objectives.push({
      ...r.located(map),
      recordKind: "objective",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      target: r.text(map, "target"),
      measure: r.text(map, "measure"),
      evaluation: r.text(map, "evaluation"),
      owner: r.ref(map, "owner", PERSON, "objectives[].owner"),
      due: r.date(map, "due"),
      status: r.text(map, "status"),
    });
  }
}
