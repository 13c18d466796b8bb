import type { Rule } from "../rule";

/** `isms/empty-file`: a YAML file under the ISMS root that holds nothing. */
export const rule: Rule = {
  id: "isms/empty-file",
  severity: "info",
  clause: "7.5.3",
  reads: ["files"],
  description: "A YAML file under the ISMS root is empty (only whitespace or comments).",
  docs: `An empty YAML file adds nothing to the ISMS. It is often a file whose content was lost
(a failed save, a truncated copy).

7.5.3 reads: "Documented information required by the information security management system and by this document shall be controlled to ensure: a) it is available and suitable for use, where and when it is needed; and b) it is adequately protected".

**Fix:** restore its content or delete it.`,
  check({ model, report }) {
    for (const file of model.files) {
      if (file.empty)
        report({
          file: file.file,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: "This YAML file is empty: it adds nothing to the ISMS.",
          tags: ["unnecessary"],
        });
    }
  },
};
