import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { AddRecordRequest, FormOptionsRequest, type AddRecordParams, type AddRecordResult, type NewActionFields, type NewRiskFields } from "@protocol";
import type { CommandContext, CommandFactory } from "../command";
import { askDue, askLevel, Cancelled, Form, personItems, treatmentItems, typeItems, type Options } from "./record-form";

/**
 * Arguments the Add Risk / Add Action commands accept (from a tree view item or a test):
 * `root` names the ISMS root folder (URI string); `fields` skips the form.
 */
interface AddArgs {
  root?: string;
  fields?: NewRiskFields | NewActionFields;
}

/**
 * "ISMS: Add Risk": asks title, owner (the people of isms.yaml), likelihood and impact (the
 * methodology's levels and labels) and treatment; the server writes the record (next free id,
 * into the register with the most risks), the client applies and saves the edit and shows it.
 */
export const addRisk: CommandFactory = {
  id: "isms.addRisk",
  create: (ctx) => (args?: unknown) => addRecordFlow(ctx, "risk", asArgs(args)),
};

/** "ISMS: Add Action": asks title, type, source risk (treatment actions), owner and due date. */
export const addAction: CommandFactory = {
  id: "isms.addAction",
  create: (ctx) => (args?: unknown) => addRecordFlow(ctx, "action", asArgs(args)),
};

function asArgs(args: unknown): AddArgs {
  if (args instanceof vscode.Uri) return { root: args.toString() };
  return typeof args === "object" && args !== null ? (args as AddArgs) : {};
}

async function addRecordFlow(ctx: CommandContext, kind: "risk" | "action", args: AddArgs): Promise<AddRecordResult | undefined> {
  const label = kind === "risk" ? "Add Risk" : "Add Action";
  try {
    const root = await chooseRoot(ctx.client, args.root, label);
    if (!root) return undefined;
    const fields = args.fields ?? (kind === "risk" ? await riskForm(root.options) : await actionForm(root.options));
    const params = { root: root.root, kind, fields } as AddRecordParams;
    const result = await ctx.client.sendRequest(AddRecordRequest.type, params);
    await applyAndReveal(ctx.client, result);
    void vscode.window.setStatusBarMessage(`ISMS: added ${result.id}`, 5000);
    return result;
  } catch (error) {
    if (error instanceof Cancelled) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`ISMS: ${label}: ${message}`);
    return undefined;
  }
}

/** The root to add to, with its form options: the given one, the active editor's, the only one, or one the user picks. */
export async function chooseRoot(client: LanguageClient, root: string | undefined, label: string): Promise<{ root: string; options: Options } | undefined> {
  const document = vscode.window.activeTextEditor?.document.uri.toString();
  let answer = await client.sendRequest(FormOptionsRequest.type, root ? { root } : { document });
  if (!answer.options && !root && answer.roots.length > 1) {
    const picked = await vscode.window.showQuickPick(
      answer.roots.map((r) => ({
        label: r.organization ?? vscode.Uri.parse(r.root).path.split("/").pop() ?? r.root,
        description: vscode.workspace.asRelativePath(vscode.Uri.parse(r.root)),
        root: r.root,
      })),
      { title: `ISMS: ${label}`, placeHolder: "Which ISMS?" },
    );
    if (!picked) return undefined;
    answer = await client.sendRequest(FormOptionsRequest.type, { root: picked.root });
  }
  if (!answer.options || !answer.root) {
    const create = "New ISMS from Template";
    const choice = await vscode.window.showErrorMessage(`ISMS: ${label}: no ISMS (a folder with isms.yaml) is open in this workspace.`, create);
    if (choice === create) await vscode.commands.executeCommand("isms.newIsms");
    return undefined;
  }
  return { root: answer.root, options: answer.options };
}

async function riskForm(options: Options): Promise<NewRiskFields> {
  const form = new Form("ISMS: Add Risk", 5);
  const title = await form.text("Title of the risk: what could happen, to what", {
    placeHolder: "Ransomware encrypts the file server",
    validate: (t) => (t.trim() === "" ? "A risk needs a title." : undefined),
  });
  const owner = await form.pick("Risk owner: accountable for managing the risk (6.1.2 c 2)", personItems(options.people));
  const likelihood = await askLevel(form, options.likelihood, "likelihood");
  const impact = await askLevel(form, options.impact, "impact");
  const treatment = await form.pick("Treatment (6.1.3 a)", treatmentItems(options.treatments));
  return { title, owner, likelihood, impact, treatment };
}

async function actionForm(options: Options): Promise<NewActionFields> {
  const form = new Form("ISMS: Add Action", 5);
  const title = await form.text("Title of the action: what will be done", {
    placeHolder: "Enable disk encryption on every laptop",
    validate: (t) => (t.trim() === "" ? "An action needs a title." : undefined),
  });
  const type = await form.pick("Type of action", typeItems(options.actionTypes));
  const source =
    type === "treatment" && options.risks.length > 0
      ? await form.pick("The risk this action treats", [
          ...options.risks.map((r) => ({ label: r.id, description: r.title, value: r.id as string | undefined })),
          { label: "$(dash) None", value: undefined },
        ])
      : await form.text("Source: id of the risk, nonconformity or review it answers (empty: none)", {
          validate: (t) => (t.trim() === "" || /^[A-Za-z0-9._:-]+$/.test(t.trim()) ? undefined : "An id has letters, digits and . _ : - only."),
        });
  const owner = await form.pick("Owner: responsible for completing the action (6.2 j)", personItems(options.people));
  const due = await askDue(form, options.today);
  return { title, type, source: source || undefined, owner, due };
}

/** Applies the server's edit, saves the file, opens it and selects the new record. */
export async function applyAndReveal(client: LanguageClient, result: AddRecordResult): Promise<void> {
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error("VS Code did not apply the edit (the file may have changed); try again.");
  const uri = client.protocol2CodeConverter.asUri(result.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  const range = client.protocol2CodeConverter.asRange(result.range);
  const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Selection(range.start, range.start) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
