import type { Hover, HoverParams } from "vscode-languageserver";
import { wasConsumed, type IsmsModel, type LocalDate, type ParsedFile } from "../../core";
import { hover } from "../../core/language";
import type { Feature, ServerContext } from "../feature";

/** What the editor-intelligence features pass to the core functions for one document. */
export interface LanguageInputs {
  key: string;
  /** The parse of the latest text of the document. */
  parsed?: ParsedFile;
  /**
   * The model of the document's ISMS root, when its ranges match `parsed` (the model is built from
   * this very text); `undefined` when the file is under no root or its latest text does not parse
   * (the model then holds its last good version, whose positions no longer match).
   */
  model?: IsmsModel;
  /** The model of the root even when its positions for this file are out of date (for completion lists). */
  anyModel?: IsmsModel;
  today?: LocalDate;
}

/**
 * The parse, model and today of a document. `settle` waits until no re-check is pending, so the
 * model matches the text the request was made on (position-based requests); completion does not
 * wait, it reads the text itself and uses the model only for the ids it offers.
 */
export async function languageInputs(ctx: ServerContext, uri: string, settle = true): Promise<LanguageInputs> {
  const key = ctx.uriToKey(uri);
  if (settle) await ctx.index.settled();
  const parsed = ctx.index.parsed(key);
  const group = ctx.index.groupOf(key);
  const anyModel = ctx.index.model(key);
  const own = anyModel?.files.find((f) => f.file === key);
  const model = anyModel && parsed && own && own.text === parsed.text && !wasConsumed(own) ? anyModel : undefined;
  return { key, parsed, model, anyModel, today: group?.settings.today };
}

/**
 * How long a hover in a file edited since the last check waits for the check that reads the edit
 * (ms); past it, the hover answers from the text alone (what a key or value means), without the
 * cross-file facts of the model.
 */
const HOVER_WAIT_MS = 250;

/** `textDocument/hover`: what a control, id, reference, key or enum value means (core `hover`). */
export const hoverFeature: Feature = {
  name: "hover",
  capabilities: () => ({ hoverProvider: true }),
  register(ctx) {
    ctx.connection.onHover(
      ctx.guard(
        "hover",
        async (params: HoverParams): Promise<Hover | null> => {
          // A file whose text the last check read is answered at once, even while another check
          // runs (a large ISMS takes seconds). One edited since waits for its check, a while.
          // Before the first check of its root there is nothing to answer from: that is waited for.
          let inputs = await languageInputs(ctx, params.textDocument.uri, false);
          if (!inputs.anyModel) inputs = await languageInputs(ctx, params.textDocument.uri);
          else if (!inputs.model) {
            await Promise.race([ctx.index.settled(), new Promise((resolve) => setTimeout(resolve, HOVER_WAIT_MS))]);
            inputs = await languageInputs(ctx, params.textDocument.uri, false);
          }
          const { parsed, model, today } = inputs;
          if (!parsed) return null;
          return hover(model, parsed, params.position, { today }) ?? null;
        },
        null,
      ),
    );
  },
};
