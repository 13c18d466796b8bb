import type { Rule } from "../rule";

/** The rules of area `nc/`, in documentation order. */
export const NC_RULES: Rule[] = [];
