import type { RecordKind } from "./types";

/** The lists of a model merged from its files' contributions, in the order `buildModel` merges them (each a key of `IsmsModel`: build-model.ts checks). */
export const MERGED_LISTS = [
  "documents",
  "definitions",
  "methodologies",
  "people",
  "interestedParties",
  "requirements",
  "assets",
  "risks",
  "statements",
  "soaEntries",
  "actions",
  "audits",
  "findings",
  "reviews",
  "nonconformities",
  "objectives",
  "policies",
  "controlCatalogs",
  "catalogControls",
  "competenceRegisters",
  "roles",
  "competenceRecords",
  "awareness",
  "monitoringPlans",
  "measures",
  "supplierRegisters",
  "suppliers",
  "incidentLogs",
  "incidents",
  "references",
  "controlReferences",
  "readProblems",
  "invalidFields",
] as const;

/** A list merged from the files' contributions. */
export type MergedList = (typeof MERGED_LISTS)[number];

/** A list of a model: a merged list, or `files` (the parsed files themselves). */
export type ModelList = MergedList | "files";

/** The list holding the records of each kind (the lists `index` is built from). */
export const LIST_OF_KIND: Readonly<Record<RecordKind, MergedList>> = {
  person: "people",
  "interested-party": "interestedParties",
  requirement: "requirements",
  asset: "assets",
  risk: "risks",
  action: "actions",
  audit: "audits",
  finding: "findings",
  review: "reviews",
  nonconformity: "nonconformities",
  objective: "objectives",
  policy: "policies",
  "control-catalog": "controlCatalogs",
  control: "catalogControls",
  role: "roles",
  awareness: "awareness",
  measure: "measures",
  supplier: "suppliers",
  incident: "incidents",
};

/** The lists whose records have ids and go into `index`, in the order of {@link LIST_OF_KIND}. */
export const INDEXED_LISTS: readonly MergedList[] = Object.values(LIST_OF_KIND);
