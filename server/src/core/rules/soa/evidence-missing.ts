import { evidenceTarget, existsUnderRoot, shownPath } from "../../evidence/evidence-path";
import type { FindingInput } from "../../findings";
import type { Value } from "../../model/types";
import { oneOf, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { written } from "../anchors";

/**
 * `data` of its findings: the control or policy; the path as written; why: `none` (no evidence
 * cited), `missing` (no such file under the root), `outside` (climbs out of the root), `absolute`
 * or `file-uri`.
 */
const data = shape({ control: optional(text), policy: optional(text), path: optional(text), reason: oneOf("none", "missing", "outside", "absolute", "file-uri") });
export type EvidenceMissingData = DataOf<typeof data>;

/** `soa/evidence-missing`: an implemented control without evidence, or a cited file that is not under the ISMS root (7.5.3, 9.1). */
export const rule: Rule<EvidenceMissingData> = {
  id: "soa/evidence-missing",
  severity: "error",
  clause: "7.5.3, 9.1",
  reads: ["soaEntries", "policies", "existingFiles"],
  data,
  description: "An implemented SoA control cites no evidence (warning), or an evidence entry or a policy path names a file that does not exist under the ISMS root (error).",
  docs: `ISO/IEC 27001:2022 7.5.3: "Documented information required by the information security
management system and by this document shall be controlled to ensure: a) it is available and
suitable for use, where and when it is needed". 9.1: "Appropriate documented information shall be
available as evidence of the results." Auditors sample implemented controls and open the evidence
the SoA cites: a control claimed implemented with nothing to show, or a link to a file that is
not there, is a finding.

This rule reports:

- **warning**: an applicable control with \`status: implemented\` and no \`evidence\`;
- **error**: an \`evidence\` entry of the SoA, or a policy's \`path\`, that is a relative path to no
  file or folder under the ISMS root (the folder of isms.yaml), including paths whose \`..\`
  climb out of the root;
- **warning**: an absolute path or \`file:\` URI, which names a file on one machine rather than in
  the ISMS.

URLs (\`https://…\`, any \`scheme://…\`, \`mailto:\`, \`urn:\`) are listed as written and never fetched; other
texts with a colon (\`Pending: …\`, \`javascript:\`) are checked as paths. Nothing outside the ISMS root is read: the editor and
the command line list the files under the root, and this rule looks the paths up in that list
(symbolic links that lead out of the root do not count as files under it). When no list is given
(a check of texts alone), only the first and last cases are reported.

**Fix:** cite the document, record or export that shows the control working, as a path relative to
the ISMS root (\`docs/access-review-2026-q3.pdf\`) or a URL; correct or remove a path to a file that
was moved or deleted.`,
  check({ model, existingFiles, report }) {
    const checkPath = (file: string, value: Value<string>, what: string, facts: { control?: string; policy?: string }): FindingInput<EvidenceMissingData> | undefined => {
      const target = evidenceTarget(value.value);
      if (target.kind === "url") return undefined;
      if (target.kind === "absolute" || target.kind === "file-uri") {
        return {
          file,
          range: value.range,
          severity: "warning",
          message: `${what} "${shownPath(value.value)}" is ${target.kind === "absolute" ? "an absolute path" : "a file: URI"}: it names a file on one machine, not in the ISMS; write a path relative to the ISMS root or a URL (7.5.3).`,
          data: { ...facts, path: clipped(value.value), reason: target.kind === "absolute" ? "absolute" : "file-uri" },
        };
      }
      if (target.kind === "outside") {
        return {
          file,
          range: value.range,
          message: `${what} "${shownPath(value.value)}" points outside the ISMS root: evidence must be documented information the ISMS controls; write a path relative to the ISMS root (7.5.3).`,
          data: { ...facts, path: clipped(value.value), reason: "outside" },
        };
      }
      if (!existingFiles || existsUnderRoot(target.path, existingFiles)) return undefined;
      return {
        file,
        range: value.range,
        message: `${what} "${shownPath(value.value)}" names no file under the ISMS root: the documented information must be available where it is needed (7.5.3 a).`,
        data: { ...facts, path: clipped(value.value), reason: "missing" },
      };
    };

    for (const entry of model.soaEntries) {
      const control = entry.control;
      if (!control) continue;
      if (entry.applicable?.value === true && entry.status?.value === "implemented" && entry.evidence.length === 0 && !written(entry, "evidence")) {
        report({
          file: control.file,
          range: control.range,
          severity: "warning",
          message: `${control.id} is implemented but cites no evidence: list the documents or records that show it working (evidence: [...]) (7.5.3, 9.1).`,
          data: { control: control.id, reason: "none" },
        });
      }
      for (const value of entry.evidence) {
        const finding = checkPath(entry.file, value, `The evidence of ${control.id}`, { control: control.id });
        if (finding) report(finding);
      }
    }
    for (const policy of model.policies) {
      if (!policy.path) continue;
      const finding = checkPath(policy.file, policy.path, `The path of policy ${policy.id?.value ?? "(no id)"}`, { policy: policy.id?.value });
      if (finding) report(finding);
    }
  },
};

/** Longest path kept in a finding's data (characters): a longer one is cut, so the data stays small. */
const MAX_PATH_IN_DATA = 512;

/** `path` as the finding's data carries it: cut after {@link MAX_PATH_IN_DATA} characters, with "…". */
function clipped(path: string): string {
  return path.length > MAX_PATH_IN_DATA ? `${path.slice(0, MAX_PATH_IN_DATA)}…` : path;
}
