import type { Rule } from "../rule";
import { rule as noDueDate } from "./no-due-date";
import { rule as noOwner } from "./no-owner";
import { rule as overdue } from "./overdue";
import { rule as unverified } from "./unverified";

/** The rules of area `action/`, in documentation order. */
export const ACTION_RULES: Rule[] = [overdue, noOwner, noDueDate, unverified];
