import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { NONCONFORMITY, RISK } from "./targets";

/** Reads an `IncidentLog` document (A.5.24-A.5.28). */
export function convertIncidentLog(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  m.incidentLogs.push(r.located(root));
  for (const map of r.maps(root, "incidents")) {
    m.incidents.push({
      ...r.located(map),
      recordKind: "incident",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      reported: r.date(map, "reported"),
      severity: r.text(map, "severity"),
      status: r.text(map, "status"),
      closed: r.date(map, "closed"),
      lessonsLearned: r.text(map, "lessons_learned"),
      nonconformity: r.ref(map, "nonconformity", NONCONFORMITY, "incidents[].nonconformity"),
      risks: r.refs(map, "risks", RISK, "incidents[].risks"),
    });
  }
}
