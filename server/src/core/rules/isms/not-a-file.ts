import { FILE_START } from "../../text/range";
import type { Rule } from "../rule";

/** `isms/not-a-file`: something named like an ISMS file that is not a file (a folder, a pipe, a device). */
export const rule: Rule = {
  id: "isms/not-a-file",
  severity: "info",
  clause: "7.5.3",
  reads: ["files"],
  fileLevel: true,
  description: "Something under the ISMS root is named *.yaml or *.yml but is not a file (a folder, a named pipe, a socket or a device), so it is not read.",
  docs: `Documented information must be available where it is needed (7.5.3 a). A folder named
\`risks.yaml\`, or a named pipe or device file with a YAML name, looks like an ISMS file in a
listing but holds no text to check: the checker does not read it (a pipe could block it forever),
and says so once instead of skipping it silently. A folder's own files are still read.

7.5.3 reads: "Documented information required by the information security management system and by
this document shall be controlled to ensure: a) it is available and suitable for use, where and when
it is needed". A pipe, device or folder named like a YAML file holds no documented information the
checker can read; it is reported once, as info, so it is not silently skipped.

**Fix:** rename it (a folder) or remove it (a pipe, socket or device file), and keep the ISMS
documents in ordinary files.`,
  check({ model, report }) {
    for (const file of model.files) {
      if (file.special === undefined) continue;
      report({ file: file.file, range: FILE_START, message: `This is ${file.special}, not a file, though it is named like a YAML file: it is not read. Rename or remove it.` });
    }
  },
};
