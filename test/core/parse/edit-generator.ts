// Seeded random edits of YAML texts, the kinds a person makes while typing: a character typed or
// deleted, a word or value replaced, a line added, removed, duplicated or re-indented.

/** A small deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = "abcXYZ019 :-#\"'\n[]{},&*!|>.".split("");
const LINES = ["    x-note: hello", "  - id: R-NEW", "      - A.5.1", "x-top: 1", "    # a comment", "", "    owner: ciso", "   bad: indent", "    list: [a, b"];

/** One random edit of `text`: the new text. */
export function randomEdit(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEndAt = text.indexOf("\n", at);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt + 1;
  switch (Math.floor(next() * 8)) {
    case 0:
      return text.slice(0, at) + pick(TYPED) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 5)));
    case 2: {
      const word = /[A-Za-z0-9.-]+/.exec(text.slice(at));
      if (!word) return text.slice(0, at) + "x" + text.slice(at);
      const start = at + word.index;
      return text.slice(0, start) + pick(["cto", "A.5.99", "2026-01-31", "42", "mitigate", '"quoted"', "new-value"]) + text.slice(start + word[0].length);
    }
    case 3:
      return text.slice(0, lineStart) + pick(LINES) + "\n" + text.slice(lineStart);
    case 4:
      return text.slice(0, lineStart) + text.slice(lineEnd);
    case 5:
      return text.slice(0, lineStart) + text.slice(lineStart, lineEnd) + text.slice(lineStart);
    case 6:
      return text.slice(0, lineStart) + pick(["  ", " ", ""]) + text.slice(lineStart).replace(/^ {0,2}/, next() < 0.5 ? "" : "    ");
    default: {
      const digit = /\d/.exec(text.slice(at));
      if (!digit) return text + "\n";
      const i = at + digit.index;
      return text.slice(0, i) + String((Number(text[i]) + 1) % 10) + text.slice(i + 1);
    }
  }
}
