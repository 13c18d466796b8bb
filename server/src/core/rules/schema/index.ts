import type { Rule } from "../rule";
import { rule as invalid } from "./invalid";

/** The rules of area `schema/`, in documentation order. */
export const SCHEMA_RULES: Rule[] = [invalid];
