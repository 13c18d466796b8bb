import { DiagnosticSeverity, DiagnosticTag, type ClientCapabilities, type Diagnostic, type Range } from "vscode-languageserver";
import { ruleById, type Finding, type Severity } from "../core";
import { ruleDocsUrl } from "../core/rules/docs-url";

/** `source` of every diagnostic of the server. */
export const DIAGNOSTIC_SOURCE = "isms";

/** Message of the note shown at the first syntax error of a file whose model uses its last version that parsed. */
export const LAST_GOOD_MESSAGE = "Cross-file checks use the last version of this file that parsed: its records (ids, references) are taken from that version until the syntax errors are fixed.";

/** `data.kind` of that note (so code actions can tell it apart from findings). */
export const LAST_GOOD_KIND = "isms/last-good-model";

/**
 * What a diagnostic of a finding carries in `data`: the finding's `data` (plain JSON facts for
 * quick fixes) plus the rule id. Code actions read it back with {@link diagnosticData}.
 */
export interface IsmsDiagnosticData extends Record<string, unknown> {
  rule: string;
}

/** The diagnostic features the client supports. */
export interface DiagnosticSupport {
  relatedInformation: boolean;
  codeDescription: boolean;
  tags: ReadonlySet<DiagnosticTag>;
}

/** Reads {@link DiagnosticSupport} from the client's capabilities. */
export function diagnosticSupport(capabilities: ClientCapabilities): DiagnosticSupport {
  const publish = capabilities.textDocument?.publishDiagnostics;
  return {
    relatedInformation: publish?.relatedInformation === true,
    codeDescription: publish?.codeDescriptionSupport === true,
    tags: new Set(publish?.tagSupport?.valueSet ?? []),
  };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

/**
 * The LSP diagnostic of a finding: severity, `source: "isms"`, `code` = rule id with a link to the
 * rule's documentation, related locations (as client URIs via `toUri`), tags, and `data`.
 */
export function findingToDiagnostic(finding: Finding, support: DiagnosticSupport, toUri: (key: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: cleanRange(finding.range),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    message: finding.message,
  };
  if (support.codeDescription && ruleById(finding.rule)) diagnostic.codeDescription = { href: ruleDocsUrl(finding.rule) };
  if (support.relatedInformation && finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: toUri(r.file), range: cleanRange(r.range) }, message: r.message }));
  }
  const tags = (finding.tags ?? []).map((t) => TAG[t]).filter((t) => t !== undefined && support.tags.has(t));
  if (tags.length > 0) diagnostic.tags = tags;
  const data: IsmsDiagnosticData = { ...(finding.data ?? {}), rule: finding.rule };
  diagnostic.data = data;
  return diagnostic;
}

/** The note at the first syntax error of a file whose model uses its last version that parsed. */
export function lastGoodDiagnostic(range: Range): Diagnostic {
  return {
    range: cleanRange(range),
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: LAST_GOOD_MESSAGE,
    data: { kind: LAST_GOOD_KIND },
  };
}

/** The `data` of a diagnostic of this server, when it has a rule id. */
export function diagnosticData(diagnostic: Diagnostic): IsmsDiagnosticData | undefined {
  const data: unknown = diagnostic.data;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof data !== "object" || data === null) return undefined;
  const rule = (data as Record<string, unknown>).rule;
  return typeof rule === "string" ? (data as IsmsDiagnosticData) : undefined;
}

function cleanRange(range: Range): Range {
  const pos = (p: { line: number; character: number }) => ({ line: Math.max(0, p.line | 0), character: Math.max(0, p.character | 0) });
  return { start: pos(range.start), end: pos(range.end) };
}
