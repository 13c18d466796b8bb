import { writeFile } from "node:fs/promises";
import { RULES } from "../core";
import { loadAndCheck } from "./load-ismss";
import { REPORTERS } from "./reporters/index";
import { summarize } from "./reporters/reporter";
import { resolveToday } from "./today";
import { UsageError } from "./usage-error";

/** Options of `isms check`. */
export interface CheckCommandOptions {
  format: string;
  today?: string;
  maxWarnings?: number;
  output?: string;
  color: boolean;
}

/**
 * `isms check`: prints the findings and returns the exit code: 1 when there is an error or more
 * warnings than `--max-warnings`, else 0. Throws {@link UsageError} on bad input.
 */
export async function runCheck(path: string, options: CheckCommandOptions): Promise<number> {
  let today;
  try {
    today = resolveToday(options.today);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const result = await loadAndCheck(path, today);
  const summary = summarize(result);
  const reporter = REPORTERS[options.format];
  const color = options.color && !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = reporter({ result, summary, today, rules: RULES, target: path, color });
  if (options.output) {
    try {
      await writeFile(options.output, text);
    } catch (error) {
      throw new UsageError(`cannot write "${options.output}": ${(error as Error).message}`);
    }
  } else {
    process.stdout.write(text);
  }
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  if (tooManyWarnings && summary.errors === 0) {
    process.stderr.write(`isms: ${summary.warnings} ${summary.warnings === 1 ? "warning" : "warnings"}, more than --max-warnings ${options.maxWarnings}\n`);
  }
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}
