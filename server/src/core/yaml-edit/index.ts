/**
 * The YAML edit toolkit: minimal text edits computed from the YAML CST of parsed files, so an
 * edit never loses a comment, a blank line, a quoting or a line ending outside what it changes.
 * Used by the rules' quick-fixes (`rules/<area>/<name>.fix.ts`) and by the "Add Risk" / "Add
 * Action" edits (`../edits`).
 *
 * - `editor`: {@link FileEditor} (pending edits of one file, by offset) and
 *   {@link WorkspaceEditor} (the edits of one change across files, with created files).
 * - `node-edits`: edits of mappings and lists (set a value, insert keys, add to a list) in the
 *   style of their neighbours.
 * - `append-record`: a new record at the end of the main document of a kind, or a new file.
 * - `records`: finding the record a finding is about, next ids, dates, labels.
 */
export { FileEditor, WorkspaceEditor, lineEndingOf, type EditContext, type FixEdit } from "./editor";
export * from "./node-edits";
export { appendRecord, addDocument, type AppendTarget, type RecordPairs } from "./append-record";
export { addDays, containsRange, labelOf, mainDocument, nextId, recordOf, rootFile } from "./records";
