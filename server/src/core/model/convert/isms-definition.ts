import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { ConfiguredSeverity, IsmsDefinition, InterestedParty, Person, Requirement, Value } from "../types";
import type { YamlReader } from "../yaml-reader";
import { isScalar } from "yaml";
import { PERSON } from "./targets";

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/** The longest cadence or review interval the format allows, in months (the schemas' `maximum`). */
export const MAX_CADENCE_MONTHS = 36;

/** Reads an `ISMS` document (isms.yaml): scope (4.3), context (4.1, 4.2), requirements, people (5.3), cadence and rule settings. */
export function convertIsmsDefinition(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  const scope = r.map(root, "scope");
  const context = r.map(root, "context");
  const climate = r.map(context, "climate_change");
  const cadence = r.map(root, "cadence");
  const rules = r.map(root, "rules");
  const ruleSeverities = new Map<string, Value<ConfiguredSeverity>>();
  for (const pair of rules?.items ?? []) {
    if (isScalar(pair.key) && isScalar(pair.value) && SEVERITIES.has(String(pair.value.value))) {
      ruleSeverities.set(String(pair.key.value), { value: pair.value.value as ConfiguredSeverity, range: r.rangeOf(pair.value) });
    }
  }
  // Outside 1..36 months the value is invalid (the schema reports it): fall back to the default so
  // no date arithmetic runs on an absurd interval.
  const months = (key: string, fallback = 12) => {
    const v = r.number(cadence, key)?.value;
    return v !== undefined && Number.isInteger(v) && v >= 1 && v <= MAX_CADENCE_MONTHS ? v : fallback;
  };
  const responsibilitiesMap = r.map(root, "responsibilities");
  const responsibilities: IsmsDefinition["responsibilities"] = [];
  for (const pair of responsibilitiesMap?.items ?? []) {
    if (!isScalar(pair.key) || typeof pair.key.value !== "string" || pair.key.value.startsWith("x-")) continue;
    const holder = r.ref(responsibilitiesMap, pair.key.value, PERSON, `responsibilities.${pair.key.value}`);
    if (holder) responsibilities.push({ key: pair.key.value, holder });
  }
  const definition: IsmsDefinition = {
    ...r.located(root),
    organization: r.text(root, "organization"),
    standard: r.text(root, "standard"),
    scopeNode: scope,
    scopeRange: scope ? r.rangeOf(scope) : undefined,
    scopeStatement: r.text(scope, "statement"),
    scopeBoundaries: r.texts(scope, "boundaries"),
    scopeInterfaces: r.texts(scope, "interfaces"),
    contextRange: context ? r.rangeOf(context) : undefined,
    climateChange: climate ? { ...r.located(climate), relevant: r.boolean(climate, "relevant"), rationale: r.text(climate, "rationale") } : undefined,
    cadence: { managementReview: months("management_review"), internalAudit: months("internal_audit"), riskReview: months("risk_review"), auditProgramme: months("audit_programme", 36) },
    responsibilities,
    ruleSeverities,
  };
  m.definitions.push(definition);

  for (const map of r.maps(root, "people")) {
    const person: Person = {
      ...r.located(map),
      recordKind: "person",
      id: r.text(map, "id"),
      name: r.text(map, "name"),
      role: r.text(map, "role"),
      external: r.boolean(map, "external")?.value === true,
      topManagement: r.boolean(map, "top_management")?.value === true,
    };
    m.people.push(person);
  }
  for (const map of r.maps(context, "interested_parties")) {
    const party: InterestedParty = { ...r.located(map), recordKind: "interested-party", id: r.text(map, "id"), name: r.text(map, "name"), requirements: r.texts(map, "requirements") };
    m.interestedParties.push(party);
  }
  for (const map of r.maps(root, "requirements")) {
    const requirement: Requirement = { ...r.located(map), recordKind: "requirement", id: r.text(map, "id"), title: r.text(map, "title"), type: r.text(map, "type") };
    m.requirements.push(requirement);
  }
}
