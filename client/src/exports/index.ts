import type { CommandFactory } from "../command";
import { exportReport, type ExportableReport, type ExportArgs } from "./export-report";

export { exportReport, type ExportArgs, type ExportFormat, type ExportableReport } from "./export-report";

/** Reads the optional `{ format, uri, root }` argument of an export command (anything else is ignored). */
function exportArgs(value: unknown): ExportArgs {
  if (typeof value !== "object" || value === null) return {};
  const { format, uri, root } = value as { format?: unknown; uri?: unknown; root?: unknown };
  return {
    format: format === "html" || format === "md" || format === "csv" ? format : undefined,
    uri: typeof uri === "string" || (typeof uri === "object" && uri !== null && "scheme" in uri) ? (uri as ExportArgs["uri"]) : undefined,
    root: typeof root === "string" ? root : undefined,
  };
}

function exportCommand(id: string, what: ExportableReport): CommandFactory {
  return { id, create: (ctx) => (args?: unknown) => exportReport(ctx.client, ctx.webviews.model, what, exportArgs(args)) };
}

/**
 * The export commands: the SoA, the risk register and the readiness report to HTML, Markdown or
 * CSV. Each accepts `{ format, uri, root }` to skip the prompts (for automation and tests).
 */
export const EXPORT_COMMANDS: CommandFactory[] = [
  exportCommand("isms.exportSoa", { report: "soa", name: "Statement of Applicability", fileName: "statement-of-applicability" }),
  exportCommand("isms.exportRisks", { report: "risks", name: "risk register", fileName: "risk-register" }),
  exportCommand("isms.exportReadiness", { report: "readiness", name: "certification readiness report", fileName: "certification-readiness" }),
];
