import type { Rule } from "../rule";
import { rule as missingInput } from "./missing-input";
import { rule as noDecisions } from "./no-decisions";
import { rule as noTopManagement } from "./no-top-management";
import { rule as overdue } from "./overdue";

/** The rules of area `review/`, in documentation order. */
export const REVIEW_RULES: Rule[] = [overdue, noTopManagement, missingInput, noDecisions];
