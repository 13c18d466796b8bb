import type { Feature } from "../feature";
import { checkWorkspaceFeature } from "./check-workspace";
import { codeActionsFeature } from "./code-actions";
import { diagnosticsFeature } from "./diagnostics";

/**
 * Every feature of the language server, registered in this order during `initialize`.
 *
 * EXTENSION POINT: to add a feature (hover, completion, code actions, definition/references,
 * symbols …), create `server/src/lsp/features/<name>.ts` exporting a `Feature` (see `../feature.ts`
 * for the rules), import it here and add ONE line to this list. Nothing else needs to change.
 */
export const FEATURES: Feature[] = [
  diagnosticsFeature,
  checkWorkspaceFeature,
  codeActionsFeature,
];
