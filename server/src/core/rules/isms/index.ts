import type { Rule } from "../rule";
import { rule as documentWithoutKind } from "./document-without-kind";
import { rule as duplicateDefinition } from "./duplicate-definition";
import { rule as emptyFile } from "./empty-file";
import { rule as noImprovement } from "./no-improvement";
import { rule as noRoot } from "./no-root";
import { rule as notAFile } from "./not-a-file";
import { rule as placeholderText } from "./placeholder-text";
import { rule as responsibilitiesUnassigned } from "./responsibilities-unassigned";
import { rule as supersededStandard } from "./superseded-standard";
import { rule as suppressionWithoutReason } from "./suppression-without-reason";
import { rule as unknownRule } from "./unknown-rule";

/** The rules of area `isms/`, in documentation order. */
export const ISMS_RULES: Rule[] = [
  responsibilitiesUnassigned,
  noImprovement,
  supersededStandard,
  placeholderText,
  noRoot,
  duplicateDefinition,
  emptyFile,
  notAFile,
  documentWithoutKind,
  suppressionWithoutReason,
  unknownRule,
];
