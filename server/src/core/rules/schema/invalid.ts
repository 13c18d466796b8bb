import { validateDocument } from "../../schema/validate";
import type { Rule } from "../rule";

/** `schema/invalid`: a document does not match the JSON Schema of its kind, or holds an impossible date. */
export const rule: Rule = {
  id: "schema/invalid",
  severity: "error",
  clause: "7.5.2",
  reads: ["documents", "readProblems", "files"],
  description: "A document does not follow the ISMS format: unknown kind or field, wrong type, value not allowed, impossible date.",
  docs: `Each kind of ISMS document has a JSON Schema (\`schemas/\`). A field with the wrong type (text where
a number is expected), a value outside the allowed list (\`treatment: mitgate\`), a misspelt field
(\`likelyhood\`) or an impossible date (\`2026-02-30\`) would otherwise be silently ignored by every
other check. Fields of your own are allowed when their name starts with \`x-\`.

7.5.2 reads: "When creating and updating documented information the organization shall ensure appropriate: a) identification and description …; b) format … and media …; and c) review and approval for suitability and adequacy."

**Fix:** follow the message; hovering a field shows what it expects.`,
  fileLevel: true,
  check({ model, report }) {
    for (const file of model.files) {
      for (const doc of file.ismsDocuments) {
        for (const problem of validateDocument(file, doc)) report({ file: file.file, range: problem.range, message: problem.message });
      }
    }
    for (const problem of model.readProblems) report({ file: problem.file, range: problem.range, message: problem.message });
  },
};
