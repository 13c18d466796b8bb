import type { DocumentSymbol, DocumentSymbolParams, SymbolInformation, WorkspaceSymbol, WorkspaceSymbolParams } from "vscode-languageserver";
import type { IsmsModel } from "../../core";
import { documentSymbols, workspaceSymbols } from "../../core/language";
import type { Feature } from "../feature";
import { languageInputs } from "./hover";

/** Flattens an outline for clients without hierarchical document symbols. */
function flatten(uri: string, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [{ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container }, ...flatten(uri, s.children ?? [], s.name)]);
}

/**
 * The outline of a document (its kinds, then records by id and title; SoA entries by control) and
 * workspace symbols (records of every ISMS by id or title) (core `documentSymbols`, `workspaceSymbols`).
 */
export const symbolsFeature: Feature = {
  name: "symbols",
  capabilities: () => ({ documentSymbolProvider: true, workspaceSymbolProvider: true }),
  register(ctx) {
    const hierarchical = ctx.clientCapabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    ctx.connection.onDocumentSymbol(
      ctx.guard(
        "document symbols",
        async (params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[]> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          if (!parsed) return [];
          const symbols = documentSymbols(model, parsed);
          return hierarchical ? symbols : flatten(params.textDocument.uri, symbols);
        },
        [],
      ),
    );
    ctx.connection.onWorkspaceSymbol(
      ctx.guard(
        "workspace symbols",
        async (params: WorkspaceSymbolParams): Promise<WorkspaceSymbol[]> => {
          await ctx.index.settled();
          const models = ctx.index.groups().flatMap((g): IsmsModel[] => (g.isRoot && g.model ? [g.model] : []));
          return workspaceSymbols(models, params.query ?? "").map((s) => ({
            ...s,
            location: "range" in s.location ? { uri: ctx.keyToUri(s.location.uri), range: s.location.range } : { uri: ctx.keyToUri(s.location.uri) },
          }));
        },
        [],
      ),
    );
  },
};
