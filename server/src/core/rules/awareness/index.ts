import type { Rule } from "../rule";
import { rule as overdue } from "./overdue";

/** The rules of area `awareness/`, in documentation order. */
export const AWARENESS_RULES: Rule[] = [overdue];
