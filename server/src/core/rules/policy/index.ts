import type { Rule } from "../rule";
import { rule as noInformationSecurityPolicy } from "./no-information-security-policy";
import { rule as reviewOverdue } from "./review-overdue";

/** The rules of area `policy/`, in documentation order. */
export const POLICY_RULES: Rule[] = [noInformationSecurityPolicy, reviewOverdue];
