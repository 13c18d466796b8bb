import { execFile } from "node:child_process";
import { resolve } from "node:path";

const REPO = resolve(__dirname, "..", "..");

/**
 * Set by the fast tier's global setup ({@link ../mocha-global-setup.cjs}) once it has built
 * `dist/`, so the test files running in parallel do not rebuild it under each other's feet.
 */
export const DIST_BUILT = "ISMS_TEST_DIST_BUILT";

let build: Promise<void> | undefined;

/**
 * Builds `dist/` (the server, the CLI and the extension) with `node esbuild.mjs`, once per test
 * process, unless the tier's global setup already did. Rejects with esbuild's message on failure.
 */
export function buildDist(): Promise<void> {
  if (process.env[DIST_BUILT] === "1") return Promise.resolve();
  build ??= new Promise<void>((done, fail) => {
    execFile(process.execPath, ["esbuild.mjs"], { cwd: REPO }, (error, _stdout, stderr) => {
      if (error) fail(new Error(`node esbuild.mjs failed: ${stderr || error.message}`));
      else done();
    });
  });
  return build;
}
