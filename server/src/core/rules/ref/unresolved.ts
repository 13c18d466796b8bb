import { isScalar, visit } from "yaml";
import { canonicalControlId } from "../../catalog/catalog";
import { knownControl } from "../../model/controls";
import { chunksOf, unresolvedReferences } from "../../model/contributions";
import type { IsmsModel } from "../../model/isms-model";
import type { ControlReference, RecordKind, Reference } from "../../model/types";
import type { FindingInput } from "../../findings";
import { sameItems } from "../../same-items";
import type { Catalog } from "../../catalog/catalog";
import { append } from "../../append";
import { RECORD_KIND_LABEL } from "../../model/types";
import { documentsWithoutKind, type ParsedFile } from "../../parse/parsed-file";
import { boundedClosestIds } from "../../text/closest";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./unresolved.fix";

/** `data` of its findings: the id written, the kinds of record it may name and the closest existing ids. */
const data = shape({ id: text, targets: list(text), candidates: list(text) });
export type UnresolvedData = DataOf<typeof data>;

/** Distinct unknown ids per check that get "Did you mean" candidates (each costs one scan of the ids). */
const MAX_SUGGESTED_IDS = 100;

/** `ref/unresolved`: a reference to an id that no record of the ISMS has. */
export const rule: Rule<UnresolvedData> = {
  id: "ref/unresolved",
  severity: "error",
  clause: "7.5.3",
  reads: [
    "documents",
    "people",
    "interestedParties",
    "requirements",
    "assets",
    "risks",
    "actions",
    "findings",
    "reviews",
    "nonconformities",
    "objectives",
    "catalogControls",
    "roles",
    "references",
    "controlReferences",
    "files",
  ],
  description: "A reference (owner, source, action, control …) names an id that does not exist in the ISMS.",
  docs: `Every id used as a reference must name a record of the right kind somewhere under the ISMS
root: a person for \`owner\`, a risk, requirement or interested party for an SoA entry's \`sources\`,
an action for \`actions\`, an Annex A control for \`controls\`. Auditors follow these links; a
dangling one breaks the trace from a control decision to its rationale.

7.5.3 reads: "Documented information required by the information security management system and by this document shall be controlled to ensure: a) it is available and suitable for use, where and when it is needed; and b) it is adequately protected".

**Fix:** correct the id (the quick-fix offers the closest existing ids) or add the missing record.
The closest ids are looked up for the first ${MAX_SUGGESTED_IDS} distinct unknown ids of a check; past
that (a bulk rename), the findings name the unknown id without candidates.`,
  data,
  fixes,
  check({ model, catalog, report }) {
    const broken = model.files.filter((f) => f.problems.length > 0).map((f) => f.file);
    const note = broken.length > 0 ? ` (it may be defined in ${broken.join(", ")}, which cannot be read until its syntax errors are fixed)` : "";
    const unread = idsInDocumentsWithoutKind(model.files);
    const closest = boundedClosestIds(MAX_SUGGESTED_IDS);
    for (const ref of unresolvedReferences(model)) {
      const candidates = closest(ref.id, ref.targets.join(), () => idsOfKinds(model, ref.targets));
      const where = unread.get(ref.id);
      const hint = where ? ` (it is written in ${where.file}, line ${where.line + 1}, in a YAML document without apiVersion and kind, which is not read: see isms/document-without-kind)` : note;
      // The report of a reference that is still unresolved, with the same words, is the earlier one.
      const known = reported.get(ref);
      if (known && known.hint === hint && sameItems(known.candidates, candidates)) {
        report(known.input);
        continue;
      }
      const kinds = ref.targets.map((k) => RECORD_KIND_LABEL[k]);
      const input = {
        file: ref.file,
        range: ref.range,
        message: `No ${kinds.join(", ").replace(/, ([^,]*)$/, " or $1")} has the id "${ref.id}"${hint}.${candidates.length ? ` Did you mean ${candidates.join(", ")}?` : ""}`,
        data: { id: ref.id, targets: ref.targets, candidates },
      };
      reported.set(ref, { hint, candidates, input });
      report(input);
    }
    for (const ref of unknownControls(model, catalog)) {
      const annexAOnly = ref.field === "controls[].maps_to";
      const candidates = closest(ref.id, annexAOnly ? "annex-a" : "control", () => [...catalog.controls.map((c) => c.id), ...(annexAOnly ? [] : model.index.ids("control"))]);
      report({
        file: ref.file,
        range: ref.range,
        message: `"${ref.written}" is not an Annex A control of ISO/IEC 27001:2022 (A.5.1 to A.8.34)${annexAOnly ? "" : " nor a control of a ControlCatalog of this ISMS"}.${candidates.length ? ` Did you mean ${candidates.join(", ")}?` : ""}`,
        data: { id: ref.id, targets: ["control"], candidates },
      });
    }
  },
};

