import type { IsmsModel } from "../model/isms-model";
import type { Nonconformity } from "../model/types";
import type { Location } from "../text/range";
import { compareOptionalDates } from "./actions";
import { compareIds } from "./levels";
import type { Locate, NonconformitiesView, NonconformityItem } from "./types";

/**
 * The nonconformities of an ISMS (10.2): open ones (any status but `closed`) oldest raised
 * first, closed ones latest closed first.
 */
export function nonconformitiesView<L = Location>(model: IsmsModel, locate: Locate<L>): NonconformitiesView<L> {
  const items = model.nonconformities.map((nc) => item(nc, locate));
  const open = items.filter((nc) => nc.status !== "closed").sort((a, b) => compareOptionalDates(a.raised, b.raised) || compareIds(a.id, b.id));
  const closed = items.filter((nc) => nc.status === "closed").sort((a, b) => compareOptionalDates(b.closed, a.closed, -1) || compareIds(a.id, b.id));
  return { open, closed };
}

function item<L>(nc: Nonconformity, locate: Locate<L>): NonconformityItem<L> {
  return {
    id: nc.id?.value ?? "",
    description: nc.description?.value,
    raised: nc.raised?.value,
    closed: nc.closed?.value,
    status: nc.status?.value,
    source: nc.source?.id ?? nc.sourceWord?.value,
    correction: nc.correction?.value,
    rootCause: nc.rootCause?.value,
    actions: nc.actions.map((a) => a.id),
    location: locate({ file: nc.file, range: nc.range }),
  };
}
