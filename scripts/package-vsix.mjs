#!/usr/bin/env node
// Packages the extension: `npm run package`.
// 1. builds dist/ with `node esbuild.mjs --production` (minified, no source maps);
// 2. stages the extension's files in .tools/vsix (package.json without the npm package's `files`,
//    which vsce refuses beside a .vscodeignore) and runs `vsce package --no-dependencies --out
//    isms-workbench-<version>.vsix` there (everything the extension needs at run time is bundled;
//    .vscodeignore keeps only the files it uses);
// 3. reads the zip's central directory and prints the size and every file of the extension;
//    fails when a TypeScript source, a source map, node_modules or bundled tests got in, or when
//    a file the extension needs at run time is missing.
// Prints the path of the .vsix as the last line. `--out <file>` writes it elsewhere.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { zipEntries } from "./zip-entries.mjs";

const root = resolve(import.meta.dirname, "..");
const { name, version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
const outArg = process.argv.indexOf("--out");
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : `${name}-${version}.vsix`);

function run(cmd, args, cwd = root) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`package-vsix: ${[cmd, ...args].join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return Date.now() - started;
}

/**
 * Copies what the .vsix may hold into `stage`: the manifest without `files` (the npm package's
 * list, which vsce refuses beside .vscodeignore) and without `vscode:prepublish` (the bundles are
 * built already), .vscodeignore, and the folders and files it lets in.
 */
function stageExtension(stage) {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
  delete manifest.files;
  delete manifest.scripts["vscode:prepublish"];
  writeFileSync(resolve(stage, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  for (const file of [".vscodeignore", "README.md", "CHANGELOG.md", "LICENSE", "dist/extension.js", "dist/server.js", "dist/cli.js"]) {
    mkdirSync(resolve(stage, file, ".."), { recursive: true });
    copyFileSync(resolve(root, file), resolve(stage, file));
  }
  for (const folder of ["schemas", "snippets", "examples/starter", "examples/acme", "resources", "docs"]) {
    if (existsSync(resolve(root, folder))) cpSync(resolve(root, folder), resolve(stage, folder), { recursive: true });
  }
}

const buildMs = run(process.execPath, ["esbuild.mjs", "--production"]);
const vsce = resolve(root, "node_modules", "@vscode", "vsce", "vsce");
const stage = resolve(root, ".tools", "vsix");
stageExtension(stage);
const packMs = run(process.execPath, [vsce, "package", "--no-dependencies", "--out", out], stage);

const entries = zipEntries(readFileSync(out));
const files = entries
  .filter((e) => e.startsWith("extension/"))
  .map((e) => e.slice("extension/".length))
  .sort();
const forbidden = files.filter((f) => (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)) || /\.map$/.test(f) || /(^|\/)node_modules\//.test(f) || /^dist\/test\//.test(f));
// vsce stores README.md, CHANGELOG.md and LICENSE as readme.md, changelog.md and LICENSE.txt.
const required = [
  "package.json",
  "readme.md",
  "changelog.md",
  "LICENSE.txt",
  "dist/extension.js",
  "dist/server.js",
  "dist/cli.js",
  "resources/icon.png",
  "examples/starter/isms.yaml",
  "examples/acme/isms.yaml",
  "resources/walkthrough/open-example.md",
];
const missing = required.filter((f) => !files.some((g) => g.toLowerCase() === f.toLowerCase()));

const groups = new Map();
for (const f of files) {
  const top = f.includes("/")
    ? f
        .split("/")
        .slice(0, f.startsWith("examples/") || f.startsWith("docs/") ? 2 : 1)
        .join("/") + "/"
    : f;
  groups.set(top, (groups.get(top) ?? 0) + 1);
}
console.log(`\n${out}`);
console.log(`  ${(statSync(out).size / 1024).toFixed(1)} KiB, ${files.length} files (build ${(buildMs / 1000).toFixed(1)} s, vsce ${(packMs / 1000).toFixed(1)} s)`);
for (const [group, count] of groups) console.log(`  ${group.padEnd(28)} ${count}`);
console.log("");
for (const f of files) console.log(`  ${f}`);
if (forbidden.length > 0) {
  console.error(`\npackage-vsix: the .vsix must not hold sources, source maps, node_modules or tests:\n  ${forbidden.join("\n  ")}`);
  process.exit(1);
}
if (missing.length > 0) {
  console.error(`\npackage-vsix: the .vsix lacks files the extension needs:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log(out);
