import type { Rule } from "../rule";

/** The rules of area `action/`, in documentation order. */
export const ACTION_RULES: Rule[] = [];
