/**
 * Global setup of the fast tier (run once, before its test files start in parallel workers):
 * builds dist/ and tells the workers it is built (test/helpers/build-dist.ts).
 */
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

module.exports.mochaGlobalSetup = function () {
  execFileSync(process.execPath, ["esbuild.mjs"], { cwd: join(__dirname, ".."), stdio: ["ignore", "ignore", "inherit"] });
  process.env.ISMS_TEST_DIST_BUILT = "1";
};
