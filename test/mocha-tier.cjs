/**
 * Mocha settings of one test tier. Each tier is a file-name suffix:
 * - fast (`npm test`): every `test/**\/*.test.ts` that is in no other tier;
 * - stress (`npm run test:stress`): `*.stress.test.ts`, random edits with fixed seeds, large inputs, fuzzing;
 * - system (`npm run test:system`): `*.system.test.ts`, tests that pack the npm package or drive
 *   other programs: the CI recipes and the installer's apt-lock wait through bash, a real Neovim
 *   (`apt-get install neovim`).
 * The fast tier runs its files in two parallel workers, after a global setup that builds dist/ once
 * (test/mocha-global-setup.cjs); files named on the command line run in one process.
 * Files named on the command line replace the tier's default spec, so one file runs alone
 * (`npx mocha test/core/rules/risk.test.ts`: a file whose name ends in `.test.ts`). No test depends on speed: the timeout only stops
 * a test that hangs, on a busy machine too.
 *
 * @param {"fast" | "stress" | "system"} tier
 */
module.exports = function tier(tier) {
  const named = process.argv.slice(2).some((arg) => !arg.startsWith("-") && /\.test\.[cm]?[jt]s$/.test(arg));
  const others = ["test/e2e/**", "test/integration/**"];
  const spec = { fast: "test/**/*.test.ts", stress: "test/**/*.stress.test.ts", system: "test/**/*.system.test.ts" }[tier];
  const parallel = tier === "fast" && !named;
  return {
    spec: named ? [] : [spec],
    ...(parallel ? { parallel: true, jobs: 2, require: [require.resolve("./mocha-global-setup.cjs")] } : {}),
    ignore: tier === "fast" ? [...others, "test/**/*.stress.test.ts", "test/**/*.system.test.ts"] : others,
    "node-option": ["import=tsx"],
    reporter: "dot",
    slow: tier === "fast" ? 2000 : 30000,
    timeout: tier === "fast" ? 120000 : 1800000,
  };
};
