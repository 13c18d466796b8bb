import {
  heatMapReport,
  layoutDocument,
  readinessReport,
  renderCsv,
  renderDocumentHtml,
  renderHtml,
  renderMarkdown,
  reportStyles,
  reportTargets,
  reviewPackReport,
  riskRegisterReport,
  soaReport,
  type IsmsReport,
} from "../../core/report/index";
import { ReportRequest, type ReportLocation, type ReportParams, type ReportResult } from "@protocol";
import type { Feature, ServerContext } from "../feature";
import type { GroupCheck } from "../workspace-index";

/**
 * `isms/report`: renders the SoA, the risk register, the certification readiness report, the
 * risk heat map or the management review pack of one ISMS root from its latest check, with the engine's renderers (the same code
 * as `isms report`). For a webview (`html-body`) it adds the style sheet and where each row and
 * link opens, in the client's URIs.
 */
export const reportsFeature: Feature = {
  name: "reports",
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(
      ReportRequest.type,
      ctx.guard(
        "isms/report",
        async (params: ReportParams): Promise<ReportResult | null> => {
          await ctx.index.settled();
          const group = rootGroup(ctx, params.root);
          return group ? renderReport(ctx, group, params) : null;
        },
        null,
      ),
    );
  },
};

/** The checked root named by `root` (a URI), else the first root; `undefined` when there is none. */
function rootGroup(ctx: ServerContext, root: string | undefined): (GroupCheck & { model: NonNullable<GroupCheck["model"]> }) | undefined {
  const roots = ctx.index.groups().filter((g): g is GroupCheck & { model: NonNullable<GroupCheck["model"]> } => g.isRoot && g.model !== undefined);
  if (root === undefined || root === "") return roots[0];
  const key = ctx.uriToKey(root);
  return roots.find((g) => g.root === key);
}

function buildReport(group: GroupCheck & { model: NonNullable<GroupCheck["model"]> }, params: ReportParams): IsmsReport {
  const today = group.settings.today;
  switch (params.report) {
    case "soa":
      return soaReport(group.model, today);
    case "risks":
      return riskRegisterReport(group.model, today);
    case "readiness":
      return readinessReport(
        group.model,
        group.files.flatMap((f) => f.findings),
        today,
        { muted: group.muted },
      );
    case "heatmap":
      return heatMapReport(group.model, today, params.residual === true ? "residual" : "inherent");
    case "review-pack":
      return reviewPackReport(
        group.model,
        group.files.flatMap((f) => f.findings),
        today,
        { since: typeof params.since === "string" ? params.since : undefined },
      );
    default:
      throw new Error(`unknown report "${String(params.report)}"`);
  }
}

function renderReport(ctx: ServerContext, group: GroupCheck & { model: NonNullable<GroupCheck["model"]> }, params: ReportParams): ReportResult {
  const report = buildReport(group, params);
  const doc = layoutDocument(report);
  const base = { title: doc.pageTitle, root: group.summary.root };
  switch (params.format) {
    case "html-body": {
      const targets: Record<string, ReportLocation> = {};
      for (const [key, t] of Object.entries(reportTargets(doc, group.model))) {
        const at = { line: t.line, character: t.character };
        targets[key] = { uri: ctx.keyToUri(t.file), range: { start: at, end: at } };
      }
      return { ...base, content: renderDocumentHtml(doc, { interactive: true }), styles: reportStyles(doc), targets };
    }
    case "html":
      return { ...base, content: renderHtml(report) };
    case "md":
      return { ...base, content: renderMarkdown(report) };
    case "csv":
      return { ...base, content: renderCsv(report) };
    default:
      throw new Error(`unknown format "${String(params.format)}"`);
  }
}
