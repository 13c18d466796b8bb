import { writeFile } from "node:fs/promises";
import type { Finding, IsmsModel, LocalDate, MutedFinding } from "../core";
import { layoutDocument, readinessReport, renderCsv, renderHtml, renderMarkdown, reviewPackReport, ReviewPackError, riskRegisterReport, soaReport, type IsmsReport } from "../core/report/index";
import { loadAndCheck } from "./load-ismss";
import { resolveToday } from "./today";
import type { CliIo } from "./cli-io";
import { UsageError } from "./usage-error";

/** Options of `isms report`. */
export interface ReportCommandOptions {
  format: string;
  today?: string;
  out?: string;
  /** `review-pack` only: the review id or date the period starts at. */
  since?: string;
}

/** The reports of `isms report <report>`: each built from a root's model and the findings of the check. */
const REPORTS: Record<string, (model: IsmsModel, today: LocalDate, findings: readonly Finding[], muted: readonly MutedFinding[], options: ReportCommandOptions) => IsmsReport> = {
  soa: (model, today) => soaReport(model, today),
  risks: (model, today) => riskRegisterReport(model, today),
  readiness: (model, today, findings, muted) => readinessReport(model, findings, today, { muted }),
  "review-pack": (model, today, findings, _muted, options) => reviewPackReport(model, findings, today, { since: options.since }),
};

/** The formats of `isms report --format`: text, or the bytes of a Word document. */
const RENDERERS: Record<string, (report: IsmsReport) => string | Promise<Uint8Array>> = {
  md: renderMarkdown,
  html: (report) => renderHtml(report),
  csv: (report) => renderCsv(report),
  // Loaded on demand: the Word writer is the largest part of the CLI and only this format needs it.
  docx: async (report) => (await import("../core/report/docx")).renderDocx(layoutDocument(report)),
};

/**
 * `isms report soa|risks|readiness|review-pack`: renders a report of the ISMS under `path` to stdout or `--out`.
 * When the folder holds several ISMS roots, reports on the one at the folder itself (else the
 * first) and names the others on stderr. Returns 0; throws {@link UsageError} on bad input or I/O errors.
 */
export async function runReport(report: string, path: string, options: ReportCommandOptions, io: CliIo): Promise<number> {
  const build = Object.hasOwn(REPORTS, report) ? REPORTS[report] : undefined;
  if (!build) throw new UsageError(`unknown report "${report}": choose ${Object.keys(REPORTS).join(", ")}`);
  const render = Object.hasOwn(RENDERERS, options.format) ? RENDERERS[options.format] : undefined;
  if (!render) throw new UsageError(`unknown format "${options.format}": choose ${Object.keys(RENDERERS).join(", ")}`);
  if (report === "review-pack" && options.format === "csv") throw new UsageError(`the review pack has no csv form: choose md, html or docx`);
  if (report !== "review-pack" && options.since !== undefined) throw new UsageError(`--since applies to the review pack only`);
  if (options.format === "docx" && !options.out) throw new UsageError(`--format docx writes a Word file: give it with --out FILE`);
  let today;
  try {
    today = resolveToday(options.today, io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const { models, findings, muted } = await loadAndCheck(path, today);
  const model = models.find((m) => m.root === "") ?? models[0];
  if (models.length > 1) {
    const others = models.filter((m) => m !== model).map((m) => m.root || ".");
    io.stderr.write(`isms: note: "${path}" holds ${models.length} ISMS roots; reporting on ${model.root || "."} (not on ${others.join(", ")})\n`);
  }

  const files = new Set(model.files.map((f) => f.file));
  const broken = model.files.filter((f) => f.problems.length > 0).map((f) => f.file);
  if (broken.length > 0) {
    io.stderr.write(`isms: warning: ${broken.join(", ")} ${broken.length === 1 ? "has" : "have"} syntax errors: the report may miss or garble their records (run isms check)\n`);
  }
  let built: IsmsReport;
  try {
    built = build(
      model,
      today,
      findings.filter((f) => files.has(f.file)),
      muted.filter((f) => files.has(f.file)),
      options,
    );
  } catch (error) {
    if (error instanceof ReviewPackError) throw new UsageError(error.message);
    throw error;
  }
  const text = await render(built);
  if (options.out) {
    try {
      await writeFile(options.out, text);
    } catch (error) {
      throw new UsageError(`cannot write "${options.out}": ${(error as Error).message}`);
    }
  } else {
    io.stdout.write(text);
  }
  return 0;
}
