// Entry of the integration tests that run inside a real VS Code (code-server here, or the
// desktop build under @vscode/test-electron). Bundled to dist/test/integration/index.js.
import * as path from "node:path";

interface MochaHost {
  runMocha(options: { files: string[] }): Promise<void>;
}

/** Called by VS Code in the extension host with the real `vscode` API. */
export async function run(): Promise<void> {
  const repo = path.resolve(__dirname, "..", "..", "..");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const host = require(path.join(repo, "test", "e2e", "mocha-in-host.js")) as MochaHost;
  const files = ["diagnostics", "language-features", "quick-fixes", "views", "flows", "webviews"].map((name) => path.join(__dirname, `${name}.test.js`));
  await host.runMocha({ files });
}
