import type { Rule } from "../rule";

/** The rules of area `risk/`, in documentation order. */
export const RISK_RULES: Rule[] = [];
