import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { PERSON, ROLE } from "./targets";

/**
 * Reads a `CompetenceRegister` document: roles and the competence they require (7.2 a), records
 * of each person's competence for a role (7.2 c, d) and awareness activities (7.3).
 */
export function convertCompetenceRegister(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  m.competenceRegisters.push(r.located(root));
  for (const map of r.maps(root, "roles")) {
    m.roles.push({
      ...r.located(map),
      recordKind: "role",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      competence: r.texts(map, "competence"),
      people: r.refs(map, "people", PERSON, "roles[].people"),
    });
  }
  for (const map of r.maps(root, "records")) {
    m.competenceRecords.push({
      ...r.located(map),
      person: r.ref(map, "person", PERSON, "records[].person"),
      role: r.ref(map, "role", ROLE, "records[].role"),
      evidence: r.text(map, "evidence"),
      date: r.date(map, "date"),
      expires: r.date(map, "expires"),
    });
  }
  for (const map of r.maps(root, "awareness")) {
    m.awareness.push({
      ...r.located(map),
      recordKind: "awareness",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      audience: r.text(map, "audience"),
      completed: r.date(map, "completed"),
      completionRate: r.number(map, "completion_rate"),
    });
  }
}
