import type { DocumentLink, DocumentLinkParams } from "vscode-languageserver";
import { documentLinks } from "../../core/language";
import type { Feature } from "../feature";
import { languageInputs } from "./hover";

/**
 * Document links (core `documentLinks`): SoA `evidence` and policy `path` entries open the file
 * they name (relative to the YAML file) or the URL.
 */
export const documentLinksFeature: Feature = {
  name: "document-links",
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onDocumentLinks(
      ctx.guard(
        "document links",
        async (params: DocumentLinkParams): Promise<DocumentLink[]> => {
          const { parsed, model } = await languageInputs(ctx, params.textDocument.uri);
          return parsed ? documentLinks(model, parsed) : [];
        },
        [],
      ),
    );
  },
};
