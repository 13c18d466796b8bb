import { INDEXED_LISTS } from "../../model/model-lists";
import { RECORD_KIND_LABEL } from "../../model/types";
import type { Rule } from "../rule";

/** `ref/duplicate-id`: two records of the same kind share an id. */
export const rule: Rule = {
  id: "ref/duplicate-id",
  severity: "error",
  clause: "7.5.2",
  reads: INDEXED_LISTS,
  description: "Two records of the same kind (risks, actions, people …) share an id anywhere in the ISMS.",
  docs: `Ids identify records across the whole ISMS: every file under the root is one register, even
when a kind is split over several files. Two risks both called \`R-010\` make every reference to
\`R-010\` ambiguous.

7.5.2 reads: "When creating and updating documented information the organization shall ensure appropriate: a) identification and description …; b) format … and media …; and c) review and approval for suitability and adequacy."

**Fix:** give one of them a new id (and update the references that meant it).`,
  check({ model, report }) {
    for (const group of model.index.duplicates()) {
      for (const record of group) {
        const others = group.filter((o) => o !== record);
        report({
          file: record.file,
          range: record.id!.range,
          message: `The ${RECORD_KIND_LABEL[record.recordKind]} id "${record.id!.value}" is used ${group.length} times; ids must be unique across the ISMS.`,
          related: others.map((o) => ({ file: o.file, range: o.id!.range, message: `also "${o.id!.value}" here` })),
        });
      }
    }
  },
};
