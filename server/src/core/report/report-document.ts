import type { HeatMapReport } from "./heat-map";
import { heatMapCsv, layoutHeatMap } from "./heat-map-layout";
import { csvTableOf, layoutReport, type CsvTable, type ReportDocument } from "./layout";
import type { ReadinessReport } from "./readiness";
import { layoutReadiness, readinessCsv } from "./readiness-layout";
import type { RiskRegisterReport } from "./risks";
import type { SoaReport } from "./soa";

/** Any report of the engine: SoA, risk register, certification readiness, risk heat map. */
export type IsmsReport = SoaReport | RiskRegisterReport | ReadinessReport | HeatMapReport;

/** Lays out any report for reading (what the Markdown and HTML renderers render). */
export function layoutDocument(report: IsmsReport): ReportDocument {
  switch (report.kind) {
    case "readiness":
      return layoutReadiness(report);
    case "heatmap":
      return layoutHeatMap(report);
    default:
      return layoutReport(report);
  }
}

/** The flat CSV table of any report. */
export function csvTable(report: IsmsReport): CsvTable {
  switch (report.kind) {
    case "readiness":
      return readinessCsv(report);
    case "heatmap":
      return heatMapCsv(report);
    default:
      return csvTableOf(report);
  }
}
