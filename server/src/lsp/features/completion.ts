import type { CompletionItem, CompletionParams } from "vscode-languageserver";
import { completion } from "../../core/language";
import { stripBom } from "../../core/text/bom";
import type { Feature } from "../feature";
import { languageInputs } from "./hover";

/** Characters after which the editor asks for completions on its own. */
export const COMPLETION_TRIGGERS = [" ", ".", ":", "-", "["];

/**
 * `textDocument/completion`: ids of the records a field names, Annex A controls, enum values,
 * rating levels and the keys of the current mapping (core `completion`). Answers from the latest
 * text without waiting for the re-check.
 */
export const completionFeature: Feature = {
  name: "completion",
  capabilities: () => ({ completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onCompletion(
      ctx.guard(
        "completion",
        async (params: CompletionParams): Promise<CompletionItem[]> => {
          const { parsed, anyModel, today } = await languageInputs(ctx, params.textDocument.uri, false);
          if (!parsed) return [];
          const text = ctx.documents.get(params.textDocument.uri)?.getText();
          // The parse drops a byte-order mark: compare without it, or a file saved with one never completes.
          if (text !== undefined && stripBom(text) !== parsed.text) return [];
          return completion(anyModel, parsed, params.position, { today });
        },
        [],
      ),
    );
  },
};
