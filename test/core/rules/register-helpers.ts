/**
 * `line` followed by an annotation comment whose carets sit under the last `text` in it (see
 * `readAnnotations`): the expected finding of `rule`, with text its message must contain.
 */
export function marked(line: string, text: string, rule: string, message = ""): string {
  const col = line.lastIndexOf(text);
  if (col < 1) throw new Error(`"${text}" is not inside "${line}" after its first column`);
  return `${line}\n${"#".padEnd(col, " ")}${"^".repeat(text.length)} ${rule}${message ? ` ${message}` : ""}`;
}
