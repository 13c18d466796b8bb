import actionPlan from "../../../../schemas/action-plan.schema.json";
import assetInventory from "../../../../schemas/asset-inventory.schema.json";
import common from "../../../../schemas/common.schema.json";
import controlCatalog from "../../../../schemas/control-catalog.schema.json";
import internalAudit from "../../../../schemas/internal-audit.schema.json";
import isms from "../../../../schemas/isms.schema.json";
import managementReview from "../../../../schemas/management-review.schema.json";
import nonconformityLog from "../../../../schemas/nonconformity-log.schema.json";
import objectives from "../../../../schemas/objectives.schema.json";
import policyRegister from "../../../../schemas/policy-register.schema.json";
import riskMethodology from "../../../../schemas/risk-methodology.schema.json";
import riskRegister from "../../../../schemas/risk-register.schema.json";
import statementOfApplicability from "../../../../schemas/statement-of-applicability.schema.json";
import type { IsmsKind } from "../parse/parsed-file";

/** A JSON Schema object as stored in `schemas/`. */
export type JsonSchema = Record<string, unknown>;

/** The shared definitions (`common.schema.json`), referenced by every kind's schema. */
export const COMMON_SCHEMA: JsonSchema = common;

/** The JSON Schema of each kind of ISMS document (the files in `schemas/`). */
export const SCHEMA_BY_KIND: Record<IsmsKind, JsonSchema> = {
  ISMS: isms,
  RiskMethodology: riskMethodology,
  AssetInventory: assetInventory,
  RiskRegister: riskRegister,
  StatementOfApplicability: statementOfApplicability,
  ActionPlan: actionPlan,
  InternalAudit: internalAudit,
  ManagementReview: managementReview,
  NonconformityLog: nonconformityLog,
  Objectives: objectives,
  PolicyRegister: policyRegister,
  ControlCatalog: controlCatalog,
};
