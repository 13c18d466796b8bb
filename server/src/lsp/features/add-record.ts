import { ErrorCodes, ResponseError } from "vscode-languageserver";
import type { ParsedFile } from "../../core";
import { addRecord, addReviewDraft, formOptions, InvalidRecordError } from "../../core/edits";
import { reviewDraftInputs, reviewPackReport, ReviewPackError } from "../../core/report/index";
import { AddRecordRequest, FormOptionsRequest, ReviewDraftRequest, type AddRecordParams, type AddRecordResult, type FormOptionsResult, type ReviewDraftParams, type RootParams } from "@protocol";
import type { Feature, ServerContext } from "../feature";
import type { GroupCheck } from "../workspace-index";
import { editSupport, toWorkspaceEdit, type EditSupport } from "./code-actions";

/**
 * The "Add Risk" / "Add Action" forms of the client: `isms/formOptions` answers the choices (people,
 * the methodology's scales, treatments, action types) and `isms/addRecord` computes the edit that
 * appends the new record (`core/edits/add-record.ts`), as a WorkspaceEdit the client applies.
 * `isms/addReviewDraft` does the same for a management review pre-filled from the review pack
 * (`core/edits/review-draft.ts`).
 *
 * `isms/addRecord` answers a ResponseError (never throws anything else) when no ISMS root is found,
 * a field is not acceptable (the message says which and why), or the target file changed meanwhile.
 */
export const addRecordFeature: Feature = {
  name: "add-record",
  capabilities: () => ({}),
  register(ctx) {
    const support = editSupport(ctx.clientCapabilities);
    ctx.connection.onRequest(
      FormOptionsRequest.type,
      ctx.guard("isms/formOptions", (params: RootParams) => options(ctx, params), { roots: [] } as FormOptionsResult),
    );
    ctx.connection.onRequest(AddRecordRequest.type, (params: AddRecordParams) => add(ctx, support, params));
    ctx.connection.onRequest(ReviewDraftRequest.type, (params: ReviewDraftParams) => addDraft(ctx, support, params));
  },
};

/** The ISMS roots of the workspace, and the one `params` designates (the only root when there is one). */
function resolveRoot(ctx: ServerContext, params: RootParams): { roots: GroupCheck[]; group?: GroupCheck } {
  const roots = ctx.index.groups().filter((g) => g.isRoot && g.model);
  let group: GroupCheck | undefined;
  if (params.root) {
    const key = ctx.uriToKey(params.root).replace(/\/$/, "");
    group = roots.find((g) => g.root.replace(/\/$/, "") === key || g.summary.root === params.root);
  } else if (params.document) {
    const own = ctx.index.groupOf(ctx.uriToKey(params.document));
    if (own?.isRoot && own.model) group = own;
  }
  if (!group && !params.root && roots.length === 1) group = roots[0];
  return { roots, group };
}

async function options(ctx: ServerContext, params: RootParams): Promise<FormOptionsResult> {
  await ctx.index.settled();
  const { roots, group } = resolveRoot(ctx, params ?? {});
  const result: FormOptionsResult = { roots: roots.map((g) => ({ root: g.summary.root, organization: g.summary.organization })) };
  if (group?.model) {
    result.root = group.summary.root;
    result.options = { ...formOptions(group.model), today: group.settings.today };
  }
  return result;
}

async function add(ctx: ServerContext, support: EditSupport, params: AddRecordParams): Promise<AddRecordResult> {
  try {
    await ctx.index.settled();
    const { group } = resolveRoot(ctx, params);
    const model = group?.model;
    if (!group || !model) throw new ResponseError(ErrorCodes.InvalidParams, "No ISMS root (a folder with isms.yaml) is known for this request.");
    const checked = (k: string): ParsedFile | undefined => model.files.find((f) => f.file === k) ?? ctx.index.parsed(k);
    // The client's word only: a kind or fields the protocol does not declare get a clear answer.
    const kind: unknown = params?.kind;
    if (kind !== "risk" && kind !== "action") throw new ResponseError(ErrorCodes.InvalidParams, `Cannot add a record of kind ${JSON.stringify(kind)}: the kinds are "risk" and "action".`);
    if (typeof params.fields !== "object" || params.fields === null) throw new ResponseError(ErrorCodes.InvalidParams, `The ${kind} to add has no fields.`);
    const record = params.kind === "risk" ? { kind: "risk" as const, fields: params.fields } : { kind: "action" as const, fields: params.fields };
    const added = addRecord({ model, files: checked, today: group.settings.today }, record);
    const edit = toWorkspaceEdit(ctx, support, { title: `Add ${added.id}`, ruleId: AddRecordRequest.method, edit: added.edit }, checked);
    if (!edit) throw new ResponseError(ErrorCodes.InvalidRequest, `${ctx.keyToUri(added.file)} has changes that are not checked yet (or a syntax error): fix or save it and try again.`);
    return { edit, id: added.id, uri: ctx.keyToUri(added.file), range: added.range };
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    if (error instanceof InvalidRecordError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    ctx.log.failure("isms/addRecord", error);
    throw new ResponseError(ErrorCodes.InternalError, `Could not add the ${params?.kind ?? "record"}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function addDraft(ctx: ServerContext, support: EditSupport, params: ReviewDraftParams): Promise<AddRecordResult> {
  try {
    await ctx.index.settled();
    const { group } = resolveRoot(ctx, params ?? {});
    const model = group?.model;
    if (!group || !model) throw new ResponseError(ErrorCodes.InvalidParams, "No ISMS root (a folder with isms.yaml) is known for this request.");
    const checked = (k: string): ParsedFile | undefined => model.files.find((f) => f.file === k) ?? ctx.index.parsed(k);
    const today = group.settings.today;
    const since = typeof params?.since === "string" ? params.since : undefined;
    const date = typeof params?.date === "string" ? params.date : undefined;
    const pack = reviewPackReport(
      model,
      group.files.flatMap((f) => f.findings),
      today,
      { since },
    );
    const added = addReviewDraft({ model, files: checked, today }, reviewDraftInputs(pack), date);
    const edit = toWorkspaceEdit(ctx, support, { title: `Add ${added.id}`, ruleId: ReviewDraftRequest.method, edit: added.edit }, checked);
    if (!edit) throw new ResponseError(ErrorCodes.InvalidRequest, `${ctx.keyToUri(added.file)} has changes that are not checked yet (or a syntax error): fix or save it and try again.`);
    return { edit, id: added.id, uri: ctx.keyToUri(added.file), range: added.range };
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    if (error instanceof InvalidRecordError || error instanceof ReviewPackError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    ctx.log.failure("isms/addReviewDraft", error);
    throw new ResponseError(ErrorCodes.InternalError, `Could not add the review draft: ${error instanceof Error ? error.message : String(error)}`);
  }
}
