import { UsageError } from "./usage-error";

/** Options of `isms report`. */
export interface ReportCommandOptions {
  format: string;
  today?: string;
  out?: string;
}

/** `isms report soa|risks`: renders a report of the ISMS under `path`. */
export async function runReport(report: string, _path: string, _options: ReportCommandOptions): Promise<number> {
  throw new UsageError(`the ${report} report is not available yet`);
}
