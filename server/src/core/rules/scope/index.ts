import type { Rule } from "../rule";

/** The rules of area `scope/`, in documentation order. */
export const SCOPE_RULES: Rule[] = [];
