import type { Rule } from "../rule";

/** The rules of area `objective/`, in documentation order. */
export const OBJECTIVE_RULES: Rule[] = [];
