import { InlayHintRefreshRequest, type InlayHint, type InlayHintParams } from "vscode-languageserver";
import { inlayHints } from "../../core/language";
import type { Feature } from "../feature";
import { languageInputs } from "./hover";

/**
 * Inlay hints (core `inlayHints`): "= 12 High" after each risk's rating pair and residual, and
 * "46 days overdue" beside open actions past due (relative to `isms.today`). Refreshed after every
 * re-check when the client supports it (scores depend on the methodology in another file).
 */
export const inlayHintsFeature: Feature = {
  name: "inlay-hints",
  capabilities: () => ({ inlayHintProvider: true }),
  register(ctx) {
    ctx.connection.languages.inlayHint.on(
      ctx.guard(
        "inlay hints",
        async (params: InlayHintParams): Promise<InlayHint[]> => {
          const { parsed, model, today } = await languageInputs(ctx, params.textDocument.uri);
          return parsed && model ? inlayHints(model, parsed, params.range, { today }) : [];
        },
        [],
      ),
    );
    if (ctx.clientCapabilities.workspace?.inlayHint?.refreshSupport) {
      ctx.onModelChanged((event) => {
        if (event.changed.length === 0 && event.removed.length === 0) return;
        void ctx.connection.sendRequest(InlayHintRefreshRequest.type).catch((error: unknown) => ctx.log.failure("Refreshing inlay hints", error));
      });
    }
  },
};
