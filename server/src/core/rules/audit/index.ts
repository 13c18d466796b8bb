import type { Rule } from "../rule";
import { rule as auditorNotIndependent } from "./auditor-not-independent";
import { rule as coverageGap } from "./coverage-gap";
import { rule as findingWithoutNonconformity } from "./finding-without-nonconformity";
import { rule as notReported } from "./not-reported";
import { rule as overdue } from "./overdue";

/** The rules of area `audit/`, in documentation order. */
export const AUDIT_RULES: Rule[] = [overdue, coverageGap, auditorNotIndependent, findingWithoutNonconformity, notReported];
