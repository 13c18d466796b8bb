import type { Rule } from "../rule";
import { rule as incomplete } from "./incomplete";

/** The rules of area `scope/`, in documentation order. */
export const SCOPE_RULES: Rule[] = [incomplete];
