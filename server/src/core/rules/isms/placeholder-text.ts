import { isScalar, visit } from "yaml";
import type { Rule } from "../rule";

/** A `<…>` placeholder as templates write them: letters and words, no address or tag syntax. */
const PLACEHOLDER = /<[A-Za-z][^<>\n@/=]{2,}>/;

/** `isms/placeholder-text`: text still holding a `<placeholder>` from a template. */
export const rule: Rule = {
  id: "isms/placeholder-text",
  severity: "warning",
  clause: "7.5.2",
  description: "A text still holds a <placeholder> from a template (e.g. the starter ISMS): the documented information is not yet the organization's own.",
  docs: `Templates such as \`examples/starter\` mark what you must write yourself with angle brackets:
\`<offices, data centres, remote working>\`. Left in place, they make a scope statement or a context
that reads as complete but says nothing about the organization, and an auditor reads them as
documented information that was never reviewed (7.5.2 b, c).

**Fix:** replace the placeholder with your own text.`,
  check({ model, report }) {
    for (const file of model.files) {
      if (!file.text.includes("<")) continue;
      for (const doc of file.ismsDocuments) {
        if (!doc.root) continue;
        visit(doc.root, {
          Scalar(_key, node) {
            if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
            const match = PLACEHOLDER.exec(node.value);
            if (!match) return;
            report({
              file: file.file,
              range: file.lines.rangeOf(node.range[0], node.range[1]),
              message: `Placeholder "${match[0].length > 60 ? match[0].slice(0, 57) + "…>" : match[0]}" is still here: replace it with the organization's own text.`,
            });
          },
        });
      }
    }
  },
};
