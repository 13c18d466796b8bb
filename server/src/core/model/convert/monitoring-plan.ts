import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { YamlReader } from "../yaml-reader";
import { OBJECTIVE, PERSON } from "./targets";

/** Reads a `MonitoringPlan` document (9.1 a-f): the measures and their recorded results. */
export function convertMonitoringPlan(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  m.monitoringPlans.push(r.located(root));
  for (const map of r.maps(root, "measures")) {
    m.measures.push({
      ...r.located(map),
      recordKind: "measure",
      id: r.text(map, "id"),
      what: r.text(map, "what"),
      method: r.text(map, "method"),
      frequencyMonths: r.number(map, "frequency_months"),
      measuredBy: r.ref(map, "measured_by", PERSON, "measures[].measured_by"),
      analysedMonths: r.number(map, "analysed_months"),
      evaluatedBy: r.ref(map, "evaluated_by", PERSON, "measures[].evaluated_by"),
      objective: r.ref(map, "objective", OBJECTIVE, "measures[].objective"),
      established: r.date(map, "established"),
      results: r.maps(map, "results").map((result) => ({
        ...r.located(result),
        date: r.date(result, "date"),
        value: r.text(result, "value"),
        targetMet: r.boolean(result, "target_met"),
      })),
    });
  }
}
