import { isMap, isScalar, type Document, type YAMLError, type YAMLMap } from "yaml";
import { parseYamlDocuments } from "./yaml-documents";
import { describeYamlError } from "./syntax-problems";
import { LineIndex } from "../text/line-index";
import type { Range } from "../text/range";
import { stripBom } from "../text/bom";
import { FILE_START } from "../text/range";

/** The kinds of ISMS document the format defines (`kind:` at the top of a document). */
export const ISMS_KINDS = [
  "ISMS",
  "RiskMethodology",
  "AssetInventory",
  "RiskRegister",
  "StatementOfApplicability",
  "ActionPlan",
  "InternalAudit",
  "ManagementReview",
  "NonconformityLog",
  "Objectives",
  "PolicyRegister",
  "ControlCatalog",
  "CompetenceRegister",
  "MonitoringPlan",
  "SupplierRegister",
  "IncidentLog",
] as const;

/** One of {@link ISMS_KINDS}. */
export type IsmsKind = (typeof ISMS_KINDS)[number];

/** The `apiVersion` every ISMS document carries. */
export const API_VERSION = "isms/v1";

/** A YAML syntax problem of a file, reported by the `yaml/syntax` rule. */
export interface SyntaxProblem {
  range: Range;
  message: string;
}

/** One YAML document (between `---` separators) of an ISMS file. */
export interface ParsedDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  doc: Document.Parsed;
  /** The top-level mapping, when the document is one. */
  root?: YAMLMap;
  /** The `kind:` value as written, when it is a string. */
  kind?: string;
  kindRange?: Range;
  range: Range;
  /** True when YAML reported errors inside this document (its content is a best-effort recovery). */
  hasErrors: boolean;
}

/**
 * A file of the workspace read as YAML. `text` is the file's text without a byte-order mark;
 * all ranges are relative to it.
 */
export interface ParsedFile {
  file: string;
  text: string;
  lines: LineIndex;
  /** Every YAML document of the file, ISMS or not. */
  documents: ParsedDocument[];
  /** Documents whose `kind` is an ISMS kind or whose `apiVersion` is `isms/v1`. */
  ismsDocuments: ParsedDocument[];
  /** True when the file is (or, being broken, looks like) part of an ISMS. */
  isIsms: boolean;
  /** Syntax problems (only kept for ISMS files: other YAML files are left alone). */
  problems: SyntaxProblem[];
  /**
   * Characters that were not valid UTF-8 when the file was read (U+FFFD). Reported with the
   * syntax problems, but the YAML around them reads fine, so the file is not broken for the
   * other checks (only kept for ISMS files).
   */
  encodingProblems: SyntaxProblem[];
  /** True when the file could not be read as YAML at all (binary, merge conflict). */
  unreadable: boolean;
  /** True when the file holds nothing but whitespace and comments. */
  empty: boolean;
  /**
   * What the path is when it is named like a YAML file but is not a file ("a folder", "a named
   * pipe (FIFO)" …): it has no text and is reported once by `isms/not-a-file`.
   */
  special?: string;
}

/**
 * How every ISMS file is read as YAML (the incremental re-parse must read a part the same way).
 * `logLevel: "error"`: the library's warnings (a mapping used as a key, read later by `toJS`) would
 * go to the process's warnings, i.e. the editor's log on every keystroke; the schema check reports
 * such keys instead.
 */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, merge: true, logLevel: "error" } as const;

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;
/** A line that reads like an ISMS header, even with its colon lost (`kind ActionPlan`): a broken ISMS file keeps its syntax errors. */
const LOOKS_ISMS = new RegExp(`^(?:---\\s*)?(?:apiVersion\\s*:?\\s*["']?isms/|kind\\s*:?\\s*["']?(?:${ISMS_KINDS.join("|")})\\b)`, "m");

/**
 * Parses one file's text into YAML documents with source ranges. Never throws: a file that is
 * not text, holds git merge-conflict markers or is malformed YAML yields `problems` with ranges,
 * and whatever YAML could recover.
 *
 * @param file  the file's key (path or URI), echoed in every range-bearing result
 * @param rawText  the file's content; a leading byte-order mark is dropped
 */
