import type { Rule } from "../rule";

/** `isms/no-root`: an ISMS document outside any folder holding `isms.yaml`. */
export const rule: Rule = {
  id: "isms/no-root",
  severity: "warning",
  clause: "4.3",
  reads: ["documents", "definitions"],
  description: "An ISMS document lies outside every ISMS root (a folder whose isms.yaml declares kind: ISMS), so it belongs to no ISMS.",
  docs: `An ISMS is a folder tree whose root holds \`isms.yaml\` (\`kind: ISMS\`). Documents outside such a
tree are not part of any ISMS: their risks, controls and actions count nowhere, and references to
them do not resolve.

4.3 reads: "The organization shall determine the boundaries and applicability of the information security management system to establish its scope." and "The scope shall be available as documented information."

**Fix:** move the file under the ISMS root, or create the root's \`isms.yaml\`.`,
  fileLevel: true,
  check({ model, report }) {
    if (model.isms) return;
    for (const doc of model.documents) {
      report({
        file: doc.file,
        range: doc.kindRange ?? doc.range,
        message: `This ${doc.kind ?? "ISMS"} document is not under a folder with isms.yaml (kind: ISMS), so it is not part of any ISMS.`,
      });
    }
  },
};
