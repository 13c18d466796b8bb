import type { Rule } from "../rule";
import { rule as duplicateId } from "./duplicate-id";
import { rule as unresolved } from "./unresolved";

/** The rules of area `ref/`, in documentation order. */
export const REF_RULES: Rule[] = [unresolved, duplicateId];
