import type { Rule } from "../rule";
import { rule as noAgreement } from "./no-agreement";
import { rule as reviewInFuture } from "./review-in-future";
import { rule as reviewOverdue } from "./review-overdue";

/** The rules of area `supplier/`, in documentation order. */
export const SUPPLIER_RULES: Rule[] = [noAgreement, reviewOverdue, reviewInFuture];
