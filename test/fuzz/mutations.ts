/**
 * Mutations of ISMS files for the fuzzer: what a careless edit, a broken tool or an attacker does
 * to a YAML file. Each takes a text and a random generator and returns the mutated text.
 */
import type { Random } from "./random";

export type Mutation = (text: string, random: Random) => string;

function lines(text: string): string[] {
  return text.split("\n");
}

function randomChar(random: Random): string {
  const pools = [
    () => String.fromCharCode(random.between(0x20, 0x7e)),
    () => random.pick([":", "-", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`", "[", "]", "{", "}", ",", "?", " ", "\t", "\n", "\r", "\\"]),
    () => String.fromCharCode(random.between(0, 0x1f)),
    () => String.fromCodePoint(random.between(0x80, 0x2fff)),
    () => random.pick(["\ufffd", "\ufeff", "\u200b", "\u202e", "\u2028", "\u2029", "\u0085", "\ud800", "\udc00", "😀", "\u00a0"]),
  ];
  return random.pick(pools)();
}

/** Where a mutation applies: a random offset, or the start of a random line. */
function offsetIn(text: string, random: Random): number {
  return random.int(text.length + 1);
}

export const MUTATIONS: Record<string, Mutation> = {
  byteFlip(text, random) {
    if (text.length === 0) return randomChar(random);
    const at = random.int(text.length);
    return text.slice(0, at) + randomChar(random) + text.slice(at + 1);
  },
  truncate(text, random) {
    return text.slice(0, offsetIn(text, random));
  },
  deleteLines(text, random) {
    const ls = lines(text);
    const at = random.int(ls.length);
    ls.splice(at, random.between(1, 3));
    return ls.join("\n");
  },
  duplicateLines(text, random) {
    const ls = lines(text);
    const at = random.int(ls.length);
    const count = random.between(1, 4);
    ls.splice(at, 0, ...ls.slice(at, at + count));
    return ls.join("\n");
  },
  shiftIndentation(text, random) {
    const ls = lines(text);
    const at = random.int(ls.length);
    const shift = random.pick([-4, -2, -1, 1, 2, 3, 4]);
    for (let i = at; i < Math.min(ls.length, at + random.between(1, 5)); i++) {
      ls[i] = shift > 0 ? " ".repeat(shift) + ls[i] : ls[i].replace(new RegExp(`^ {0,${-shift}}`), "");
    }
    return ls.join("\n");
  },
  tabs(text, random) {
    const ls = lines(text);
    const at = random.int(ls.length);
    ls[at] = ls[at].replace(/^( +)/, (m) => (random.chance(0.5) ? "\t" : m.slice(1) + "\t"));
    if (random.chance(0.3)) ls[at] += "\t# tab";
    return ls.join("\n");
  },
  randomUnicode(text, random) {
    let out = text;
    for (let n = random.between(1, 5); n > 0; n--) {
      const at = offsetIn(out, random);
      out = out.slice(0, at) + randomChar(random) + out.slice(at);
    }
    return out;
  },
  lineEndings(text, random) {
    switch (random.int(5)) {
      case 0:
        return text.replace(/\r?\n/g, "\r\n");
      case 1:
        return text.replace(/\r?\n/g, "\r");
      case 2: {
        const at = text.indexOf("\n", offsetIn(text, random));
        return at < 0 ? text + "\r" : text.slice(0, at) + "\r" + text.slice(at + 1);
      }
      case 3:
        return "\ufeff" + text;
      default:
        return text.replace(/\n?$/, random.pick(["\n...\n", "\r\n...\r\n", "\n---\n", "\n--- # x\n..."]));
    }
  },
  conflictMarkers(text, random) {
    const ls = lines(text);
    const at = random.int(ls.length);
    const ours = ls.slice(at, at + random.between(1, 4));
    const theirs = ours.map((l) => (random.chance(0.5) ? l.replace(/: .*/, ": changed") : l));
    const base = random.chance(0.3) ? ["||||||| base", ...ours] : [];
    ls.splice(at, ours.length, "<<<<<<< HEAD", ...ours, ...base, "=======", ...theirs, ">>>>>>> feature");
    return ls.join("\n");
  },
  anchorsAndAliases(text, random) {
    const ls = lines(text);
    const at = random.int(ls.length);
    switch (random.int(5)) {
      case 0:
        ls[at] = ls[at].replace(/: (.+)$/, ": &a $1");
        ls.splice(random.int(ls.length + 1), 0, ls[at].replace(/^(\s*[\w-]+): .*$/, "$1: *a"));
        break;
      case 1:
        ls[at] = ls[at].replace(/: (.+)$/, ": *missing");
        break;
      case 2:
        ls.splice(at, 0, ls[at].match(/^\s*-?\s*/)?.[0].replace("-", " ") + "<<: *defaults");
        break;
      case 3:
        ls.splice(at, 0, "x-defaults: &defaults { owner: ciso, status: open }", "x-list: &l [*defaults, *defaults]", "x-more: [*l, *l, *l]");
        break;
      default:
        ls[at] = ls[at].replace(/^(\s*)(- )?/, "$1$2&self [*self] ");
    }
    return ls.join("\n");
  },
  deepNesting(text, random) {
    const depth = random.pick([10, 63, 64, 65, 100, 1000, 5000]);
    const at = text.indexOf("\n", offsetIn(text, random));
    let deep: string;
    switch (random.int(3)) {
      case 0:
        deep = "\nx-deep: " + "[".repeat(depth) + "]".repeat(depth);
        break;
      case 1:
        deep = "\nx-deep: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth);
        break;
      default:
        deep = "\nx-deep:\n" + Array.from({ length: Math.min(depth, 300) }, (_, i) => " ".repeat(i + 1) + "k:").join("\n") + " v";
    }
    return at < 0 ? text + deep : text.slice(0, at) + deep + text.slice(at);
  },
  hugeNumbers(text, random) {
    const numbers = [...text.matchAll(/(:\s*|-\s*|\[\s*|,\s*)(\d+)\b/g)];
    if (numbers.length === 0) return text;
    const m = random.pick(numbers);
    const big = random.pick(["2147483648", "10000000", "9007199254740993", "1e308", "-1", "0", "99999999999999999999999", ".inf", "-.inf", ".nan", "0x7fffffff", "1.5", "1_000_000"]);
    const at = m.index! + m[1].length;
    return text.slice(0, at) + big + text.slice(at + m[2].length);
  },
  duplicateRecord(text, random) {
    const ls = lines(text);
    const starts = ls.map((l, i) => (/^\s*- id:/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (starts.length === 0) return text;
    const from = random.pick(starts);
    let to = from + 1;
    const indent = ls[from].search(/\S/);
    while (to < ls.length && (ls[to].trim() === "" || ls[to].search(/\S/) > indent)) to++;
    ls.splice(to, 0, ...ls.slice(from, to));
    return ls.join("\n");
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies `count` random mutations to a text; returns the text and the names applied. */
export function mutate(text: string, random: Random, count: number): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let i = 0; i < count; i++) {
    const name = random.pick(MUTATION_NAMES);
    out = MUTATIONS[name](out, random);
    applied.push(name);
  }
  return { text: out, applied };
}
