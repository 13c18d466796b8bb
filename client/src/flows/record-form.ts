import * as vscode from "vscode";
import type { FormOptionsResult, LevelOption, PersonOption } from "@protocol";
import { addDays, dueDateProblem } from "./text";

/** The options of one ISMS root, as the server answers them. */
export type Options = NonNullable<FormOptionsResult["options"]>;

/** Thrown (and caught by the command) when the user presses Escape in any step. */
export class Cancelled extends Error {}

/** A step-numbered sequence of input boxes and quick picks: "ISMS: Add Risk (2/5)". */
export class Form {
  private step = 0;

  constructor(
    private readonly title: string,
    private readonly steps: number,
  ) {}

  private next(): string {
    this.step++;
    return `${this.title} (${this.step}/${this.steps})`;
  }

  /** An input box; `validate` returns a message while the text is not acceptable. */
  async text(prompt: string, options: { placeHolder?: string; value?: string; validate?: (text: string) => string | undefined } = {}): Promise<string> {
    const value = await vscode.window.showInputBox({
      title: this.next(),
      prompt,
      placeHolder: options.placeHolder,
      value: options.value,
      ignoreFocusOut: true,
      validateInput: options.validate,
    });
    if (value === undefined) throw new Cancelled();
    return value.trim();
  }

  /** A quick pick of `items`; the value of the picked one. */
  async pick<T>(placeHolder: string, items: (vscode.QuickPickItem & { value: T })[]): Promise<T> {
    const picked = await vscode.window.showQuickPick(items, { title: this.next(), placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
    if (!picked) throw new Cancelled();
    return picked.value;
  }
}

/** The item that leaves a field out ("decide later"). */
function later<T>(what: string): vscode.QuickPickItem & { value: T | undefined } {
  return { label: "$(dash) Decide later", description: `no ${what} yet (the checks will remind you)`, value: undefined };
}

/** Quick pick items of the people: id, name, role. */
export function personItems(people: readonly PersonOption[]): (vscode.QuickPickItem & { value: string | undefined })[] {
  return [...people.map((p) => ({ label: p.id, description: p.name, detail: p.role, value: p.id as string | undefined })), later<string>("owner")];
}

/** Quick pick items of a scale: `3 · Possible`. */
export function levelItems(levels: readonly LevelOption[], what: string): (vscode.QuickPickItem & { value: number | undefined })[] {
  return [...levels.map((l) => ({ label: l.label ? `${l.level} · ${l.label}` : String(l.level), value: l.level as number | undefined })), later<number>(what)];
}

const TREATMENT_HELP: Record<string, string> = {
  mitigate: "reduce likelihood or impact with controls (list them under controls)",
  accept: "retain the risk by informed decision (needs the owner's acceptance above the threshold)",
  avoid: "stop the activity that gives rise to the risk",
  transfer: "share the risk with another party (insurance, contract)",
};

/** Quick pick items of the treatment options. */
export function treatmentItems(treatments: readonly string[]): (vscode.QuickPickItem & { value: string | undefined })[] {
  return [...treatments.map((t) => ({ label: t, description: TREATMENT_HELP[t], value: t as string | undefined })), later<string>("treatment")];
}

const TYPE_HELP: Record<string, string> = {
  treatment: "implements the risk treatment plan (6.1.3 e, 8.3)",
  corrective: "eliminates the cause of a nonconformity (10.2 c)",
  improvement: "improves the ISMS (10.1)",
};

/** Quick pick items of the action types. */
export function typeItems(types: readonly string[]): (vscode.QuickPickItem & { value: string })[] {
  return types.map((t) => ({ label: t, description: TYPE_HELP[t], value: t }));
}

/** The scale step: a quick pick of the methodology's levels, or an input box when the ISMS has none. */
export async function askLevel(form: Form, levels: readonly LevelOption[], what: "likelihood" | "impact"): Promise<number | undefined> {
  if (levels.length > 0) return form.pick(`${what[0].toUpperCase()}${what.slice(1)} (the methodology's scale)`, levelItems(levels, what));
  const text = await form.text(`${what[0].toUpperCase()}${what.slice(1)}: a level from 1 (empty: decide later)`, {
    validate: (t) => (t.trim() === "" || /^[1-9]\d*$/.test(t.trim()) ? undefined : "Enter a whole number from 1, or nothing."),
  });
  return text === "" ? undefined : Number(text);
}

/** The due-date step: `YYYY-MM-DD`, validated as a calendar date; proposes today + 30 days. */
export async function askDue(form: Form, today: string): Promise<string | undefined> {
  const text = await form.text("Due date (YYYY-MM-DD; empty: no due date yet)", { value: addDays(today, 30), placeHolder: "2027-03-31", validate: dueDateProblem });
  return text === "" ? undefined : text;
}
