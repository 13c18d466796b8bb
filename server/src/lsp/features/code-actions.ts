import { CodeActionKind, type ClientCapabilities, type CodeAction, type CodeActionParams, type CreateFile, type TextDocumentEdit, type WorkspaceEdit } from "vscode-languageserver";
import { wasConsumed, type ParsedFile } from "../../core";
import { codeActionsFor, hasFixes, type QuickFix } from "../../core/fixes";
import { stripBom } from "../../core/text/bom";
import { sameRange } from "../../core/text/range";
import { diagnosticData } from "../diagnostics";
import type { Feature, ServerContext } from "../feature";

/** How the client can receive a workspace edit. */
export interface EditSupport {
  /** `documentChanges` (versioned text document edits) instead of `changes`. */
  documentChanges: boolean;
  /** `CreateFile` operations inside `documentChanges`. */
  createFiles: boolean;
  /** Code action literals (else the client only understands commands: no quick-fixes). */
  literals: boolean;
}

export function editSupport(capabilities: ClientCapabilities): EditSupport {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  return {
    documentChanges,
    createFiles: documentChanges && (workspaceEdit?.resourceOperations ?? []).includes("create"),
    literals: capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
  };
}

/**
 * Quick-fixes (`textDocument/codeAction`, kind `quickfix`): for each diagnostic of this server in
 * the request whose rule has fixes, the matching finding of the last check (same rule and range)
 * gets the fixes the engine computes (`core/fixes`: its rule's `fixes`, on its `data` checked
 * against the rule's shape), each as a code action tied to that diagnostic. Fixes are offered
 * only when every file they edit still has the text that was checked, so an edit never lands on
 * moved text. Edits go out as versioned `documentChanges` (with `CreateFile` for new files) when
 * the client supports them, else as `changes`; fixes that create a file are left out for clients
 * that cannot create files.
 */
export const codeActionsFeature: Feature = {
  name: "code-actions",
  capabilities: (client) => (client.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false } } : {}),
  register(ctx) {
    const support = editSupport(ctx.clientCapabilities);
    if (!support.literals) return;
    ctx.connection.onCodeAction(ctx.guard("code actions", (params: CodeActionParams) => codeActions(ctx, support, params), []));
  },
};

async function codeActions(ctx: ServerContext, support: EditSupport, params: CodeActionParams): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const ours = params.context.diagnostics.filter((d) => {
    const data = diagnosticData(d);
    return data !== undefined && hasFixes(data.rule);
  });
  if (ours.length === 0) return [];

  await ctx.index.settled();
  const key = ctx.uriToKey(params.textDocument.uri);
  const group = ctx.index.groupOf(key);
  const fileCheck = ctx.index.fileCheck(key);
  const model = group?.model;
  if (!group || !fileCheck || !model || fileCheck.lastGoodRange) return [];

  const checked = (k: string): ParsedFile | undefined => model.files.find((f) => f.file === k) ?? ctx.index.parsed(k);
  const actions: CodeAction[] = [];
  for (const diagnostic of ours) {
    const rule = diagnosticData(diagnostic)?.rule;
    const finding = fileCheck.findings.find((f) => f.rule === rule && sameRange(diagnostic.range, f.range));
    if (!finding) continue;
    for (const fix of codeActionsFor(finding, { model, files: checked, today: group.settings.today })) {
      const edit = toWorkspaceEdit(ctx, support, fix, checked);
      if (!edit) continue;
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
      if (fix.isPreferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

/**
 * The workspace edit of a fix, or `undefined` when it cannot be sent: a file it edits changed
 * since the check (its latest text is not the text the fix was computed on), or it creates a
 * file and the client cannot create files.
 */
export function toWorkspaceEdit(ctx: ServerContext, support: EditSupport, fix: QuickFix, checked: (key: string) => ParsedFile | undefined): WorkspaceEdit | undefined {
  const created = new Set(fix.edit.createFiles ?? []);
  if (created.size > 0 && !support.createFiles) return undefined;
  for (const key of Object.keys(fix.edit.changes)) {
    if (created.has(key)) continue;
    const parsed = checked(key);
    const latest = ctx.index.text(key);
    if (!parsed || latest === undefined || stripBom(latest) !== parsed.text || wasConsumed(parsed)) return undefined;
  }

  if (!support.documentChanges) {
    const changes: WorkspaceEdit["changes"] = {};
    for (const [key, edits] of Object.entries(fix.edit.changes)) changes[ctx.keyToUri(key)] = edits;
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const key of created) documentChanges.push({ kind: "create", uri: ctx.keyToUri(key), options: { overwrite: false, ignoreIfExists: false } });
  for (const [key, edits] of Object.entries(fix.edit.changes)) {
    const uri = ctx.keyToUri(key);
    const version = created.has(key) ? null : (ctx.documents.get(uri)?.version ?? null);
    documentChanges.push({ textDocument: { uri, version }, edits });
  }
  return { documentChanges };
}
