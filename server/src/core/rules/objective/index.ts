import type { Rule } from "../rule";
import { rule as incomplete } from "./incomplete";
import { rule as overdue } from "./overdue";
import { rule as unmeasured } from "./unmeasured";

/** The rules of area `objective/`, in documentation order. */
export const OBJECTIVE_RULES: Rule[] = [incomplete, overdue, unmeasured];
