import { CheckWorkspaceRequest, ModelChangedNotification, type CheckWorkspaceResult } from "@protocol";
import type { Feature } from "../feature";
import { totals } from "../workspace-index";

/**
 * `isms/checkWorkspace` (re-read everything from disk, re-check, answer the summary) and
 * `isms/modelChanged` (sent after every re-check with the summary of every root).
 */
export const checkWorkspaceFeature: Feature = {
  name: "check-workspace",
  capabilities: () => ({}),
  register(ctx) {
    const empty: CheckWorkspaceResult = { roots: [], errors: 0, warnings: 0, infos: 0, files: 0 };
    ctx.connection.onRequest(
      CheckWorkspaceRequest.type,
      ctx.guard(
        "isms/checkWorkspace",
        async () => {
          await ctx.index.reindex();
          return ctx.index.summaries();
        },
        empty,
      ),
    );

    ctx.onModelChanged((event) => {
      const roots = ctx.index.summaries().roots;
      void ctx.connection
        .sendNotification(ModelChangedNotification.type, {
          roots,
          ...totals(roots),
          changed: event.changed.map((g) => g.summary.root),
          removed: event.removed.map((g) => g.summary.root),
        })
        .catch((error: unknown) => ctx.log.failure("Sending isms/modelChanged", error));
    });
  },
};
