import type { Rule } from "../rule";
import { rule as noOwner } from "./no-owner";

/** The rules of area `asset/`, in documentation order. */
export const ASSET_RULES: Rule[] = [noOwner];
