import type { IsmsModel } from "../model/isms-model";
import type { RecordKind } from "../model/types";
import type { ReportDocument, ReportTarget } from "./layout";

/** The kinds of record an SoA source may name, in resolution order. */
const SOURCE_KINDS: readonly RecordKind[] = ["risk", "requirement", "interested-party"];

/**
 * Where every row key and link target of a laid-out report lies: the targets the layout knows
 * (entries, risks, findings), plus the records named by id (`ref:<id>`, an SoA source) looked
 * up in the model. Keys that resolve to nothing are left out. Pure.
 */
export function reportTargets(doc: ReportDocument, model: IsmsModel): Record<string, ReportTarget> {
  const targets: Record<string, ReportTarget> = { ...doc.targets };
  for (const table of doc.tables) {
    for (const row of table.rows) {
      for (const cell of row) {
        for (const link of cell.links ?? []) {
          if (Object.hasOwn(targets, link.target) || !link.target.startsWith("ref:")) continue;
          const record = model.index.find(SOURCE_KINDS, link.target.slice("ref:".length));
          if (!record) continue;
          const start = (record.id?.range ?? record.range).start;
          targets[link.target] = { file: record.file, line: start.line, character: start.character };
        }
      }
    }
  }
  return targets;
}
