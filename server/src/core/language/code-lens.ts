import type { CodeLens, Location } from "vscode-languageserver-types";
import type { IsmsModel } from "../model/isms-model";
import type { ParsedFile } from "../parse/parsed-file";
import { scoreText, risksListing } from "./describe";
import { plural } from "./records";

/** Options of {@link codeLenses}. */
export interface CodeLensOptions {
  /**
   * Command run when a lens is clicked, with arguments `[file, position, locations]` (the records
   * the lens counts). Without it lenses are labels only (command id "").
   */
  command?: string;
}

/**
 * Code lenses of a file: on each SoA entry "3 risks · 2 actions" (the risks listing the control and
 * the actions of those risks); on each risk "score 12 · High → residual 8 · Medium". Never throws.
 */
export function codeLenses(model: IsmsModel | undefined, parsed: ParsedFile, options: CodeLensOptions = {}): CodeLens[] {
  if (!model) return [];
  try {
    const lenses: CodeLens[] = [];
    const make = (range: CodeLens["range"], title: string, locations: Location[]): CodeLens => ({
      range,
      command: { title, command: options.command ?? "", arguments: options.command ? [parsed.file, range.start, locations] : undefined },
    });
    for (const entry of model.soaEntries) {
      if (entry.file !== parsed.file || !entry.control) continue;
      const risks = risksListing(model, entry.control.id);
      const actions = new Map<string, Location>();
      for (const risk of risks) {
        for (const ref of risk.actions) {
          const target = ref.resolved;
          if (!actions.has(ref.id)) actions.set(ref.id, target?.id ? { uri: target.file, range: target.id.range } : { uri: ref.file, range: ref.range });
        }
      }
      const locations = [...risks.flatMap((r) => (r.id ? [{ uri: r.file, range: r.id.range }] : [])), ...actions.values()];
      lenses.push(make(entry.control.range, `${plural(risks.length, "risk")} · ${plural(actions.size, "action")}`, locations));
    }
    for (const risk of model.risks) {
      if (risk.file !== parsed.file || !risk.id) continue;
      const inherent = scoreText(risk);
      const residual = scoreText(risk.residual);
      let title: string;
      if (!inherent) title = risk.likelihood || risk.impact ? "score: rating incomplete or off the scales" : "not rated";
      else title = `score ${inherent}${residual ? ` → residual ${residual}` : ""}`;
      lenses.push(make(risk.id.range, title, []));
    }
    return lenses;
  } catch {
    return [];
  }
}
