import type { Rule } from "../rule";
import { rule as missingRecord } from "./missing-record";

/** The rules of area `competence/`, in documentation order. */
export const COMPETENCE_RULES: Rule[] = [missingRecord];
