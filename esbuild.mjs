// Bundles the VS Code client, the language server and the `isms` CLI into dist/.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
import * as esbuild from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const { version } = JSON.parse(readFileSync("package.json", "utf8"));

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

/** One entry per program; entries whose source does not exist yet are skipped. */
const entries = [
  { in: "client/src/extension.ts", out: "extension", external: ["vscode"] },
  { in: "server/src/server.ts", out: "server", banner: "#!/usr/bin/env node" },
  { in: "server/src/cli/main.ts", out: "cli", banner: "#!/usr/bin/env node" },
].filter((e) => existsSync(e.in));

// `--tests`: also bundle the integration tests that run inside VS Code (dist/test/integration).
if (process.argv.includes("--tests")) {
  for (const name of readdirSync("test/integration").filter((f) => f.endsWith(".ts"))) {
    entries.push({ in: `test/integration/${name}`, out: `test/integration/${name.replace(/\.ts$/, "")}`, external: ["vscode", "mocha"] });
  }
}

/**
 * The schema validators compiled at build time: runs scripts/validators-module.ts (bundled in
 * memory) for the source of the module that replaces server/src/core/schema/validators.ts.
 */
async function validatorsModuleSource() {
  const built = await esbuild.build({ entryPoints: ["scripts/validators-module.ts"], bundle: true, platform: "node", format: "cjs", write: false, logLevel: "warning" });
  const module = { exports: {} };
  new Function("module", "exports", "require", built.outputFiles[0].text)(module, module.exports, createRequire(resolve("esbuild.mjs")));
  return module.exports.validatorsModuleSource();
}

const VALIDATORS = resolve("server/src/core/schema/validators.ts");
/** The generated source, shared by the programs of one build (generated again when watching, as the schemas may change). */
let source;
/** Replaces the validators compiled at first use by those compiled now, so the programs start faster. */
const precompiledSchemas = {
  name: "precompiled-schemas",
  setup(build) {
    if (watch) {
      build.onStart(() => {
        source = undefined;
      });
    }
    build.onLoad({ filter: /[\\/]schema[\\/]validators\.ts$/ }, async (args) => {
      if (args.path !== VALIDATORS) return undefined;
      source ??= validatorsModuleSource();
      return { contents: await source, loader: "js", resolveDir: resolve("server/src/core/schema") };
    });
  },
};

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outdir: "dist",
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: "warning",
      define: { __VERSION__: JSON.stringify(version) },
      plugins: [precompiledSchemas],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("esbuild: watching", entries.map((e) => e.in).join(", "));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
