import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { SoaEntry, StatementOfApplicability } from "../types";
import type { YamlReader } from "../yaml-reader";
import { ACTION, CONTROL_SOURCE, PERSON } from "./targets";
import { append } from "../../append";

/** Reads a `StatementOfApplicability` document (6.1.3 d): its approval and one entry per control. */
export function convertStatementOfApplicability(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  const approved = r.map(root, "approved");
  const entries: SoaEntry[] = r.records(root, "controls", "soaEntries", (map) => ({
    ...r.located(map),
    control: r.control(map, "control", "controls[].control"),
    applicable: r.boolean(map, "applicable"),
    justification: r.text(map, "justification"),
    status: r.text(map, "status"),
    sources: r.refs(map, "sources", CONTROL_SOURCE, "controls[].sources"),
    owner: r.ref(map, "owner", PERSON, "controls[].owner"),
    implementation: r.text(map, "implementation"),
    actions: r.refs(map, "actions", ACTION, "controls[].actions"),
    evidence: r.texts(map, "evidence"),
  }));
  const statement: StatementOfApplicability = {
    ...r.located(root),
    approved: approved ? { ...r.located(approved), by: r.ref(approved, "by", PERSON, "approved.by"), date: r.date(approved, "date") } : undefined,
    version: r.text(root, "version"),
    entries,
    controlsKeyRange: r.keyRange(root, "controls"),
  };
  m.statements.push(statement);
  append(m.soaEntries, entries);
}
