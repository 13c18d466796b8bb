import type { Feature } from "../feature";
import { addRecordFeature } from "./add-record";
import { checkWorkspaceFeature } from "./check-workspace";
import { codeActionsFeature } from "./code-actions";
import { diagnosticsFeature } from "./diagnostics";
import { codeLensFeature } from "./code-lens";
import { completionFeature } from "./completion";
import { documentLinksFeature } from "./document-links";
import { hoverFeature } from "./hover";
import { inlayHintsFeature } from "./inlay-hints";
import { navigationFeature } from "./navigation";
import { reportsFeature } from "./reports";
import { symbolsFeature } from "./symbols";
import { viewsFeature } from "./views";

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
  hoverFeature,
  completionFeature,
  navigationFeature,
  symbolsFeature,
  codeLensFeature,
  inlayHintsFeature,
  documentLinksFeature,
  addRecordFeature,
  viewsFeature,
  reportsFeature,
];
