import type { Rule } from "../rule";
import { rule as annexAId } from "./annex-a-id";

/** The rules of area `catalog/`, in documentation order. */
export const CATALOG_RULES: Rule[] = [annexAId];
