import { ACTION_RULES } from "./action/index";
import { ASSET_RULES } from "./asset/index";
import { AUDIT_RULES } from "./audit/index";
import { AWARENESS_RULES } from "./awareness/index";
import { CATALOG_RULES } from "./catalog/index";
import { COMPETENCE_RULES } from "./competence/index";
import { CONTEXT_RULES } from "./context/index";
import { INCIDENT_RULES } from "./incident/index";
import { ISMS_RULES } from "./isms/index";
import { MEASUREMENT_RULES } from "./measurement/index";
import { NC_RULES } from "./nc/index";
import { OBJECTIVE_RULES } from "./objective/index";
import { POLICY_RULES } from "./policy/index";
import { REF_RULES } from "./ref/index";
import { REVIEW_RULES } from "./review/index";
import { RISK_RULES } from "./risk/index";
import type { Rule } from "./rule";
import { SCHEMA_RULES } from "./schema/index";
import { SCOPE_RULES } from "./scope/index";
import { SOA_RULES } from "./soa/index";
import { SUPPLIER_RULES } from "./supplier/index";
import { YAML_RULES } from "./yaml/index";

/**
 * Every rule of the engine, in documentation order: each area's rules as its `index.ts` lists
 * them. Ids are unique and match file paths (a test checks).
 */
export const RULES: readonly Rule[] = [
  ...YAML_RULES,
  ...SCHEMA_RULES,
  ...REF_RULES,
  ...SCOPE_RULES,
  ...CONTEXT_RULES,
  ...SOA_RULES,
  ...CATALOG_RULES,
  ...ASSET_RULES,
  ...RISK_RULES,
  ...ACTION_RULES,
  ...NC_RULES,
  ...AUDIT_RULES,
  ...REVIEW_RULES,
  ...OBJECTIVE_RULES,
  ...POLICY_RULES,
  ...COMPETENCE_RULES,
  ...AWARENESS_RULES,
  ...MEASUREMENT_RULES,
  ...SUPPLIER_RULES,
  ...INCIDENT_RULES,
  ...ISMS_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The rule with id `id`. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
