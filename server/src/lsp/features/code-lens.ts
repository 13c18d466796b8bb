import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams } from "vscode-languageserver";
import { codeLenses } from "../../core/language";
import type { Feature } from "../feature";
import { languageInputs } from "./hover";

/**
 * Code lenses (core `codeLenses`): "3 risks · 2 actions" on each SoA entry and "score 12 · High →
 * residual 8 · Medium" on each risk. Lenses count records of other files, so the client is asked
 * to refresh them after every re-check (when it supports that).
 */
export const codeLensFeature: Feature = {
  name: "code-lens",
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onCodeLens(
      ctx.guard(
        "code lenses",
        async (params: CodeLensParams): Promise<CodeLens[]> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          return parsed && model ? codeLenses(model, parsed) : [];
        },
        [],
      ),
    );
    if (ctx.clientCapabilities.workspace?.codeLens?.refreshSupport) {
      ctx.onModelChanged((event) => {
        if (event.changed.length === 0 && event.removed.length === 0) return;
        void ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => ctx.log.failure("Refreshing code lenses", error));
      });
    }
  },
};
