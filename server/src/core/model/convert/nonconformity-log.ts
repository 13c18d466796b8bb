import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { Nonconformity } from "../types";
import type { YamlReader } from "../yaml-reader";
import { ACTION, NC_SOURCE } from "./targets";

/** Where a nonconformity may come from when it is not an audit finding or a management review. */
export const NONCONFORMITY_SOURCE_WORDS = ["incident", "complaint", "monitoring", "self-identified", "external-audit"];

/** Reads a `NonconformityLog` document (10.2). */
export function convertNonconformityLog(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const nc of r.records(root, "nonconformities", "nonconformities", readNonconformity)) m.nonconformities.push(nc);

  /** One nonconformity of the log. */
  function readNonconformity(map: YAMLMap): Nonconformity {
    const sourceText = r.text(map, "source");
    const isWord = sourceText && NONCONFORMITY_SOURCE_WORDS.includes(sourceText.value);
    return {
      ...r.located(map),
      recordKind: "nonconformity",
      id: r.text(map, "id"),
      raised: r.date(map, "raised"),
      source: isWord ? undefined : r.ref(map, "source", NC_SOURCE, "nonconformities[].source"),
      sourceWord: isWord ? sourceText : undefined,
      description: r.text(map, "description"),
      correction: r.text(map, "correction"),
      rootCause: r.text(map, "root_cause"),
      similarElsewhere: r.text(map, "similar_elsewhere"),
      noCorrectiveAction: r.text(map, "no_corrective_action"),
      actions: r.refs(map, "actions", ACTION, "nonconformities[].actions"),
      status: r.text(map, "status"),
      closed: r.date(map, "closed"),
    };
  }
}
