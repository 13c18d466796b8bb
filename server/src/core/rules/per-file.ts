import type { FindingInput } from "../findings";
import type { FindingData } from "./data-shape";
import { chunksOf } from "../model/contributions";
import type { IsmsModel } from "../model/isms-model";
import type { MergedList } from "../model/model-lists";

/**
 * For a rule that reads the whole model but checks the records of one list one by one (after a
 * check of the whole, such as "is there a methodology"): the reports of `check` on each file's
 * records of `list` (`chunksOf`), in model order, kept per file while its records and every one
 * of `inputs` (compared by identity, e.g. the methodology) are the same. After an edit in one
 * register, only that register's records are checked again.
 *
 * @param rule  the rule's id (one cache per rule and file)
 * @param check  must read only `records` and `inputs`, and report through `report`
 * @returns  the reports, to pass on to the rule's own `report`: kept reports are the same objects
 */
export function reportsPerFile<L extends MergedList, D extends FindingData = FindingData>(
  model: IsmsModel,
  list: L,
  rule: string,
  inputs: readonly unknown[],
  check: (records: readonly IsmsModel[L][number][], report: (input: FindingInput<D>) => void) => void,
): FindingInput<D>[] {
  const all: FindingInput<D>[] = [];
  for (const chunk of chunksOf(model, list)) {
    let byRule = kept.get(chunk);
    if (!byRule) kept.set(chunk, (byRule = new Map()));
    let known = byRule.get(rule) as { inputs: readonly unknown[]; reports: FindingInput<D>[] } | undefined;
    if (!known || known.inputs.length !== inputs.length || known.inputs.some((input, i) => input !== inputs[i])) {
      const reports: FindingInput<D>[] = [];
      check(chunk as readonly IsmsModel[L][number][], (input) => reports.push(input));
      byRule.set(rule, (known = { inputs, reports }) as { inputs: readonly unknown[]; reports: FindingInput<FindingData>[] });
    }
    for (const input of known.reports) all.push(input);
  }
  return all;
}

const kept = new WeakMap<readonly unknown[], Map<string, { inputs: readonly unknown[]; reports: FindingInput<FindingData>[] }>>();
