import type { Rule } from "../rule";

/** `yaml/syntax`: the file is not well-formed YAML (7.5.3: documented information must be usable). */
export const rule: Rule = {
  id: "yaml/syntax",
  severity: "error",
  clause: "7.5.3",
  reads: ["files"],
  description: "The file is not valid YAML (syntax error, tab indentation, duplicate key, merge-conflict marker, binary content).",
  docs: `A file of the ISMS that is not well-formed YAML cannot be read, so the records in it are
missing from every other check. Typical causes: an unclosed quote or bracket, indentation with tabs,
the same key twice in one mapping (YAML keeps only one value), a git merge-conflict marker left in
the file, or a file that is not text at all.

This check cannot be turned off or suppressed: records in an unreadable file are invisible to
every other check.

7.5.3 reads: "Documented information required by the information security management system and by this document shall be controlled to ensure: a) it is available and suitable for use, where and when it is needed; and b) it is adequately protected".

**Fix:** correct the syntax at the marked range. Other files are still checked meanwhile; references
to records in a broken file may show as unresolved until it parses again.`,
  fileLevel: true,
  unsuppressible: true,
  check({ model, report }) {
    for (const file of model.files) {
      for (const problem of [...file.problems, ...file.encodingProblems]) report({ file: file.file, range: problem.range, message: problem.message });
    }
  },
};
