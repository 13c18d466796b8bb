import type { Rule } from "../rule";
import { rule as acceptanceMissing } from "./acceptance-missing";
import { rule as methodologyInvalid } from "./methodology-invalid";
import { rule as mitigateWithoutControls } from "./mitigate-without-controls";
import { rule as noAsset } from "./no-asset";
import { rule as noAssessment } from "./no-assessment";
import { rule as noOwner } from "./no-owner";
import { rule as ratingOutOfScale } from "./rating-out-of-scale";
import { rule as residualAboveInherent } from "./residual-above-inherent";
import { rule as residualMissing } from "./residual-missing";
import { rule as reviewOverdue } from "./review-overdue";
import { rule as treatmentNotApproved } from "./treatment-not-approved";
import { rule as unrated } from "./unrated";
import { rule as untreated } from "./untreated";

/** The rules of area `risk/`, in documentation order. */
export const RISK_RULES: Rule[] = [
  noAssessment,
  methodologyInvalid,
  unrated,
  ratingOutOfScale,
  noOwner,
  untreated,
  noAsset,
  mitigateWithoutControls,
  treatmentNotApproved,
  residualMissing,
  acceptanceMissing,
  residualAboveInherent,
  reviewOverdue,
];
