import type { PdcaPhase } from "./types";

/** A rule area: the rules whose id starts with `area/`. */
export interface AreaInfo {
  area: string;
  label: string;
  phase: PdcaPhase;
}

/** The phases in Plan-Do-Check-Act order, then the documented information (7.5). */
export const PHASES: readonly PdcaPhase[] = ["Plan", "Do", "Check", "Act", "Documented information"];

/** The known rule areas in the order the overview lists them, with the PDCA phase they check. */
export const AREAS: readonly AreaInfo[] = [
  { area: "scope", label: "Scope", phase: "Plan" },
  { area: "context", label: "Context", phase: "Plan" },
  { area: "policy", label: "Policies", phase: "Plan" },
  { area: "objective", label: "Objectives", phase: "Plan" },
  { area: "risk", label: "Risks", phase: "Plan" },
  { area: "soa", label: "Statement of Applicability", phase: "Plan" },
  { area: "catalog", label: "Control catalogs", phase: "Plan" },
  { area: "action", label: "Actions", phase: "Do" },
  { area: "competence", label: "Competence", phase: "Do" },
  { area: "awareness", label: "Awareness", phase: "Do" },
  { area: "supplier", label: "Suppliers", phase: "Do" },
  { area: "incident", label: "Incidents", phase: "Do" },
  { area: "measurement", label: "Monitoring and measurement", phase: "Check" },
  { area: "audit", label: "Internal audits", phase: "Check" },
  { area: "review", label: "Management reviews", phase: "Check" },
  { area: "nc", label: "Nonconformities", phase: "Act" },
  { area: "isms", label: "ISMS files", phase: "Documented information" },
  { area: "yaml", label: "YAML", phase: "Documented information" },
  { area: "schema", label: "Format", phase: "Documented information" },
  { area: "ref", label: "References", phase: "Documented information" },
];

/** The area of a rule id (its prefix before `/`); an unknown area counts as documented information. */
export function areaOf(rule: string): AreaInfo {
  const area = rule.includes("/") ? rule.slice(0, rule.indexOf("/")) : rule;
  return AREAS.find((a) => a.area === area) ?? { area, label: area, phase: "Documented information" };
}
