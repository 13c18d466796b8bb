import type { TextEdit } from "vscode-languageserver-types";
import type { IsmsModel } from "../model/isms-model";
import type { ParsedFile } from "../parse/parsed-file";
import type { Position } from "../text/range";

/**
 * A workspace edit: minimal text edits per file key (LSP 0-based ranges in the file's text as
 * parsed, without byte-order mark). `createFiles` lists keys of files the edit creates; their
 * whole content is the single insertion at 0:0 in `changes`.
 */
export interface FixEdit {
  changes: Record<string, TextEdit[]>;
  createFiles?: string[];
}

/** The files an edit may change: the model of an ISMS root and the parsed files as checked. */
export interface EditContext {
  model: IsmsModel;
  /** The parsed file of a key, as checked (the text finding ranges refer to). */
  files: (key: string) => ParsedFile | undefined;
}

/** One pending change of a file, in offsets of the file's text. */
interface PendingEdit {
  start: number;
  end: number;
  text: string;
}

/** The line ending a text uses: CRLF when its first line break is one, else LF. */
export function lineEndingOf(text: string): string {
  const nl = text.indexOf("\n");
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? "\r\n" : "\n";
}

/**
 * Collects minimal edits of one parsed file, by offset, and turns them into LSP text edits.
 * Edits must not overlap; insertions at the same offset keep the order in which they were added.
 */
export class FileEditor {
  readonly text: string;
  /** The file's line ending, to be used in every inserted line break. */
  readonly eol: string;
  private readonly pending: PendingEdit[] = [];

  constructor(readonly parsed: ParsedFile) {
    this.text = parsed.text;
    this.eol = lineEndingOf(parsed.text);
  }

  get key(): string {
    return this.parsed.file;
  }

  get isEmpty(): boolean {
    return this.pending.length === 0;
  }

  offsetAt(position: Position): number {
    return this.parsed.lines.offsetAt(position);
  }

  replace(start: number, end: number, text: string): void {
    if (start < 0 || end < start || end > this.text.length) throw new Error(`edit out of range: ${start}-${end}`);
    if (this.text.slice(start, end) === text) return;
    this.pending.push({ start, end, text });
  }

  insert(offset: number, text: string): void {
    if (text !== "") this.replace(offset, offset, text);
  }

  /** The edits as LSP text edits, in document order. Throws when two edits overlap. */
  textEdits(): TextEdit[] {
    const sorted = this.pending.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k - 1].end > sorted[k].start) throw new Error("overlapping edits");
    }
    const lines = this.parsed.lines;
    return sorted.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.text }));
  }
}

/** Collects the edits of one quick-fix across files, including files it creates. */
export class WorkspaceEditor {
  private readonly editors = new Map<string, FileEditor>();
  private readonly created = new Map<string, string>();

  constructor(private readonly context: EditContext) {}

  /** The editor of an existing file, or `undefined` when the file is not known. */
  file(key: string): FileEditor | undefined {
    let editor = this.editors.get(key);
    if (!editor) {
      const parsed = this.context.files(key) ?? this.context.model.files.find((f) => f.file === key);
      if (!parsed) return undefined;
      editor = new FileEditor(parsed);
      this.editors.set(key, editor);
    }
    return editor;
  }

  /** True when the workspace has a file with this key. */
  exists(key: string): boolean {
    return this.created.has(key) || (this.context.files(key) ?? this.context.model.files.find((f) => f.file === key)) !== undefined;
  }

  /** Creates a new file with `content`. */
  create(key: string, content: string): void {
    this.created.set(key, content);
  }

  /** The workspace edit; `undefined` when nothing changes. */
  build(): FixEdit | undefined {
    const changes: Record<string, TextEdit[]> = {};
    for (const [key, editor] of this.editors) {
      if (!editor.isEmpty) changes[key] = editor.textEdits();
    }
    const createFiles = [...this.created.keys()];
    for (const [key, content] of this.created) {
      changes[key] = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }];
    }
    if (Object.keys(changes).length === 0) return undefined;
    return createFiles.length > 0 ? { changes, createFiles } : { changes };
  }
}
