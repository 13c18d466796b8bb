import type { Rule } from "../rule";
import { rule as closedIncomplete } from "./closed-incomplete";
import { rule as noCorrectiveAction } from "./no-corrective-action";
import { rule as noRootCause } from "./no-root-cause";

/** The rules of area `nc/`, in documentation order. */
export const NC_RULES: Rule[] = [noRootCause, noCorrectiveAction, closedIncomplete];
