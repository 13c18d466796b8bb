import type { Rule } from "../rule";
import { rule as climateChange } from "./climate-change";

/** The rules of area `context/`, in documentation order. */
export const CONTEXT_RULES: Rule[] = [climateChange];
