/**
 * Positions and ranges in a text, in the Language Server Protocol's terms:
 * 0-based line, 0-based character counted in UTF-16 code units (JavaScript string indices).
 */
export interface Position {
  line: number;
  character: number;
}

/** A half-open span of text: `start` inclusive, `end` exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A range in a named file of the workspace (the file key given to the engine). */
export interface Location {
  file: string;
  range: Range;
}

/** The empty range at the start of a file, for findings about a file as a whole. */
export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** True when both ranges cover the same span. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** True when position `a` comes before position `b`. */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when `pos` lies within `range` (end inclusive, so a cursor right after a word hits it). */
export function containsPosition(range: Range, pos: Position): boolean {
  return !isBefore(pos, range.start) && !isBefore(range.end, pos);
}
