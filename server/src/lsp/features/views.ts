import { ismsViews } from "../../core/views";
import { IsmsViewRequest, type IsmsViewResult, type RootViews, type ViewLocation } from "../../protocol";
import type { Feature, ServerContext } from "../feature";
import type { GroupCheck } from "../workspace-index";

/**
 * `isms/views`: the data of the client's ISMS tree views for every ISMS root, built by the engine
 * from the latest check of each root (its model and the findings shown in its files), with file
 * keys turned into the client's URIs. Waits for pending checks first, so the answer matches the
 * `isms/modelChanged` that prompted it.
 */
export const viewsFeature: Feature = {
  name: "views",
  capabilities: () => ({}),
  register(ctx) {
    const empty: IsmsViewResult = { roots: [] };
    ctx.connection.onRequest(
      IsmsViewRequest.type,
      ctx.guard(
        "isms/views",
        async (): Promise<IsmsViewResult> => {
          await ctx.index.settled();
          return { roots: ctx.index.groups().flatMap((group) => rootViews(ctx, group)) };
        },
        empty,
      ),
    );
  },
};

/** The views of one checked group: one entry for a root with a model, none for the files under no root. */
function rootViews(ctx: ServerContext, group: GroupCheck): RootViews[] {
  if (!group.isRoot || !group.model) return [];
  const findings = group.files.flatMap((f) => f.findings);
  const locate = (l: { file: string; range: ViewLocation["range"] }): ViewLocation => ({ uri: ctx.keyToUri(l.file), range: l.range });
  return [{ ...ismsViews(group.model, findings, group.settings.today, locate, group.muted), root: group.summary.root }];
}
