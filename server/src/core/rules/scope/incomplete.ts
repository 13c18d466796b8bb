import { isMap, isScalar, isSeq, type Node } from "yaml";
import { list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: what the scope lacks, and the excluded item it concerns. */
const data = shape({ item: optional(text), missing: list(text) });
export type ScopeIncompleteData = DataOf<typeof data>;

/** `scope/incomplete`: the ISMS scope lacks its statement, boundaries or interfaces, or an exclusion lacks its justification. */
export const rule: Rule<ScopeIncompleteData> = {
  id: "scope/incomplete",
  severity: "error",
  clause: "4.3",
  reads: ["documents", "definitions", "files"],
  description: "The ISMS scope lacks a statement or boundaries (error), or interfaces or the justification of an exclusion (warning).",
  docs: `Checks \`scope\` in \`isms.yaml\`:

- \`statement\`: the scope as published;
- \`boundaries\`: the units, locations, networks and systems included (4.3);
- \`interfaces\`: interfaces and dependencies with activities performed by others (4.3 c);
- every entry of \`exclusions\` has a \`justification\`.

4.3 reads: "The organization shall determine the boundaries and applicability of the information
security management system to establish its scope. When determining this scope, the organization
shall consider: a) the external and internal issues …; b) the requirements …; c) interfaces and
dependencies between activities performed by the organization, and those that are performed by
other organizations. The scope shall be available as documented information."

A missing statement or missing boundaries are errors: the scope is not determined. Interfaces are
something to *consider* (4.3 c), and the standard does not ask for exclusions to be justified, so
missing interfaces and an unjustified exclusion are warnings: an auditor would very likely raise
them, but they are not a missed "shall". The scope is the first thing a certification body reads: it
appears on the certificate, and every other decision (risks, Statement of Applicability, audits)
is judged against it. Exclusions without a reason are challenged at every audit.

**Fix:** complete the missing parts of \`scope\`, and give each exclusion a \`justification\` that
explains why leaving it out does not affect the organization's ability to deliver information
security.`,
  data,
  check({ model, report }) {
    const isms = model.isms;
    if (!isms) return;
    const lines = model.files.find((f) => f.file === isms.file)?.lines;
    const rangeOf = (n: Node | null | undefined) => (n?.range && lines ? lines.rangeOf(n.range[0], n.range[1]) : undefined);
    const scopePair = isms.node.items.find((p) => isScalar(p.key) && p.key.value === "scope");
    const kindDoc = model.documents.find((d) => d.kind === "ISMS" && d.file === isms.file);
    const anchor = rangeOf(isScalar(scopePair?.key) ? scopePair.key : undefined) ?? kindDoc?.kindRange ?? isms.range;

    const missing: string[] = [];
    const words: string[] = [];
    if (!isms.scopeStatement) {
      missing.push("statement");
      words.push("statement");
    }
    if (isms.scopeBoundaries.length === 0) {
      missing.push("boundaries");
      words.push("boundaries (the units, sites, networks and systems included)");
    }
    if (missing.length > 0) {
      const list = (items: string[], glue: string) => (items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")}${glue}${items[items.length - 1]}`);
      report({
        file: isms.file,
        range: anchor,
        message: isms.scopeNode
          ? `The ISMS scope has no ${list(words, " and no ")}: add ${missing.length === 1 ? "it" : "them"} under scope (4.3).`
          : "isms.yaml has no scope: add scope with a statement, boundaries (the units, sites, networks and systems included) and interfaces (dependencies on activities performed by others, 4.3 c) (4.3).",
        data: { missing },
      });
    }
    if (isms.scopeInterfaces.length === 0 && isms.scopeNode) {
      report({
        file: isms.file,
        range: anchor,
        severity: "warning",
        message: "The ISMS scope records no interfaces: add interfaces (dependencies on activities performed by others) under scope, as 4.3 c asks you to consider them.",
        data: { missing: ["interfaces"] },
      });
    }

    const exclusions = isms.scopeNode?.get("exclusions", true);
    if (!isSeq(exclusions)) return;
    for (const item of exclusions.items) {
      const node = item as Node;
      let text: string | undefined;
      let at: Node = node;
      if (isMap(node)) {
        const justification = node.get("justification", true);
        if (isScalar(justification) && String(justification.value ?? "").trim() !== "") continue;
        const what = node.get("item", true);
        if (isScalar(what) && what.value !== null && String(what.value).trim() !== "") {
          text = String(what.value);
          at = what;
        }
      } else if (isScalar(node)) {
        if (node.value === null || String(node.value).trim() === "") continue;
        text = String(node.value);
      } else {
        continue;
      }
      report({
        file: isms.file,
        range: rangeOf(at) ?? anchor,
        severity: "warning",
        message: `The scope exclusion${text ? ` "${text}"` : ""} has no justification: explain why it is excluded and why that does not affect information security within the scope (4.3).`,
        data: { item: text, missing: ["justification"] },
      });
    }
  },
};
