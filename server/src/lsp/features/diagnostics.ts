import type { Diagnostic } from "vscode-languageserver";
import { diagnosticSupport, findingToDiagnostic, lastGoodDiagnostic } from "../diagnostics";
import type { Feature } from "../feature";
import type { FileCheck } from "../workspace-index";
import type { Finding, Range } from "../../core";
import { sameItems } from "../../core/same-items";
import { sameRange } from "../../core/text/range";

/**
 * Live diagnostics, push model: after each re-check, publishes the findings of every ISMS file of
 * the re-checked roots (open or closed; with the document version when open), open files first
 * (the file being edited waits for no other), and clears the diagnostics of files that left every
 * root (deleted, no longer ISMS). Unchanged diagnostics are not sent again: a file whose findings
 * are the very objects last published (the engine keeps the findings of rules that did not run
 * again) is skipped without a look at them; otherwise each finding's diagnostic, made once per
 * finding, is compared as JSON.
 */
export const diagnosticsFeature: Feature = {
  name: "diagnostics",
  capabilities: () => ({}),
  register(ctx) {
    const support = diagnosticSupport(ctx.clientCapabilities);
    /** What was last sent per key, only for keys whose last publication was not empty. */
    const published = new Map<string, Published>();
    /** Each finding's diagnostic and its JSON, made once per finding (findings never change). */
    const made = new WeakMap<Finding, { diagnostic: Diagnostic; json: string }>();
    const diagnosticOf = (finding: Finding) => {
      let known = made.get(finding);
      if (!known) {
        const diagnostic = findingToDiagnostic(finding, support, ctx.keyToUri);
        made.set(finding, (known = { diagnostic, json: JSON.stringify(diagnostic) }));
      }
      return known;
    };

    const publish = (file: FileCheck) => {
      const previous = published.get(file.key);
      if (file.findings.length === 0 && !file.lastGoodRange && previous === undefined) return;
      if (previous && previous.version === file.version && sameLastGood(previous.lastGood, file.lastGoodRange) && sameItems(previous.findings, file.findings)) return;
      const diagnostics = file.findings.map((f) => diagnosticOf(f));
      if (file.lastGoodRange) {
        const diagnostic = lastGoodDiagnostic(file.lastGoodRange);
        diagnostics.push({ diagnostic, json: JSON.stringify(diagnostic) });
      }
      const json = `${JSON.stringify(file.version ?? null)}:${diagnostics.map((d) => d.json).join(",")}`;
      const entry: Published = { version: file.version, lastGood: file.lastGoodRange, findings: file.findings, json };
      if (json === previous?.json) {
        published.set(file.key, entry); // same text: remember these objects, send nothing
        return;
      }
      send(
        file.key,
        diagnostics.map((d) => d.diagnostic),
        file.version,
      );
      if (diagnostics.length === 0) published.delete(file.key);
      else published.set(file.key, entry);
    };

    const send = (key: string, diagnostics: Diagnostic[], version: number | undefined) => {
      void ctx.connection.sendDiagnostics({ uri: ctx.keyToUri(key), version, diagnostics }).catch((error: unknown) => ctx.log.failure("Publishing diagnostics", error));
    };

    ctx.onModelChanged((event) => {
      const shown = new Set<string>();
      const files = event.changed.flatMap((group) => group.files);
      // Open files (they have a version) first, in their order; then the others.
      for (const open of [true, false]) {
        for (const file of files) {
          if ((file.version !== undefined) !== open) continue;
          shown.add(file.key);
          publish(file);
        }
      }
      for (const key of event.droppedFiles) {
        if (shown.has(key) || !published.has(key)) continue;
        published.delete(key);
        send(key, [], ctx.documents.get(ctx.keyToUri(key))?.version);
      }
    });
  },
};

/** What was last published for a file. */
interface Published {
  version: number | undefined;
  lastGood: Range | undefined;
  findings: readonly Finding[];
  /** The version and the diagnostics as JSON, to tell an unchanged publication. */
  json: string;
}

/** True when both files have no last-good note, or one at the same range. */
function sameLastGood(a: Range | undefined, b: Range | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && sameRange(a, b));
}
