import { deepStrictEqual, ok } from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseFile, type ParsedFile } from "../../../server/src/core/parse/parsed-file";
import { reparseItem } from "../../../server/src/core/parse/incremental-parse";
import { random, randomEdit } from "./edit-generator";
import { dumpParsedFile } from "./parse-dump";

const REPO = join(__dirname, "..", "..", "..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const FILES = [...yamlFiles(join(REPO, "examples")), ...yamlFiles(join(REPO, "test", "fixtures"))].map((f) => ({ key: relative(REPO, f), text: readFileSync(f, "utf8") }));

/** The incremental parse of `after` from a fresh parse of `before`, checked against a full parse. */
function compare(key: string, before: string, after: string): boolean {
  const incremental = reparseItem(parseFile(key, before), after);
  if (incremental) deepStrictEqual(dumpParsedFile(incremental), dumpParsedFile(parseFile(key, after)), `${key}: ${JSON.stringify(after)}`);
  return incremental !== undefined;
}

describe("incremental re-parse (stress: random edits, fixed seeds)", () => {
  it("matches a full parse on random edits of every example and fixture file (LF and CRLF)", () => {
    let taken = 0;
    let total = 0;
    for (const [n, { key, text }] of FILES.entries()) {
      const next = random(n + 1);
      for (const crlf of [false, true]) {
        const before = crlf ? text.replace(/\r?\n/g, "\r\n") : text;
        for (let i = 0; i < 10; i++) {
          let after = randomEdit(before, next);
          if (crlf) after = after.replace(/\r?\n/g, "\r\n");
          total++;
          if (compare(key, before, after)) taken++;
        }
      }
    }
    // Most random edits land inside a record; the test would prove nothing if none were re-used.
    ok(taken > total / 4, `incremental re-parse used for ${taken} of ${total} edits`);
  });

  it("matches a full parse on random edits of files with a syntax error elsewhere (unclosed quote or bracket, duplicate key, bad indentation)", () => {
    const breaks: ((line: string) => string)[] = [(line) => `${line} "unclosed`, (line) => `${line} [a, b`, (line) => `${line}\n${line}`, (line) => `${line}\n   bad: indent`];
    let taken = 0;
    let total = 0;
    let reusedWithErrors = 0;
    for (const [n, { key, text }] of FILES.entries()) {
      const next = random(n + 500);
      const lines = text.split("\n");
      for (const breakLine of breaks) {
        const at = Math.floor(next() * lines.length);
        const before = [...lines.slice(0, at), breakLine(lines[at]), ...lines.slice(at + 1)].join("\n");
        const broken = parseFile(key, before).problems.length > 0;
        for (let i = 0; i < 5; i++) {
          total++;
          if (compare(key, before, randomEdit(before, next))) {
            taken++;
            if (broken) reusedWithErrors++;
          }
        }
      }
    }
    ok(reusedWithErrors > total / 10, `incremental re-parse used for ${taken} of ${total} edits, ${reusedWithErrors} of them in a file with a syntax error`);
  });

  it("matches a full parse at every keystroke of typing and deleting inside records, chained", () => {
    const words = ["\n    x-note: typed", " more", "\n      - A.8.1", "\n    evidence:\n      - p", " # c", "[a, b", "\n\n", ">-\n      f"];
    let taken = 0;
    let total = 0;
    for (const [n, { key, text: original }] of FILES.filter((f) => f.key.startsWith("examples")).entries()) {
      const next = random(n + 100);
      let text = original;
      let parsed: ParsedFile = parseFile(key, text);
      for (let round = 0; round < 2; round++) {
        const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
        const lineStart = starts[Math.floor(next() * starts.length)];
        const newline = text.indexOf("\n", lineStart);
        const at = newline < 0 ? text.length : newline;
        const word = words[Math.floor(next() * words.length)];
        const states = [...word].map((_, i) => text.slice(0, at) + word.slice(0, i + 1) + text.slice(at));
        states.push(...states.slice(0, -1).reverse(), text);
        for (const state of states) {
          total++;
          const incremental = reparseItem(parsed, state);
          if (incremental) taken++;
          parsed = incremental ?? parseFile(key, state);
          deepStrictEqual(dumpParsedFile(parsed), dumpParsedFile(parseFile(key, state)), `${key}: ${JSON.stringify(state)}`);
        }
        text = states[states.length - 1];
      }
    }
    ok(taken > total / 5, `incremental re-parse used for ${taken} of ${total} keystrokes`);
  });
});
