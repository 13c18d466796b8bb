import type { Rule } from "../rule";

/** The rules of area `audit/`, in documentation order. */
export const AUDIT_RULES: Rule[] = [];
