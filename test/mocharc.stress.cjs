/**
 * Mocha settings of the stress tier (`npm run test:stress`): random edits with fixed seeds, large
 * inputs and fuzzing, `test/**\/*.stress.test.ts`. Each case is deterministic; the timeout is
 * generous because a busy two-core machine may take minutes, and only stops a test that hangs.
 */
const named = process.argv.slice(2).some((arg) => !arg.startsWith("-") && /\.[cm]?[jt]s$/.test(arg));

module.exports = {
  spec: named ? [] : ["test/**/*.stress.test.ts"],
  ignore: ["test/e2e/**", "test/integration/**"],
  "node-option": ["import=tsx"],
  reporter: "dot",
  slow: 30000,
  timeout: 1800000,
};
