import { jsonReporter } from "./json";
import type { Reporter } from "./reporter";
import { stylishReporter } from "./stylish";

/** Output formats of `isms check --format`. */
export const REPORTERS: Record<string, Reporter> = {
  stylish: stylishReporter,
  json: jsonReporter,
};
