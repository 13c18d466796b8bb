import type { Position, Range } from "./range";

/**
 * Converts between string offsets (UTF-16 code units) and LSP positions for one text.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in the Language Server Protocol (and the editor),
 * so CRLF files map the same way as LF files.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** Number of lines (a text without a final newline still counts its last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** The offset of `position`, clamped to its line (excluding the line ending). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** The range between two offsets. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of line `line` without its line ending. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return "";
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The range covering line `line` without its line ending. */
  lineRange(line: number): Range {
    const start = this.lineStarts[line] ?? this.text.length;
    return this.rangeOf(start, this.lineEnd(line));
  }

  private lineEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
