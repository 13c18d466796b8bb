import { InlayHintKind, type InlayHint } from "vscode-languageserver-types";
import { pluralDays } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import type { Rating } from "../model/types";
import type { ParsedFile } from "../parse/parsed-file";
import type { Position, Range } from "../text/range";
import { daysOverdue } from "./describe";
import type { LanguageOptions } from "./hover";
import { inRange } from "./records";

function later(a: Position, b: Position): Position {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? a : b;
}

/**
 * Inlay hints of a file (within `range` when given): the score and level after each risk's
 * likelihood/impact pair ("= 12 High") and after its residual pair, and "46 days overdue" beside
 * the `due` date of an open action past due (needs `options.today`). Never throws.
 */
export function inlayHints(model: IsmsModel | undefined, parsed: ParsedFile, range?: Range, options: LanguageOptions = {}): InlayHint[] {
  if (!model) return [];
  try {
    const hints: InlayHint[] = [];
    const push = (position: Position, label: string, tooltip: string) => {
      if (!range || inRange(range, position)) hints.push({ position, label, kind: InlayHintKind.Type, paddingLeft: true, tooltip });
    };
    const rating = (r: Rating, what: string) => {
      if (r.score === undefined || !r.likelihood || !r.impact) return;
      const at = later(r.likelihood.range.end, r.impact.range.end);
      push(
        at,
        `= ${r.score}${r.level ? ` ${r.level}` : ""}`,
        `${what}: likelihood ${r.likelihood.value} and impact ${r.impact.value} score ${r.score}${r.level ? ` (${r.level})` : ""} under the risk methodology.`,
      );
    };
    for (const risk of model.risks) {
      if (risk.file !== parsed.file) continue;
      rating(risk, "Inherent risk");
      if (risk.residual) rating(risk.residual, "Residual risk");
    }
    for (const action of model.actions) {
      if (action.file !== parsed.file || !action.due) continue;
      const days = daysOverdue(action, options.today);
      if (days !== undefined) push(action.due.range.end, `${pluralDays(days)} overdue`, `Due on ${action.due.value} and not done or cancelled (today is ${options.today}).`);
    }
    return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
  } catch {
    return [];
  }
}
