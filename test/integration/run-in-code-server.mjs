// Runs the integration tests inside a real VS Code: code-server with headless Chromium
// (see test/e2e/README.md). Installs code-server on first use. Usage: npm run test:integration
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run("bash", ["scripts/install-code-server.sh"]);
run(process.execPath, ["esbuild.mjs", "--tests"]);
run(process.execPath, [
  "test/e2e/run-in-code-server.mjs",
  "--extension",
  root,
  "--tests",
  resolve(root, "dist/test/integration/index.js"),
  "--workspace",
  resolve(root, "examples/acme"),
  "--screenshots",
  resolve(root, ".e2e/integration"),
  "--timeout-ms",
  "300000",
]);
