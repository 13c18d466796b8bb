import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { Action } from "../types";
import type { YamlReader } from "../yaml-reader";
import { ACTION, ACTION_SOURCE, PERSON } from "./targets";

/** Reads an `ActionPlan` document: treatment (6.1.3, 8.3), corrective (10.2) and improvement (10.1) actions. */
export function convertActionPlan(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const action of r.records(root, "actions", "actions", readAction)) m.actions.push(action);

  /** One action of the plan. */
  function readAction(map: YAMLMap): Action {
    const verification = r.map(map, "verification");
    return {
      ...r.located(map),
      recordKind: "action",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      type: r.text(map, "type"),
      owner: r.ref(map, "owner", PERSON, "actions[].owner"),
      due: r.date(map, "due"),
      status: r.text(map, "status"),
      completed: r.date(map, "completed"),
      verification: verification
        ? {
            ...r.located(verification),
            by: r.ref(verification, "by", PERSON, "actions[].verification.by"),
            date: r.date(verification, "date"),
            effective: r.boolean(verification, "effective"),
          }
        : undefined,
      followUp: r.ref(map, "follow_up", ACTION, "actions[].follow_up"),
      source: r.ref(map, "source", ACTION_SOURCE, "actions[].source"),
    };
  }
}
