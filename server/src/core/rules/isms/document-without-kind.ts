import { isMap, isSeq } from "yaml";
import { documentsWithoutKind } from "../../parse/parsed-file";
import type { Rule } from "../rule";

/** `isms/document-without-kind`: a YAML document of an ISMS file that is not an ISMS document, so its content is not read. */
export const rule: Rule = {
  id: "isms/document-without-kind",
  severity: "error",
  clause: "7.5.3",
  reads: ["documents", "files"],
  description: "A YAML document in an ISMS file has no apiVersion: isms/v1 and no ISMS kind (often a stray --- or ... splitting a document), so nothing in it is part of the ISMS.",
  docs: `Each YAML document (the parts of a file between \`---\` separators) is read as part of the
ISMS only when it declares \`apiVersion: isms/v1\` and an ISMS \`kind\`. A document without them is
skipped whole: its risks, controls or actions are not checked, and references to them elsewhere
are reported as unresolved. This happens most often when a \`---\` (or \`...\`) is typed or pasted
into the middle of a register, which cuts the records after it off into a document of their own.
A file whose documents are all non-ISMS YAML is left alone; this rule only looks at files that
hold at least one ISMS document.

7.5.3 reads: "Documented information required by the information security management system and by this document shall be controlled to ensure: a) it is available and suitable for use, where and when it is needed; and b) it is adequately protected".

**Fix:** remove the stray separator, or give the document its own header
(\`apiVersion: isms/v1\` and \`kind: …\`).`,
  fileLevel: true,
  check({ model, report }) {
    for (const file of model.files) {
      for (const document of documentsWithoutKind(file)) {
        const contents = document.doc.contents;
        const entries = isMap(contents) || isSeq(contents) ? contents.items.length : 1;
        // At the separator that starts the document, when it stands on the line before its content.
        const first = document.range.start.line;
        const line = first > 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(file.lines.lineText(first - 1)) ? first - 1 : first;
        report({
          file: file.file,
          range: file.lines.lineRange(line),
          message: `This YAML document (number ${document.index + 1} in the file) has no apiVersion: isms/v1 and no ISMS kind, so its ${entries === 1 ? "content is" : `${entries} entries are`} not part of the ISMS: nothing in it is checked or can be referenced. Remove the stray --- or ... before it, or give it a header.`,
        });
      }
    }
  },
};
