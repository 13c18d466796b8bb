/**
 * Mocha settings of the fast tier (`npm run test:unit`, part of `npm test`).
 *
 * Files named on the command line replace the default spec, so one file runs alone:
 *   npx mocha test/core/rules/risk.test.ts
 * Stress, random and large-input tests are named `*.stress.test.ts` and run in their own tier
 * (`npm run test:stress`, settings in test/mocharc.stress.cjs). No test depends on speed: the
 * timeout only stops a test that hangs, on a busy machine too.
 */
const named = process.argv.slice(2).some((arg) => !arg.startsWith("-") && /\.[cm]?[jt]s$/.test(arg));

module.exports = {
  spec: named ? [] : ["test/**/*.test.ts"],
  ignore: ["test/e2e/**", "test/integration/**", "test/**/*.stress.test.ts"],
  "node-option": ["import=tsx"],
  reporter: "dot",
  slow: 2000,
  timeout: 120000,
};
