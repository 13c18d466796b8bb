import type { Rule } from "../rule";

/** The rules of area `review/`, in documentation order. */
export const REVIEW_RULES: Rule[] = [];
