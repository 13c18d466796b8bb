import * as vscode from "vscode";

/** Set by `npm start` (scripts/start.mjs) for the editor it opens on the example. */
export const WALKTHROUGH_ENV = "ISMS_WORKBENCH_WALKTHROUGH";

/** Id of the walkthrough contributed in package.json. */
const WALKTHROUGH = "isms.gettingStarted";

/**
 * When the editor was opened by `npm start`, shows what a newcomer should meet first: the ISMS
 * walkthrough (instead of VS Code's generic welcome page, which npm start turns off) beside the
 * Problems panel with the example's findings.
 */
export async function openWalkthroughOnStart(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  if (process.env[WALKTHROUGH_ENV] !== "1") return;
  try {
    await vscode.commands.executeCommand("workbench.action.openWalkthrough", `${context.extension.id}#${WALKTHROUGH}`, false);
    await vscode.commands.executeCommand("workbench.actions.view.problems");
  } catch (error) {
    output.appendLine(`Could not open the walkthrough: ${error instanceof Error ? error.message : String(error)}`);
  }
}