/**
 * The last report of each unresolved reference, with the words that vary besides the reference (a
 * reference is kept while its record is, see `parse/item-cache.ts`, and its range with it).
 */
const reported = new WeakMap<Reference, { hint: string; candidates: readonly string[]; input: FindingInput<UnresolvedData> }>();

/**
 * The `id:` values written in the documents of ISMS files that are not ISMS documents (cut off by a
 * stray `---`), with where they stand, so a reference to one can say why it does not resolve.
 */
/**
 * The control references that name no control this rule should report, in model order: not an
 * SoA entry's own control (soa/unknown-control), not a numeric Annex A id (yaml/numeric-control-id).
 * Kept per file while its references, the catalog and the ISMS's catalog controls are unchanged.
 */
function unknownControls(model: IsmsModel, catalog: Catalog): ControlReference[] {
  const all: ControlReference[] = [];
  for (const chunk of chunksOf(model, "controlReferences")) {
    let known = unknownIn.get(chunk);
    if (!known || known.catalog !== catalog || known.catalogControls !== model.catalogControls) {
      const references = chunk.filter((ref) => {
        if (ref.field === "controls[].control") return false;
        if (ref.numeric && canonicalControlId(ref.written) !== undefined) return false;
        const annexAOnly = ref.field === "controls[].maps_to";
        return !(ref.theme ? ["A.5", "A.6", "A.7", "A.8"].includes(ref.id) : annexAOnly ? catalog.control(ref.id) : knownControl(model, ref.id));
      });
      unknownIn.set(chunk, (known = { catalog, catalogControls: model.catalogControls, references }));
    }
    append(all, known.references);
  }
  return all;
}

const unknownIn = new WeakMap<readonly ControlReference[], { catalog: Catalog; catalogControls: readonly unknown[]; references: ControlReference[] }>();

/**
 * The ids of records of `kinds`, in that order: the index's own array for one kind, else one
 * array kept while each kind's ids are (so the candidates for suggestions are prepared once, not
 * on every check after an edit).
 */
function idsOfKinds(model: IsmsModel, kinds: readonly RecordKind[]): readonly string[] {
  const lists = kinds.map((kind) => model.index.ids(kind));
  if (lists.length === 1) return lists[0];
  const key = kinds.join();
  const known = combined.get(key);
  if (known && known.lists.length === lists.length && known.lists.every((list, i) => list === lists[i])) return known.ids;
  const ids = lists.flat();
  combined.set(key, { lists, ids });
  return ids;
}

/** The last {@link idsOfKinds} of each combination of kinds. */
const combined = new Map<string, { lists: readonly (readonly string[])[]; ids: readonly string[] }>();

function idsInDocumentsWithoutKind(files: readonly ParsedFile[]): Map<string, { file: string; line: number }> {
  const ids = new Map<string, { file: string; line: number }>();
  for (const file of files) {
    for (const document of documentsWithoutKind(file)) {
      visit(document.doc, {
        Pair(_key, pair) {
          if (isScalar(pair.key) && pair.key.value === "id" && isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.range && !ids.has(pair.value.value)) {
            ids.set(pair.value.value, { file: file.file, line: file.lines.positionAt(pair.value.range[0]).line });
          }
        },
      });
    }
  }
  return ids;
}