export function parseFile(file: string, rawText: string): ParsedFile {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const base = { file, text, lines };

  if (text.includes("\u0000")) {
    return { ...unreadableFile(file, [{ range: FILE_START, message: "This file is not text (it holds binary data), so it cannot be read as YAML." }]), text, lines };
  }

  const conflictLines: number[] = [];
  if (text.includes("<<<<<<<")) {
    for (let line = 0; line < lines.lineCount; line++) {
      if (CONFLICT_MARKER.test(lines.lineText(line))) conflictLines.push(line);
    }
  }
  const conflicted = conflictLines.some((l) => lines.lineText(l).startsWith("<<<<<<<"));
  if (conflicted) {
    const problems = conflictLines.map((line) => ({
      range: lines.lineRange(line),
      message: "Unresolved git merge conflict marker: resolve the conflict, then the file is checked again.",
    }));
    // The records are read from our side of the conflict (same offsets), so that the rest of the
    // ISMS still sees them: no cascade of "unresolved" references, and an isms.yaml in conflict
    // still makes its folder an ISMS root. Only the markers are reported in this file.
    const ours = parseYamlDocuments(keepOurSide(text, lines, conflictLines), YAML_OPTIONS);
    const documents = ours.map((doc, index) => parsedDocument(file, index, doc, lines));
    const isIsms = documents.some(isIsmsDocument) || LOOKS_ISMS.test(text);
    if (!isIsms) return { ...unreadableFile(file, problems, false), text, lines };
    return { ...assembleFile(base, documents, problems), isIsms: true };
  }

  const documents: ParsedDocument[] = [];
  const problems: SyntaxProblem[] = [];
  let parsed: Document.Parsed[] = [];
  try {
    // A lone CR is reported below; the documents are read as the editor shows the lines (CR as a
    // line break, same offsets), so that a root whose isms.yaml has one is still read.
    parsed = parseYamlDocuments(LONE_CR.test(text) ? text.replace(LONE_CR_ALL, "\n") : text, YAML_OPTIONS);
  } catch {
    problems.push({ range: FILE_START, message: "This file could not be read as YAML." });
  }

  let tabs = false;
  parsed.forEach((doc, index) => {
    problems.push(...syntaxProblemsOf(text, doc, lines));
    tabs ||= doc.errors.some((e) => e.code === "TAB_AS_INDENT");
    documents.push(parsedDocument(file, index, doc, lines));
  });
  if (tabs) {
    // Tabs are reported above; the records are read with each indenting tab as a space (same
    // offsets), so that the rest of the ISMS still sees what the file holds.
    const untabbed = parseYamlDocuments(
      text.replace(LONE_CR_ALL, "\n").replace(/^[ \t]+/gm, (indent) => indent.replace(/\t/g, " ")),
      YAML_OPTIONS,
    );
    documents.splice(0, documents.length, ...untabbed.map((doc, index) => parsedDocument(file, index, doc, lines)));
  }

  // First: on the line of a lone CR the parser's error is a consequence of it.
  problems.unshift(...loneCarriageReturn(text, lines));
  return assembleFile(base, documents, problems, notUtf8(text, lines));
}

/** The syntax problems of one parsed document of `text`: its errors worth reporting ({@link rootCauses}), in our words. */
export function syntaxProblemsOf(text: string, doc: Document.Parsed, lines: LineIndex): SyntaxProblem[] {
  return rootCauses(doc.errors).map((error) => {
    const { from, to, message } = describeYamlError(text, doc, error);
    return { range: lines.rangeOf(from, to), message };
  });
}

/**
 * The errors of a document worth reporting: a tab in the indentation, an unclosed bracket or quote
 * derails everything after it, so only those are reported (and what comes before them), not
 * their consequences.
 */
function rootCauses(errors: readonly YAMLError[]): readonly YAMLError[] {
  const tabs = errors.filter((e) => e.code === "TAB_AS_INDENT");
  if (tabs.length > 0) return tabs;
  const unclosed = errors.find((e) => (e.code === "BAD_INDENT" && /^Flow (sequence|map)/.test(e.message)) || (e.code === "MISSING_CHAR" && /quote/i.test(e.message)));
  if (!unclosed) return errors;
  return errors.filter((e) => e === unclosed || e.pos[0] < unclosed.pos[0]);
}

/**
 * A file that cannot be read as YAML at all (not text, a merge conflict, or not readable from
 * disk): no documents, and `problems` saying why. Its text is empty unless the caller sets it.
 *
 * @param isIsms  whether it counts as an ISMS file (default true: its problems are shown)
 */
export function unreadableFile(file: string, problems: SyntaxProblem[], isIsms = true): ParsedFile {
  return { file, text: "", lines: new LineIndex(""), documents: [], ismsDocuments: [], isIsms, problems, encodingProblems: [], unreadable: true, empty: false };
}

/**
 * The parse of a path named like a YAML file that is not a file (see {@link ParsedFile.special}):
 * no text, no documents, no problems.
 *
 * @param what  what it is, as a phrase ("a folder", "a named pipe (FIFO)")
 */
export function specialFile(file: string, what: string): ParsedFile {
  return { file, text: "", lines: new LineIndex(""), documents: [], ismsDocuments: [], isIsms: true, problems: [], encodingProblems: [], unreadable: false, empty: false, special: what };
}

/**
 * True when the text may hold what {@link parseFile} looks for across the whole file before or
 * after parsing (binary data, a merge-conflict marker, a non-UTF-8 character, a lone carriage
 * return), so a part of it cannot be parsed on its own. Cheap and cautious: a `<<<<<<<` anywhere counts.
 */
export function mayHaveWholeFileProblems(text: string): boolean {
  return text.includes("\u0000") || text.includes("<<<<<<<") || text.includes("\ufffd") || LONE_CR.test(text);
}

/**
 * The documents of an ISMS file that are not ISMS documents but hold something (a stray `---` cut
 * them off a register): their content is read by no check. None for a file without ISMS documents.
 */
