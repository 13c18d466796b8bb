import type { HeatMapReport } from "./heat-map";
import { heatMapCsv, layoutHeatMap } from "./heat-map-layout";
import { csvTableOf, layoutReport, type CsvTable, type ReportDocument } from "./layout";
import type { ReadinessReport } from "./readiness";
import { layoutReadiness, readinessCsv } from "./readiness-layout";
import type { RiskRegisterReport } from "./risks";
import { layoutReviewPack } from "./review-pack/layout";
import type { ReviewPackReport } from "./review-pack/types";
import type { SoaReport } from "./soa";

/** Any report of the engine: SoA, risk register, certification readiness, risk heat map, management review pack. */
export type IsmsReport = SoaReport | RiskRegisterReport | ReadinessReport | HeatMapReport | ReviewPackReport;

/** Lays out any report for reading (what the Markdown and HTML renderers render). */
export function layoutDocument(report: IsmsReport): ReportDocument {
  switch (report.kind) {
    case "readiness":
      return layoutReadiness(report);
    case "heatmap":
      return layoutHeatMap(report);
    case "review-pack":
      return layoutReviewPack(report);
    default:
      return layoutReport(report);
  }
}

/**
 * The flat CSV table of any report. The management review pack has none (its tables differ by
 * input): it is rendered as Markdown, HTML or Word.
 */
export function csvTable(report: IsmsReport): CsvTable {
  switch (report.kind) {
    case "review-pack":
      throw new Error("the management review pack has no CSV form: use md, html or docx");
    case "readiness":
      return readinessCsv(report);
    case "heatmap":
      return heatMapCsv(report);
    default:
      return csvTableOf(report);
  }
}
