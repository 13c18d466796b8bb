import type { Rule } from "../rule";

/** The rules of area `soa/`, in documentation order. */
export const SOA_RULES: Rule[] = [];