export function documentsWithoutKind(file: ParsedFile): ParsedDocument[] {
  if (file.ismsDocuments.length === 0) return [];
  return file.documents.filter((d) => {
    const contents = d.doc.contents;
    return !file.ismsDocuments.includes(d) && contents !== null && contents !== undefined && !(isScalar(contents) && contents.value === null);
  });
}

/**
 * The {@link ParsedDocument} of one YAML document of a file: its top-level mapping, `kind` and
 * ranges (from the nodes' offsets, through `lines`).
 */
export function parsedDocument(file: string, index: number, doc: Document.Parsed, lines: LineIndex): ParsedDocument {
  const [start, , end] = doc.range ?? [0, 0, 0];
  const root = isMap(doc.contents) ? (doc.contents as YAMLMap) : undefined;
  const kindNode = root?.get("kind", true);
  const kind = isScalar(kindNode) && typeof kindNode.value === "string" ? kindNode.value : undefined;
  const kindRange = kind !== undefined && kindNode?.range ? lines.rangeOf(kindNode.range[0], kindNode.range[1]) : undefined;
  return { file, index, doc, root, kind, kindRange, range: lines.rangeOf(start, end), hasErrors: doc.errors.length > 0 };
}

/** A {@link ParsedFile} of readable text from its documents and syntax problems. */
export function assembleFile(base: Pick<ParsedFile, "file" | "text" | "lines">, documents: ParsedDocument[], problems: SyntaxProblem[], encodingProblems: SyntaxProblem[] = []): ParsedFile {
  const ismsDocuments = documents.filter((d) => isIsmsDocument(d));
  const isIsms = ismsDocuments.length > 0 || ((problems.length > 0 || encodingProblems.length > 0) && LOOKS_ISMS.test(base.text));
  const empty = documents.every((d) => d.doc.contents === null || d.doc.contents === undefined) && problems.length === 0 && encodingProblems.length === 0;
  return { ...base, documents, ismsDocuments, isIsms, problems: isIsms ? dedupe(problems) : [], encodingProblems: isIsms ? encodingProblems : [], unreadable: false, empty };
}

/** True when the document declares an ISMS kind or the ISMS apiVersion. */
function isIsmsDocument(d: ParsedDocument): boolean {
  if (d.kind !== undefined && (ISMS_KINDS as readonly string[]).includes(d.kind)) return true;
  const api = d.root?.get("apiVersion");
  return typeof api === "string" && api.startsWith("isms/");
}

/**
 * U+FFFD marks bytes that were not valid UTF-8 when the file was read (a file saved as Latin-1 or
 * Windows-1252): one problem per line holding them, so names like "Société" are not silently garbled.
 */
function notUtf8(text: string, lines: LineIndex): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  let lastLine = -1;
  for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) {
    const start = lines.positionAt(i);
    if (start.line === lastLine) continue;
    lastLine = start.line;
    problems.push({
      range: { start, end: { line: start.line, character: start.character + 1 } },
      message: "This character could not be read as UTF-8: the file seems to be saved in another encoding (Latin-1, Windows-1252). Save it as UTF-8.",
    });
    if (problems.length >= 20) break;
  }
  return problems;
}

/**
 * A carriage return not followed by a line feed (old Mac line endings, or one stray CR): the editor
 * shows a line break there, but the YAML parser reads the two lines as one. One problem, at the
 * first such CR.
 */
const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/**
 * The text with every line of the other side of a git merge conflict (from `=======` or the base
 * section's `|||||||` to `>>>>>>>`) and the marker lines blanked (spaces, same offsets): our side.
 */
function keepOurSide(text: string, lines: LineIndex, conflictLines: number[]): string {
  const markers = new Set(conflictLines);
  let out = "";
  let cursor = 0;
  let theirs = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const marker = markers.has(line) ? lines.lineText(line).slice(0, 7) : undefined;
    if (marker === "<<<<<<<") theirs = false;
    else if (marker === "|||||||" || marker === "=======") theirs = true;
    if (marker === undefined && !theirs) continue;
    const { start, end } = lines.lineRange(line);
    const from = lines.offsetAt(start);
    const to = lines.offsetAt(end);
    out += text.slice(cursor, from) + " ".repeat(to - from);
    cursor = to;
    if (marker === ">>>>>>>") theirs = false;
  }
  return out + text.slice(cursor);
}

function loneCarriageReturn(text: string, lines: LineIndex): SyntaxProblem[] {
  const loneCr = new RegExp(LONE_CR.source, "g");
  const first = loneCr.exec(text);
  if (!first) return [];
  let count = 1;
  while (loneCr.exec(text)) count++;
  // The CR ends its line (as the editor shows it): the line is the range.
  const { line } = lines.positionAt(first.index);
  return [
    {
      range: lines.lineRange(line),
      message: `This line ends with a lone carriage return (CR${count > 1 ? `, ${count} in this file` : ""}): YAML does not read it as a line break, so the lines around it run together. Save the file with LF or CRLF line endings.`,
    },
  ];
}

/** Keeps the first problem of each line: later ones on the same line are consequences. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<number>();
  return problems.filter((p) => {
    const key = p.range.start.line;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
