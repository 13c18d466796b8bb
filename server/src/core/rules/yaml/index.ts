import type { Rule } from "../rule";
import { rule as numericControlId } from "./numeric-control-id";
import { rule as syntax } from "./syntax";

/** The rules of area `yaml/`, in documentation order. */
export const YAML_RULES: Rule[] = [syntax, numericControlId];
