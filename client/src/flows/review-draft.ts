import * as vscode from "vscode";
import { ReviewDraftRequest, type AddRecordResult, type ReviewDraftParams } from "@protocol";
import type { CommandContext, CommandFactory } from "../command";
import { applyAndReveal, chooseRoot } from "./add-record";
import { isIsoDate } from "./text";

/**
 * Arguments of `isms.insertReviewDraft` (from the review pack's webview or a test): `root` names the
 * ISMS root folder (URI string); `date` (YYYY-MM-DD) skips the question; `since` starts the pack's
 * period elsewhere than at the last review.
 */
interface DraftArgs {
  root?: string;
  date?: string;
  since?: string;
}

/**
 * "Insert as review draft": asks the date of the review meeting (default today), then the server
 * appends a new ManagementReview entry whose inputs summarize the review pack (next free id, beside
 * the latest review); the client applies and saves the edit and shows the entry. Resolves to the
 * server's answer, or `undefined` when cancelled or refused (the error is shown).
 */
export const insertReviewDraft: CommandFactory = {
  id: "isms.insertReviewDraft",
  create: (ctx) => (args?: unknown) => draftFlow(ctx, asArgs(args)),
};

function asArgs(args: unknown): DraftArgs {
  if (typeof args !== "object" || args === null) return {};
  const a = args as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  return { root: text(a.root), date: text(a.date), since: text(a.since) };
}

async function draftFlow(ctx: CommandContext, args: DraftArgs): Promise<AddRecordResult | undefined> {
  const label = "Insert as review draft";
  try {
    const root = await chooseRoot(ctx.client, args.root, label);
    if (!root) return undefined;
    const date =
      args.date ??
      (await vscode.window.showInputBox({
        title: `ISMS: ${label}`,
        prompt: "Date of the management review meeting (YYYY-MM-DD). A later date keeps the draft out of the checks until then.",
        value: root.options.today,
        validateInput: (t) => (isIsoDate(t.trim()) ? undefined : "Write a calendar date as YYYY-MM-DD."),
      }));
    if (date === undefined) return undefined;
    const params: ReviewDraftParams = { root: root.root, date: date.trim(), since: args.since };
    const result = await ctx.client.sendRequest(ReviewDraftRequest.type, params);
    await applyAndReveal(ctx.client, result);
    void vscode.window.setStatusBarMessage(`ISMS: added the review draft ${result.id}: edit its inputs before the meeting`, 8000);
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(`ISMS: ${label}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
