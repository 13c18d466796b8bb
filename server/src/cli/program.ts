import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { runCheck } from "./check-command";
import type { CliIo } from "./cli-io";
import { runReport } from "./report-command";
import { UsageError } from "./usage-error";

/**
 * `isms`: the command-line checker. Exit codes: 0 clean, 1 findings that fail the run,
 * 2 usage or I/O error (with a one-line reason on stderr).
 *
 * @param argv  as `process.argv`: the Node.js executable and the script, then the arguments
 */
export async function runIsms(argv: string[], io: CliIo): Promise<number> {
  const program = new Command("isms")
    .description("Check an ISO/IEC 27001 ISMS kept as YAML, and render its reports.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  let exitCode = 0;
  program
    .command("check")
    .description("check the ISMS under PATH (default: the current folder) and print the findings")
    .argument("[path]", "folder holding one or more ISMS roots (isms.yaml)", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(["stylish", "json", "sarif", "junit", "github", "gitlab"]).default("stylish"))
    .option("--today <date>", "today's date (YYYY-MM-DD) for reproducible runs; default $ISMS_TODAY or the local date")
    .option("--max-warnings <n>", "fail when there are more warnings than this", parseCount)
    .option("--max-per-rule <n>", "stylish: list at most this many findings of one rule, and count the rest (0: list all)", parseCount, 50)
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--root <folder>", "folder that sarif, junit, github and gitlab paths are relative to (default: the git repository's top level)")
    .option("--no-color", "print without colours")
    .action(async (path: string, options) => {
      exitCode = await runCheck(path, options, io);
    });

  program
    .command("report")
    .description("render the Statement of Applicability, the risk register, the certification readiness report or the management review pack")
    .addArgument(new Command().createArgument("<report>", "which report").choices(["soa", "risks", "readiness", "review-pack"]))
    .argument("[path]", "folder holding the ISMS root", ".")
    .addOption(new Option("-f, --format <format>", "output format (docx: a Word file, needs --out)").choices(["html", "md", "csv", "docx"]).default("md"))
    .option("--since <review-id|date>", "review-pack: start of the period (a management review id or YYYY-MM-DD); default the last review held")
    .option("--today <date>", "today's date (YYYY-MM-DD); default $ISMS_TODAY or the local date")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .action(async (report: string, path: string, options) => {
      exitCode = await runReport(report, path, options, io);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr.write(`isms: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`isms: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n)) throw new InvalidArgumentError("must be a whole number ≥ 0.");
  return n;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
