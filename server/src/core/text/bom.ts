/**
 * `text` without a leading byte-order mark (U+FEFF). The parse drops it too (`ParsedFile.text`
 * has none), so an editor's text compares equal to the text it was parsed from only after this.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
