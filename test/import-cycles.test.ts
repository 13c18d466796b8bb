import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

const ROOT = join(__dirname, "..");
const SOURCES = ["client/src", "server/src"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith(".ts") ? [full] : [];
  });
}

/**
 * The one cycle allowed: a rule's quick-fixes (`<name>.fix.ts`) take the type of its finding data
 * from the rule (`<name>.ts`), which lists them; the type import is erased, and both are one rule.
 */
function allowed(from: string, to: string): boolean {
  return from.endsWith(".fix.ts") && to === from.replace(/\.fix\.ts$/, ".ts");
}

/** The source file an import names (relative imports and `@protocol`; packages are left out). */
function resolve(from: string, spec: string): string | undefined {
  if (spec === "@protocol") return join(ROOT, "server/src/protocol.ts");
  if (!spec.startsWith(".")) return undefined;
  const base = normalize(join(dirname(from), spec));
  return [`${base}.ts`, join(base, "index.ts")].find((f) => existsSync(f));
}

/** The cycles of the import graph (type-only imports included), each as the files on it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("source layout", () => {
  it("has no import cycles in the client or the server (type-only imports included; a rule and its quick-fixes are one)", () => {
    const graph = new Map<string, string[]>();
    for (const file of SOURCES.flatMap((s) => tsFiles(join(ROOT, s)))) {
      const text = readFileSync(file, "utf8");
      graph.set(
        file,
        [...text.matchAll(IMPORT)].flatMap((m) => resolve(file, m[1]) ?? []).filter((to) => !allowed(file, to)),
      );
    }
    assert.ok(graph.size > 100, "the sources were found");
    assert.deepEqual(
      cycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(" → ")),
      [],
    );
  });
});
