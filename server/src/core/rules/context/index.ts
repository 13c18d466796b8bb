import type { Rule } from "../rule";

/** The rules of area `context/`, in documentation order. */
export const CONTEXT_RULES: Rule[] = [];
