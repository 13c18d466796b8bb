import { jsonReporter } from "./json";
import { junitReporter } from "./junit";
import type { Reporter } from "./reporter";
import { sarifReporter } from "./sarif";
import { stylishReporter } from "./stylish";

/** Output formats of `isms check --format`. */
export const REPORTERS: Record<string, Reporter> = {
  stylish: stylishReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
};
