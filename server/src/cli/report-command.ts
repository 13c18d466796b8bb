import { writeFile } from "node:fs/promises";
import type { Finding, IsmsModel, LocalDate, MutedFinding } from "../core";
import { readinessReport, renderCsv, renderHtml, renderMarkdown, riskRegisterReport, soaReport, type IsmsReport } from "../core/report/index";
import { loadAndCheck } from "./load-ismss";
import { resolveToday } from "./today";
import { UsageError } from "./usage-error";

/** Options of `isms report`. */
export interface ReportCommandOptions {
  format: string;
  today?: string;
  out?: string;
}

/** The reports of `isms report <report>`: each built from a root's model and the findings of the check. */
const REPORTS: Record<string, (model: IsmsModel, today: LocalDate, findings: readonly Finding[], muted: readonly MutedFinding[]) => IsmsReport> = {
  soa: (model, today) => soaReport(model, today),
  risks: (model, today) => riskRegisterReport(model, today),
  readiness: (model, today, findings, muted) => readinessReport(model, findings, today, { muted }),
};

/** The formats of `isms report --format`. */
const RENDERERS: Record<string, (report: IsmsReport) => string> = {
  md: renderMarkdown,
  html: (report) => renderHtml(report),
  csv: (report) => renderCsv(report),
};

/**
 * `isms report soa|risks|readiness`: renders a report of the ISMS under `path` to stdout or `--out`.
 * When the folder holds several ISMS roots, reports on the one at the folder itself (else the
 * first) and names the others on stderr. Returns 0; throws {@link UsageError} on bad input or I/O errors.
 */
export async function runReport(report: string, path: string, options: ReportCommandOptions): Promise<number> {
  const build = Object.hasOwn(REPORTS, report) ? REPORTS[report] : undefined;
  if (!build) throw new UsageError(`unknown report "${report}": choose ${Object.keys(REPORTS).join(", ")}`);
  const render = Object.hasOwn(RENDERERS, options.format) ? RENDERERS[options.format] : undefined;
  if (!render) throw new UsageError(`unknown format "${options.format}": choose ${Object.keys(RENDERERS).join(", ")}`);
  let today;
  try {
    today = resolveToday(options.today);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const { models, findings, muted } = await loadAndCheck(path, today);
  const model = models.find((m) => m.root === "") ?? models[0];
  if (models.length > 1) {
    const others = models.filter((m) => m !== model).map((m) => m.root || ".");
    process.stderr.write(`isms: note: "${path}" holds ${models.length} ISMS roots; reporting on ${model.root || "."} (not on ${others.join(", ")})\n`);
  }

  const files = new Set(model.files.map((f) => f.file));
  const broken = model.files.filter((f) => f.problems.length > 0).map((f) => f.file);
  if (broken.length > 0) {
    process.stderr.write(`isms: warning: ${broken.join(", ")} ${broken.length === 1 ? "has" : "have"} syntax errors: the report may miss or garble their records (run isms check)\n`);
  }
  const text = render(build(model, today, findings.filter((f) => files.has(f.file)), muted.filter((f) => files.has(f.file))));
  if (options.out) {
    try {
      await writeFile(options.out, text);
    } catch (error) {
      throw new UsageError(`cannot write "${options.out}": ${(error as Error).message}`);
    }
  } else {
    process.stdout.write(text);
  }
  return 0;
}
