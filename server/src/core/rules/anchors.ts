import { isScalar, type Node } from "yaml";
import type { IsmsModel } from "../model/isms-model";
import { hasContent } from "../model/yaml-reader";
import type { Located } from "../model/types";
import type { Range } from "../text/range";

/**
 * Where to report about a mapping as a whole: the range of its key `key` when written (e.g. the
 * `people` key of isms.yaml), else the `kind` value of its document, else the whole mapping.
 */
export function keyAnchor(model: IsmsModel, at: Located, key: string): Range {
  const lines = model.files.find((f) => f.file === at.file)?.lines;
  const pair = at.node.items.find((p) => isScalar(p.key) && p.key.value === key);
  const keyNode = pair && isScalar(pair.key) ? (pair.key as Node) : undefined;
  if (keyNode?.range && lines) return lines.rangeOf(keyNode.range[0], keyNode.range[1]);
  return model.documents.find((d) => d.file === at.file && d.kindRange)?.kindRange ?? at.range;
}

/** True when `key` of `at` holds content (a value the reader rejected still counts: its schema finding explains it). */
export function written(at: Located, key: string): boolean {
  return hasContent(at.node.get(key, true) as Node | null | undefined);
}
