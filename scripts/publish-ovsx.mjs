#!/usr/bin/env node
// Publishes the extension to Open VSX (open-vsx.org, the registry of VSCodium, Gitpod, Theia …):
// `npm run publish:ovsx` (a dry run: validates, publishes nothing) or
// `npm run publish:ovsx -- --publish` with the access token in OVSX_PAT.
//
// 1. checks the manifest for what Open VSX requires or shows (publisher, name, semver version,
//    license, repository, engines.vscode, display name, description, icon, no "*" activation);
// 2. packages the .vsix with scripts/package-vsix.mjs (or takes `--packagePath FILE`) and checks
//    that it holds the manifest, the licence, the readme and the icon;
// 3. with --publish, runs `npx --yes ovsx publish FILE` (needs the network and OVSX_PAT); else
//    prints that command.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");

/** The problems of an extension manifest that Open VSX would refuse or show badly (empty when none). */
export function manifestProblems(manifest) {
  const problems = [];
  const need = (ok, message) => ok || problems.push(message);
  need(/^[a-z0-9][a-z0-9-]*$/i.test(manifest.publisher ?? ""), "publisher: a namespace name is required");
  need(/^[a-z0-9][a-z0-9-]*$/.test(manifest.name ?? ""), "name: lower-case letters, digits and '-' only");
  need(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(manifest.version ?? ""), "version: must be semver (x.y.z)");
  need(typeof manifest.license === "string" && manifest.license.length > 0, "license: required (an SPDX id)");
  need(typeof (manifest.repository?.url ?? manifest.repository) === "string", "repository: required (Open VSX links to it)");
  need(typeof manifest.engines?.vscode === "string", "engines.vscode: required");
  need(typeof manifest.displayName === "string" && typeof manifest.description === "string", "displayName and description: required");
  need(typeof manifest.icon === "string", "icon: required for the gallery");
  need(!(manifest.activationEvents ?? []).includes("*"), 'activationEvents: "*" starts the extension in every window');
  need(manifest.private !== true, "private: true prevents publishing");
  return problems;
}

function fail(message) {
  console.error(`publish-ovsx: ${message}`);
  process.exit(1);
}

async function main() {
  const args = process.argv.slice(2);
  const publish = args.includes("--publish");
  const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
  const problems = manifestProblems(manifest);
  if (problems.length) fail(`the manifest is not ready for Open VSX:\n  ${problems.join("\n  ")}`);

  const given = args.indexOf("--packagePath");
  let vsix = given >= 0 ? resolve(args[given + 1]) : undefined;
  if (!vsix) {
    const packaged = spawnSync(process.execPath, [resolve(root, "scripts", "package-vsix.mjs")], { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
    if (packaged.status !== 0) fail("packaging the .vsix failed");
    vsix = packaged.stdout.trim().split("\n").pop();
  }
  const { zipEntries } = await import(pathToFileURL(resolve(root, "scripts", "zip-entries.mjs")).href);
  const entries = zipEntries(readFileSync(vsix));
  const lower = new Set(entries.map((e) => e.toLowerCase()));
  const required = ["extension.vsixmanifest", "extension/package.json", "extension/readme.md", "extension/license.txt", `extension/${manifest.icon}`.toLowerCase()];
  const missing = required.filter((e) => !lower.has(e));
  if (missing.length) fail(`${vsix} lacks ${missing.join(", ")}`);

  const command = ["npx", "--yes", "ovsx", "publish", vsix];
  if (!publish) {
    console.log(`publish-ovsx: ${vsix} is ready for Open VSX (${entries.length} entries). Dry run: nothing published.`);
    console.log(`To publish (needs the network and a token): OVSX_PAT=… ${command.join(" ")}`);
    return;
  }
  if (!process.env.OVSX_PAT) fail("set OVSX_PAT to an Open VSX access token");
  const published = spawnSync(command[0], command.slice(1), { cwd: root, stdio: "inherit" });
  process.exit(published.status ?? 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
