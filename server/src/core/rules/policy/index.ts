import type { Rule } from "../rule";

/** The rules of area `policy/`, in documentation order. */
export const POLICY_RULES: Rule[] = [];
