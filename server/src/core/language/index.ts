/**
 * Editor intelligence over the ISMS model, as pure functions: what is at a position, hovers,
 * completion, navigation (definition, references, rename, symbols), code lenses, inlay hints and
 * document links. Inputs are the model of the ISMS root and the parsed file; outputs are Language
 * Server Protocol data shapes whose `uri` is the engine's file key. Nothing here throws.
 */
export { symbolAt, type SymbolAt, type RecordSymbol, type ReferenceSymbol, type ControlSymbol, type KeySymbol, type ValueSymbol } from "./symbol-at";
export { hover, type LanguageOptions } from "./hover";
export { completion } from "./completion";
export { completionContext, type CompletionContext } from "./completion-context";
export { definition, references, prepareRename, rename, documentSymbols, workspaceSymbols, ID_PATTERN } from "./navigation";
export { codeLenses, type CodeLensOptions } from "./code-lens";
export { inlayHints } from "./inlay-hints";
export { documentLinks, linkTarget } from "./document-links";
export { nodeAt, documentAt, type NodeAt, type YamlPath } from "./yaml-path";
export { schemaAt } from "./schema-walk";
