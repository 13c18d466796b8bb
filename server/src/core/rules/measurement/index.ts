import type { Rule } from "../rule";
import { rule as implausibleResultDate } from "./implausible-result-date";
import { rule as incomplete } from "./incomplete";
import { rule as none } from "./none";
import { rule as overdue } from "./overdue";

/** The rules of area `measurement/`, in documentation order. */
export const MEASUREMENT_RULES: Rule[] = [none, incomplete, overdue, implausibleResultDate];
