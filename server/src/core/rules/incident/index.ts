import type { Rule } from "../rule";
import { rule as highWithoutNonconformity } from "./high-without-nonconformity";
import { rule as noLessonsLearned } from "./no-lessons-learned";

/** The rules of area `incident/`, in documentation order. */
export const INCIDENT_RULES: Rule[] = [noLessonsLearned, highWithoutNonconformity];
