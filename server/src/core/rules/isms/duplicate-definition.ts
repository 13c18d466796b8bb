import { shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the file whose definition is used. */
const data = shape({ used: text });
export type DuplicateDefinitionData = DataOf<typeof data>;

/** `isms/duplicate-definition`: more than one `kind: ISMS` document under one ISMS root. */
export const rule: Rule<DuplicateDefinitionData> = {
  id: "isms/duplicate-definition",
  severity: "error",
  clause: "4.3",
  reads: ["documents", "definitions"],
  description: "More than one kind: ISMS document defines the same ISMS root (another file in the root folder, or a second document in isms.yaml).",
  docs: `The ISMS root folder holds one definition of the ISMS, \`isms.yaml\` (\`kind: ISMS\`): its scope
(4.3), context, people, cadence and rule settings. When another file in the root folder, or a
second \`---\` document of \`isms.yaml\`, also declares \`kind: ISMS\`, only one definition can be
used: the one in \`isms.yaml\` (the first there), else the first by file name. The scope and
settings of the others are silently ignored, so the documented scope may not be the one that is
checked, which an auditor will question.

Every definition other than the one used is reported at its \`kind\`.

4.3 reads: "The organization shall determine the boundaries and applicability of the information security management system to establish its scope." and "The scope shall be available as documented information."

**Fix:** merge the content into \`isms.yaml\` and delete the other definition, or move that
file to its own folder if it really defines a separate ISMS.`,
  data,
  check({ model, report }) {
    const used = model.isms;
    if (!used || model.definitions.length < 2) return;
    const kindOf = (node: unknown) => model.documents.find((d) => d.root === node);
    const usedDoc = kindOf(used.node);
    const usedName = usedDoc && usedDoc.index > 0 ? `document ${usedDoc.index + 1} of ${used.file}` : used.file;
    for (const other of model.definitions) {
      if (other === used) continue;
      const doc = kindOf(other.node);
      const where = other.file === used.file ? `This is a second kind: ISMS document in ${other.file}` : `${other.file} also declares kind: ISMS in the root folder of ${used.file}`;
      report({
        file: other.file,
        range: doc?.kindRange ?? other.range,
        message: `${where}: only ${usedName} defines the ISMS, so the scope, people and settings here are ignored. Merge them into ${used.file} and remove this definition (4.3).`,
        related: [{ file: used.file, range: usedDoc?.kindRange ?? used.range, message: "the ISMS definition in use" }],
        data: { used: used.file },
      });
    }
  },
};
