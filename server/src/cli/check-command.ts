import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { RULES } from "../core";
import { loadAndCheck } from "./load-ismss";
import { reportBase, rebaseResult } from "./report-base";
import { REPORTERS, REPOSITORY_RELATIVE } from "./reporters/index";
import { summarize } from "./reporters/reporter";
import { resolveToday } from "./today";
import type { CliIo } from "./cli-io";
import { UsageError } from "./usage-error";

/** Options of `isms check`. */
export interface CheckCommandOptions {
  format: string;
  today?: string;
  maxWarnings?: number;
  output?: string;
  /** `--root`: the folder that sarif, junit, github and gitlab paths are relative to. */
  root?: string;
  color: boolean;
  /** `--max-per-rule`: stylish lists at most this many findings of one rule (0: all). */
  maxPerRule: number;
}

/**
 * `isms check`: prints the findings and returns the exit code: 1 when there is an error or more
 * warnings than `--max-warnings`, else 0. Throws {@link UsageError} on bad input (including an
 * output file that cannot be written: no report that looks like success is left behind).
 * The sarif, junit, github and gitlab formats give paths relative to the repository root (see
 * {@link reportBase}); stylish and json relative to the checked folder.
 */
export async function runCheck(path: string, options: CheckCommandOptions, io: CliIo): Promise<number> {
  let today;
  try {
    today = resolveToday(options.today, io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const reporter = REPORTERS[options.format];
  if (!reporter) throw new UsageError(`unknown format "${options.format}"`);
  const repositoryRelative = REPOSITORY_RELATIVE.has(options.format);
  // Settled before reading: a --root that does not hold the folder is a usage error.
  const base = repositoryRelative ? reportBase(path, options.root) : undefined;
  const checked = await loadAndCheck(path, today);
  const summary = summarize(checked);
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  const result = base ? rebaseResult(checked, base.prefix) : checked;
  const color = options.color && !options.output && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = reporter({ result, summary, today, rules: RULES, target: path, base: base?.folder ?? path, warningsFail: tooManyWarnings, color, maxPerRule: options.maxPerRule });
  if (base?.source === "checked-folder") {
    io.stderr.write(`isms: "${path}" is not inside a git repository: paths in the report are relative to it (give --root to choose the folder they are relative to)\n`);
  }
  if (options.output) {
    try {
      await mkdir(dirname(options.output), { recursive: true });
      await writeFile(options.output, text);
    } catch (error) {
      throw new UsageError(`cannot write "${options.output}": ${(error as Error).message}`);
    }
  } else {
    io.stdout.write(text);
  }
  if (tooManyWarnings && summary.errors === 0) {
    io.stderr.write(`isms: ${summary.warnings} ${summary.warnings === 1 ? "warning" : "warnings"}, more than --max-warnings ${options.maxWarnings}\n`);
  }
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}
