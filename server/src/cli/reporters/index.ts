import { githubReporter } from "./github";
import { gitlabReporter } from "./gitlab";
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
  github: githubReporter,
  gitlab: gitlabReporter,
};

/** The formats whose paths are relative to the repository root (what CI dashboards resolve). */
export const REPOSITORY_RELATIVE: ReadonlySet<string> = new Set(["sarif", "junit", "github", "gitlab"]);
