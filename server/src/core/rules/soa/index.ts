import type { Rule } from "../rule";
import { rule as boilerplateJustification } from "./boilerplate-justification";
import { rule as duplicateControl } from "./duplicate-control";
import { rule as evidenceMissing } from "./evidence-missing";
import { rule as implementationUnplanned } from "./implementation-unplanned";
import { rule as statusMissing } from "./status-missing";
import { rule as excludedButUsed } from "./excluded-but-used";
import { rule as missingControl } from "./missing-control";
import { rule as missingJustification } from "./missing-justification";
import { rule as notApproved } from "./not-approved";
import { rule as unknownControl } from "./unknown-control";
import { rule as untracedControl } from "./untraced-control";

/** The rules of area `soa/`, in documentation order. */
export const SOA_RULES: Rule[] = [
  missingControl,
  unknownControl,
  duplicateControl,
  missingJustification,
  boilerplateJustification,
  statusMissing,
  implementationUnplanned,
  evidenceMissing,
  untracedControl,
  excludedButUsed,
  notApproved,
];
