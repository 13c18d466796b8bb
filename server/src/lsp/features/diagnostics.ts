import type { Diagnostic } from "vscode-languageserver";
import { diagnosticSupport, findingToDiagnostic, lastGoodDiagnostic } from "../diagnostics";
import type { Feature } from "../feature";
import type { FileCheck } from "../workspace-index";

/**
 * Live diagnostics, push model: after each re-check, publishes the findings of every ISMS file of
 * the re-checked roots (open or closed; with the document version when open), and clears the
 * diagnostics of files that left every root (deleted, no longer ISMS). Unchanged diagnostics are
 * not sent again.
 */
export const diagnosticsFeature: Feature = {
  name: "diagnostics",
  capabilities: () => ({}),
  register(ctx) {
    const support = diagnosticSupport(ctx.clientCapabilities);
    /** What was last sent per key (JSON), only for keys whose last publication was not empty. */
    const published = new Map<string, string>();

    const publish = (key: string, diagnostics: Diagnostic[], version: number | undefined) => {
      const previous = published.get(key);
      if (diagnostics.length === 0 && previous === undefined) return;
      const json = JSON.stringify([version, diagnostics]);
      if (json === previous) return;
      if (diagnostics.length === 0) published.delete(key);
      else published.set(key, json);
      void ctx.connection.sendDiagnostics({ uri: ctx.keyToUri(key), version, diagnostics }).catch((error: unknown) => ctx.log.failure("Publishing diagnostics", error));
    };

    const diagnosticsOf = (file: FileCheck): Diagnostic[] => {
      const diagnostics = file.findings.map((f) => findingToDiagnostic(f, support, ctx.keyToUri));
      if (file.lastGoodRange) diagnostics.push(lastGoodDiagnostic(file.lastGoodRange));
      return diagnostics;
    };

    ctx.onModelChanged((event) => {
      const shown = new Set<string>();
      for (const group of event.changed) {
        for (const file of group.files) {
          shown.add(file.key);
          publish(file.key, diagnosticsOf(file), file.version);
        }
      }
      for (const key of event.droppedFiles) {
        if (!shown.has(key)) publish(key, [], ctx.documents.get(ctx.keyToUri(key))?.version);
      }
    });
  },
};
