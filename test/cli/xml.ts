/**
 * A strict little XML reader for tests: enough of XML 1.0 to prove that reporter output is
 * well-formed (one root, balanced and properly nested tags, quoted attributes without `<`,
 * no bare `&` or `<` in text, only the predefined or numeric entities, no forbidden
 * characters) and to read it back as a tree. Throws on anything else.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text content directly inside the element, entities decoded. */
  text: string;
}

const NAME = /[A-Za-z_][\w.-]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Parses `source` and returns the root element. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  // eslint-disable-next-line no-control-regex
  const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(source);
  if (forbidden) fail(`forbidden character U+${forbidden[0].charCodeAt(0).toString(16)}`, forbidden.index);

  function fail(message: string, at = pos): never {
    throw new Error(`XML not well-formed at ${at}: ${message} near ${JSON.stringify(source.slice(at, at + 40))}`);
  }
  function skipSpace(): void {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  }
  function name(): string {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail("expected a name");
    pos += match[0].length;
    return match[0];
  }
  function decode(text: string, offset: number): string {
    return text.replace(/&([^;&<]*);|&/g, (whole, entity: string | undefined, index: number) => {
      if (entity === undefined) fail("bare &", offset + index);
      if (entity in ENTITIES) return ENTITIES[entity];
      const numeric = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(entity);
      if (!numeric) fail(`unknown entity ${whole}`, offset + index);
      return String.fromCodePoint(numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]));
    });
  }
  function element(): XmlElement {
    if (source[pos] !== "<") fail("expected <");
    pos++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: "" };
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith("/>", pos)) {
        pos += 2;
        return el;
      }
      if (source[pos] === ">") {
        pos++;
        break;
      }
      if (pos === before) fail("expected whitespace before an attribute");
      const attr = name();
      if (attr in el.attributes) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (source[pos] !== "=") fail("expected =");
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail("expected a quoted attribute value");
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail("unterminated attribute value");
      const raw = source.slice(pos + 1, end);
      if (raw.includes("<")) fail("< in an attribute value", pos);
      el.attributes[attr] = decode(raw, pos + 1);
      pos = end + 1;
    }
    for (;;) {
      const next = source.indexOf("<", pos);
      if (next < 0) fail(`unclosed <${el.name}>`);
      const raw = source.slice(pos, next);
      if (raw.includes("]]>")) fail("]]> in text");
      el.text += decode(raw, pos);
      pos = next;
      if (source.startsWith("</", pos)) {
        pos += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (source[pos] !== ">") fail("expected >");
        pos++;
        return el;
      }
      if (source.startsWith("<!--", pos)) {
        const end = source.indexOf("-->", pos);
        if (end < 0) fail("unterminated comment");
        pos = end + 3;
        continue;
      }
      el.children.push(element());
    }
  }

  if (source.startsWith("<?xml")) {
    const end = source.indexOf("?>");
    if (end < 0) fail("unterminated XML declaration");
    pos = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== source.length) fail("content after the root element");
  return root;
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
