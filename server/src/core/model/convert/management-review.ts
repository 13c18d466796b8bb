import { isMap, isScalar, type YAMLMap } from "yaml";
import type { Range } from "../../text/range";
import type { IsmsModel } from "../isms-model";
import { hasContent, type YamlReader } from "../yaml-reader";
import { ACTION, PERSON } from "./targets";

/** Reads a `ManagementReview` document (9.3): reviews with attendees, inputs (9.3.2), decisions and actions (9.3.3). */
export function convertManagementReview(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const map of r.maps(root, "reviews")) {
    const inputsNode = r.map(map, "inputs");
    const inputs = new Map<string, Range>();
    for (const pair of inputsNode?.items ?? []) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (isMap(pair.value)) {
        for (const inner of pair.value.items) {
          if (isScalar(inner.key) && hasContent(inner.value as never)) inputs.set(`${key}.${String(inner.key.value)}`, r.rangeOf(inner.key));
        }
        if (pair.value.items.length > 0) inputs.set(key, r.rangeOf(pair.key));
      } else if (hasContent(pair.value as never)) {
        inputs.set(key, r.rangeOf(pair.key));
      }
    }
    const decisionsNode = r.node(map, "decisions");
    m.reviews.push({
      ...r.located(map),
      recordKind: "review",
      id: r.text(map, "id"),
      date: r.date(map, "date"),
      attendees: [...r.refs(map, "attendees", PERSON, "reviews[].attendees"), ...[r.ref(map, "chair", PERSON, "reviews[].chair")].filter((x) => !!x)],
      inputsNode,
      inputsRange: inputsNode ? r.rangeOf(inputsNode) : undefined,
      inputs,
      decisions: r.texts(map, "decisions"),
      decisionsRange: decisionsNode ? r.rangeOf(decisionsNode) : undefined,
      actions: r.refs(map, "actions", ACTION, "reviews[].actions"),
    });
  }
}
