import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { Risk, Treatment, Value } from "../types";
import type { YamlReader } from "../yaml-reader";
import { ACTION, ASSET, PERSON } from "./targets";

const TREATMENTS: Record<string, Treatment> = {
  mitigate: "mitigate",
  modify: "mitigate",
  accept: "accept",
  retain: "accept",
  avoid: "avoid",
  transfer: "transfer",
  share: "transfer",
};

/** Reads a `RiskRegister` document (6.1.2, 6.1.3, 8.2, 8.3). Scores are computed later from the methodology. */
export function convertRiskRegister(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const risk of r.records(root, "risks", "risks", (map) => readRisk(r, map))) m.risks.push(risk);
}

/** One risk of a register. */
function readRisk(r: YamlReader, map: YAMLMap): Risk {
  {
    const residual = r.map(map, "residual");
    const acceptance = r.map(map, "acceptance");
    const approval = r.map(map, "treatment_approval");
    const treatmentText = r.text(map, "treatment");
    const treatment = treatmentText && TREATMENTS[treatmentText.value] ? ({ value: TREATMENTS[treatmentText.value], range: treatmentText.range } as Value<Treatment>) : undefined;
    const risk: Risk = {
      ...r.located(map),
      recordKind: "risk",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      owner: r.ref(map, "owner", PERSON, "risks[].owner"),
      assets: r.refs(map, "assets", ASSET, "risks[].assets"),
      likelihood: r.number(map, "likelihood"),
      impact: r.number(map, "impact"),
      treatment,
      controls: r.controls(map, "controls", "risks[].controls"),
      actions: r.refs(map, "actions", ACTION, "risks[].actions"),
      residual: residual ? { ...r.located(residual), likelihood: r.number(residual, "likelihood"), impact: r.number(residual, "impact") } : undefined,
      acceptance: acceptance
        ? {
            ...r.located(acceptance),
            by: r.ref(acceptance, "by", PERSON, "risks[].acceptance.by"),
            date: r.date(acceptance, "date"),
            expires: r.date(acceptance, "expires"),
          }
        : undefined,
      treatmentApproval: approval ? { ...r.located(approval), by: r.ref(approval, "by", PERSON, "risks[].treatment_approval.by"), date: r.date(approval, "date") } : undefined,
      reviewed: r.date(map, "reviewed"),
    };
    return risk;
  }
}
