// Bundles the VS Code client, the language server and the `isms` CLI into dist/.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
import * as esbuild from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";

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
