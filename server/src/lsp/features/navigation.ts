import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from "vscode-languageserver";
import { definition, prepareRename, references, rename } from "../../core/language";
import type { Feature, ServerContext } from "../feature";
import { languageInputs } from "./hover";

function toClient(ctx: ServerContext, locations: Location[]): Location[] {
  return locations.map((l) => ({ uri: ctx.keyToUri(l.uri), range: l.range }));
}

/**
 * Go to definition (a reference → the record's id, a control → its SoA entry), find references
 * (across the files of the ISMS) and rename of record ids across files (core `navigation`).
 * Rename refuses Annex A control ids, invalid ids and taken ids with a message.
 */
export const navigationFeature: Feature = {
  name: "navigation",
  capabilities: (client) => ({
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
  }),
  register(ctx) {
    ctx.connection.onDefinition(
      ctx.guard(
        "definition",
        async (params: DefinitionParams): Promise<Location[]> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          return parsed ? toClient(ctx, definition(model, parsed, params.position)) : [];
        },
        [],
      ),
    );
    ctx.connection.onReferences(
      ctx.guard(
        "references",
        async (params: ReferenceParams): Promise<Location[]> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          return parsed ? toClient(ctx, references(model, parsed, params.position, params.context?.includeDeclaration !== false)) : [];
        },
        [],
      ),
    );
    ctx.connection.onPrepareRename(
      ctx.guard(
        "prepare rename",
        async (params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | ResponseError<void> | null> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          if (!parsed) return null;
          const result = prepareRename(model, parsed, params.position);
          return "error" in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : result;
        },
        null,
      ),
    );
    ctx.connection.onRenameRequest(
      ctx.guard(
        "rename",
        async (params: RenameParams): Promise<WorkspaceEdit | ResponseError<void> | null> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          if (!parsed) return null;
          const result = rename(model, parsed, params.position, params.newName);
          if ("error" in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
          const changes: WorkspaceEdit["changes"] = {};
          for (const [key, edits] of Object.entries(result.edit.changes ?? {})) changes[ctx.keyToUri(key)] = edits;
          return { changes };
        },
        null,
      ),
    );
  },
};
